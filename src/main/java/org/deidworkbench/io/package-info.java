/**
 * Atomic file writing: the one place that writes a temporary file in the target folder, forces it to
 * disk and moves it into place. Depends on the JDK only.
 */
package org.deidworkbench.io;
