/**
 * The sealed re-identification key file: a CMS AuthEnvelopedData (AES-256-GCM) with password and certificate recipients around a versioned JSON payload.
 */
package org.deidworkbench.keyfile;
