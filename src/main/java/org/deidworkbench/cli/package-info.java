/**
 * The {@code deid} command line (picocli). The only package that writes to standard output.
 */
package org.deidworkbench.cli;
