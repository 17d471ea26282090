/** The main window: menu, toolbar, the four areas, the log and the status line. */
package org.deidworkbench.gui.workbench;
