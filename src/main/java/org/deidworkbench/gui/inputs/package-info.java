/** The input tree: the opened folders and files, each with its format and a status badge. */
package org.deidworkbench.gui.inputs;
