/**
 * Every dialog of the workbench behind one mockable {@link org.deidworkbench.gui.dialogs.DialogService}:
 * file choosers, errors with expandable details, confirmations, passphrases and the run settings.
 */
package org.deidworkbench.gui.dialogs;
