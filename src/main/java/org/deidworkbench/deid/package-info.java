/**
 * The rule engine: decides per field which rule applies and applies its action with the project keys. Knows no file format.
 */
package org.deidworkbench.deid;
