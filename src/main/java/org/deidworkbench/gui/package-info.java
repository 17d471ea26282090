/**
 * The JavaFX workbench: views, view models, dialogs and theme. Imports only {@code job},
 * {@code config}, {@code keyfile}, {@code model} and JavaFX; every long task goes through
 * {@link org.deidworkbench.gui.common.BackgroundTasks}, never the FX thread.
 */
package org.deidworkbench.gui;
