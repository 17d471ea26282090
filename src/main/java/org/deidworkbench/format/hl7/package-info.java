/**
 * Files of HL7 v2 messages (decision 0182): the format's reader of messages and lines, its processor on the engine's
 * message method (decision 0126), and its value reader for the verifier.
 */
package org.deidworkbench.format.hl7;
