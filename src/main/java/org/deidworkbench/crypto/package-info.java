/**
 * Keyed cryptography: purpose keys derived from the project secret (HKDF), HMAC pseudonyms, FF1 format-preserving encryption, per-subject date offsets and UID derivation.
 */
package org.deidworkbench.crypto;
