package org.deidworkbench.gui.preview;

import java.util.List;
import javafx.scene.Node;
import org.deidworkbench.gui.common.Messages;
import org.deidworkbench.model.PreviewField;

/**
 * How a field's change is marked, the same in every preview layout: a style class per change
 * ({@code changed}, {@code removed}, {@code added}), coloured by the theme's variables.
 */
public final class Cells {

    /** Every style class {@link #mark} may set. */
    public static final List<String> CHANGE_CLASSES = List.of("changed", "removed", "added");

    private Cells() {
    }

    /** Sets {@code node}'s change class for {@code field} ({@code null}: none). */
    public static void mark(Node node, PreviewField field) {
        node.getStyleClass().removeAll(CHANGE_CLASSES);
        if (field == null) {
            return;
        }
        switch (field.change()) {
            case CHANGED -> node.getStyleClass().add("changed");
            case REMOVED -> node.getStyleClass().add("removed");
            case ADDED -> node.getStyleClass().add("added");
            case UNCHANGED -> { }
        }
    }

    /** A field's value as one side of the preview shows it: masked, pending or "(removed)" where due. */
    public static String value(PreviewViewModel viewModel, Messages messages, Side side, PreviewField field) {
        if (side == Side.ORIGINAL) {
            return viewModel.original(field);
        }
        return field.change() == PreviewField.Change.REMOVED ? messages.get("preview.removed")
                : viewModel.cleaned(field);
    }

    /** The rule and action as one short text, e.g. {@code names (remove)}. */
    public static String rule(PreviewField field) {
        if (field.ruleId().isEmpty()) {
            return "";
        }
        return field.action().isEmpty() ? field.ruleId() : field.ruleId() + " (" + field.action() + ")";
    }
}
