/**
 * What every file format provides to a run: detection, reading and writing seams.
 */
package org.deidworkbench.format;
