/** The table layout of a preview (CSV): one row per record, one column per field, changed cells highlighted. */
package org.deidworkbench.gui.preview.table;
