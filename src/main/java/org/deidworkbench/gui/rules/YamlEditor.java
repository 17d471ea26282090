package org.deidworkbench.gui.rules;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import org.deidworkbench.config.ProfileProblem;

/**
 * The profile's YAML text with a gutter of line numbers in which every line with a problem is
 * marked (hover for the message). A text area and a gutter that follows its scrolling; moving the
 * caret to a problem's line and column is one call.
 */
public final class YamlEditor extends HBox {

    private static final double GUTTER_WIDTH = 44;
    /** Measured, never shown: a capital and a descender give the height of a line. */
    private static final String PROBE = "Xy";

    private final TextArea text = new TextArea();
    private final Pane gutter = new Pane();
    private final Map<Integer, String> problemLines = new HashMap<>();
    private double lineHeight = 16;
    private double scrollTop;

    public YamlEditor() {
        getStyleClass().add("yaml-editor");
        text.getStyleClass().add("yaml-text");
        text.setWrapText(false);
        text.setId("yamlText");
        gutter.getStyleClass().add("gutter");
        gutter.setMinWidth(GUTTER_WIDTH);
        gutter.setPrefWidth(GUTTER_WIDTH);
        gutter.setMaxWidth(GUTTER_WIDTH);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(gutter.widthProperty());
        clip.heightProperty().bind(gutter.heightProperty());
        gutter.setClip(clip);
        HBox.setHgrow(text, Priority.ALWAYS);
        getChildren().addAll(gutter, text);
        text.scrollTopProperty().addListener((o, was, now) -> {
            scrollTop = now.doubleValue();
            redraw();
        });
        text.textProperty().addListener((o, was, now) -> redraw());
        text.fontProperty().addListener((o, was, now) -> measure());
        gutter.heightProperty().addListener((o, was, now) -> redraw());
        measure();
    }

    /** The text area (for binding and for tests). */
    public TextArea textArea() {
        return text;
    }

    /** Marks the lines of {@code problems} in the gutter. */
    public void setProblems(List<ProfileProblem> problems) {
        problemLines.clear();
        for (ProfileProblem p : problems) {
            problemLines.merge(Math.max(1, p.location().line()), p.toString(), (a, b) -> a + "\n" + b);
        }
        redraw();
    }

    /** Lines marked as having a problem (1-based). */
    public java.util.Set<Integer> markedLines() {
        return java.util.Collections.unmodifiableSet(problemLines.keySet());
    }

    /** Moves the caret to {@code line}:{@code column} (1-based; 0 = start of line) and focuses the text. */
    public void goTo(int line, int column) {
        String t = text.getText();
        int pos = 0;
        for (int l = 1; l < line && pos >= 0; l++) {
            int next = t.indexOf('\n', pos);
            pos = next < 0 ? -1 : next + 1;
        }
        if (pos < 0) {
            pos = t.length();
        }
        int end = t.indexOf('\n', pos);
        int lineEnd = end < 0 ? t.length() : end;
        int caret = Math.min(lineEnd, pos + Math.max(0, column - 1));
        text.requestFocus();
        text.selectRange(caret, caret);
        double target = (line - 1) * lineHeight;
        if (target < text.getScrollTop() || target > text.getScrollTop() + text.getHeight() - 3 * lineHeight) {
            text.setScrollTop(Math.max(0, target - text.getHeight() / 3));
        }
    }

    private void measure() {
        Text probe = new Text(PROBE);
        probe.setFont(text.getFont());
        lineHeight = Math.max(8, probe.getLayoutBounds().getHeight());
        redraw();
    }

    private void redraw() {
        gutter.getChildren().clear();
        String t = text.getText() == null ? "" : text.getText();
        int lines = 1;
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) == '\n') {
                lines++;
            }
        }
        double top = textTopInset();
        int first = Math.max(1, (int) Math.floor((scrollTop - top) / lineHeight));
        int last = Math.min(lines, first + (int) Math.ceil(gutter.getHeight() / lineHeight) + 2);
        for (int line = first; line <= last; line++) {
            Label number = new Label(Integer.toString(line));
            number.getStyleClass().add("line-number");
            number.setPrefWidth(GUTTER_WIDTH - 4);
            number.setPadding(new Insets(0, 6, 0, 0));
            number.setMinHeight(lineHeight);
            number.setMaxHeight(lineHeight);
            String problem = problemLines.get(line);
            if (problem != null) {
                number.getStyleClass().add("problem-line");
                number.setTooltip(new Tooltip(problem));
                number.setOnMouseClicked(e -> goTo(number.getText().isEmpty() ? 1 : Integer.parseInt(number.getText()), 0));
            }
            number.relocate(0, top + (line - 1) * lineHeight - scrollTop);
            gutter.getChildren().add(number);
        }
    }

    /** The text area's content padding above the first line (its skin's default plus CSS padding). */
    private double textTopInset() {
        if (text.lookup(".content") instanceof javafx.scene.layout.Region content) {
            return content.getPadding().getTop() + text.getInsets().getTop();
        }
        return 7;
    }
}
