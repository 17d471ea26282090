/**
 * What every view shares: the resource bundle, the one dialog service, the background-task wrapper,
 * the gateway to the jobs, and the settings the window remembers.
 */
package org.deidworkbench.gui.common;
