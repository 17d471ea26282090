/**
 * One class per de-identification action.
 */
package org.deidworkbench.deid.method;
