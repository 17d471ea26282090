/**
 * Our own DICOM Part 10 codec (decision record 0001): data dictionary, VRs, character sets, transfer
 * syntaxes, data sets and a streaming reader and writer. A library that knows nothing of
 * de-identification, playing the part Commons CSV plays for CSV and HAPI for FHIR; it imports only
 * {@code io} and the JDK. De-identification on top of it lives in {@code format.dicom}.
 */
package org.deidworkbench.dicom;
