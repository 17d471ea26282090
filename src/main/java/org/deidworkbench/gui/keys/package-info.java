/**
 * The key file: create and unlock dialogs (passphrase with strength meter and confirmation, never
 * stored), its sealing details and run history — no secret, no original value.
 */
package org.deidworkbench.gui.keys;
