/**
 * The rules panel: choose or open a profile, edit it in a form or as YAML with validation markers,
 * toggle its options, save it; every valid change re-runs the preview.
 */
package org.deidworkbench.gui.rules;
