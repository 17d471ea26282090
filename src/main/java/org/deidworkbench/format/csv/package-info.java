/**
 * CSV exports through Apache Commons CSV: dialect and encoding sniffing, streaming reading and writing, column rules.
 */
package org.deidworkbench.format.csv;
