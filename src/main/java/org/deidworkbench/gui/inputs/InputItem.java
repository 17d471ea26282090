package org.deidworkbench.gui.inputs;

import java.nio.file.Path;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.deidworkbench.gui.common.LocalizedText;
import org.deidworkbench.job.FileKind;

/**
 * One node of the input tree: a folder, or a file with its detected format and its status. Changed
 * on the FX thread only.
 */
public final class InputItem {

    private final Path path;
    private final FileKind kind;
    private final ObservableList<InputItem> children = FXCollections.observableArrayList();
    private final ObjectProperty<FileStatus> status = new SimpleObjectProperty<>(this, "status");
    private final ObjectProperty<LocalizedText> reason = new SimpleObjectProperty<>(this, "reason");

    /** A folder with its children. */
    InputItem(Path path, List<InputItem> children) {
        this.path = path;
        this.kind = null;
        this.children.setAll(children);
    }

    /** A file of a detected kind; withheld from the start when this version cannot clean it. */
    InputItem(Path path, FileKind kind) {
        this.path = path;
        this.kind = kind;
        if (kind.cleanable()) {
            status.set(FileStatus.PENDING);
        } else {
            status.set(FileStatus.WITHHELD);
            reason.set(LocalizedText.of("tree.withheld.reason", kind.withheldCode()));
        }
    }

    /** Absolute, normalized path. */
    public Path path() {
        return path;
    }

    /** The name shown in the tree. */
    public String name() {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }

    public boolean isFolder() {
        return kind == null;
    }

    /** The detected format of a file; {@code null} for a folder. */
    public FileKind kind() {
        return kind;
    }

    public ObservableList<InputItem> children() {
        return children;
    }

    /** The file's badge; {@code null} for a folder. */
    public ObjectProperty<FileStatus> statusProperty() {
        return status;
    }

    public FileStatus status() {
        return status.get();
    }

    /** Why the file has its status (withheld or error), for the tooltip; may be {@code null}. */
    public ObjectProperty<LocalizedText> reasonProperty() {
        return reason;
    }

    @Override
    public String toString() {
        return "InputItem[" + (isFolder() ? "folder" : kind.format()) + ", " + status.get() + "]";
    }
}
