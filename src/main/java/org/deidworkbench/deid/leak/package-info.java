/**
 * Finding identifying values in de-identified output: a multi-pattern matcher (patterns anchored on their most
 * selective token or token pair, decision 0033) over
 * normalized tokens for the originals recorded in a key file, and PHI patterns. Knows no file format;
 * {@code job.VerifyJob} feeds it the values of each output file.
 */
package org.deidworkbench.deid.leak;
