/** Light and dark themes: one stylesheet with colour variables, switched by a style class on the root. */
package org.deidworkbench.gui.theme;
