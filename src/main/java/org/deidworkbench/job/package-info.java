/**
 * A run: walks inputs, dispatches files to formats, writes outputs atomically with a manifest and report, and updates the key file.
 */
package org.deidworkbench.job;
