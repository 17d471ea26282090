/** A run from the workbench: progress, ETA and cancel on a background task, then the summary. */
package org.deidworkbench.gui.run;
