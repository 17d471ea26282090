/**
 * The engine of a run: binds a profile and the project keys to the action classes of
 * {@code deid.method}. It sits above both {@code deid} (value types, ledger, scrubbers) and
 * {@code deid.method}, so the packages form no cycle.
 */
package org.deidworkbench.deid.engine;
