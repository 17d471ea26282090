package org.deidworkbench.gui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The listeners a set of views hangs on longer-lived view models, removed together when the views
 * are thrown away (a language switch rebuilds every view from the same view models). FX thread only.
 */
public final class ViewScope {

    private final List<Runnable> removals = new ArrayList<>();

    /** Adds {@code listener} to {@code value} and calls it once with the current value. */
    public <T> void listen(ObservableValue<T> value, ChangeListener<? super T> listener) {
        value.addListener(listener);
        removals.add(() -> value.removeListener(listener));
        listener.changed(value, null, value.getValue());
    }

    /** Adds {@code listener} to {@code list} (not called at once). */
    public <T> void listen(ObservableList<T> list, ListChangeListener<? super T> listener) {
        list.addListener(listener);
        removals.add(() -> list.removeListener(listener));
    }

    /** Removes every listener added through this scope. */
    public void dispose() {
        removals.forEach(Runnable::run);
        removals.clear();
    }
}
