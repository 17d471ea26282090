package org.deidworkbench.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.deidworkbench.gui.dialogs.DialogService;
import org.deidworkbench.gui.inputs.FileStatus;
import org.deidworkbench.gui.keys.PassphraseStrength;
import org.deidworkbench.gui.workbench.LogEntry;
import org.deidworkbench.job.JobException;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.PreviewField;
import org.junit.jupiter.api.Test;

/**
 * Every visible string comes from the resource bundles, in English and German: no literal UI text
 * in the views or FXML, no key missing in either language, no key used that does not exist.
 */
class GuiTextTest {

    private static final Path JAVA = Path.of("src/main/java/org/deidworkbench/gui");
    private static final Path RESOURCES = Path.of("src/main/resources/org/deidworkbench/gui");
    /** Top-level namespaces of message keys: a literal starting with one of them must be a key. */
    private static final Pattern KEY_LITERAL = Pattern.compile("\"((?:action|app|area|change|dialog|error|filter|format"
            + "|image|inspector|keyfile|language|log|menu|passphrase|preview|reidentify|rules|run|status|strength|summary|tab|toolbar"
            + "|tooltip|tree)\\.[A-Za-z0-9.]*)\"");
    /** Calls that put text on screen, with a string literal as their argument. */
    private static final Pattern LITERAL_UI_TEXT = Pattern.compile("(?:\\.set(?:Text|Title|HeaderText|ContentText"
            + "|PromptText|AccessibleText|AccessibleHelp)|new (?:Label|Button|MenuItem|Menu|Tab|CheckBox|ToggleButton"
            + "|RadioMenuItem|CheckMenuItem|Tooltip|Hyperlink|TitledPane|RadioButton|TableColumn|TreeTableColumn"
            + "|ButtonType|Text))\\(\\s*\"[^\"]*[A-Za-z][^\"]*\"");
    private static final Pattern FXML_TEXT = Pattern.compile("\\b(text|title|promptText|accessibleText|accessibleHelp)"
            + "=\"([^\"]*)\"");

    private static Properties bundle(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(RESOURCES.resolve(name))) {
            p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static List<Path> files(Path root, String suffix) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeys() throws IOException {
        assertEquals(new TreeSet<>(bundle("messages.properties").stringPropertyNames()),
                new TreeSet<>(bundle("messages_de.properties").stringPropertyNames()));
    }

    @Test
    void noValueIsEmptyOrHoldsAnAsciiApostrophe() throws IOException {
        List<String> bad = new ArrayList<>();
        for (String name : List.of("messages.properties", "messages_de.properties")) {
            Properties p = bundle(name);
            for (String key : p.stringPropertyNames()) {
                String v = p.getProperty(key);
                if (v.isBlank() || v.contains("'")) {
                    bad.add(name + ": " + key);
                }
            }
        }
        assertEquals(List.of(), bad, "empty values, or ' (MessageFormat would swallow it; write ’)");
    }

    @Test
    void everyKeyUsedInJavaExistsInBothLanguages() throws IOException {
        Set<String> en = bundle("messages.properties").stringPropertyNames();
        Set<String> de = bundle("messages_de.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path f : files(JAVA, ".java")) {
            Matcher m = KEY_LITERAL.matcher(Files.readString(f));
            while (m.find()) {
                String key = m.group(1);
                boolean prefix = key.endsWith(".");
                boolean ok = prefix ? en.stream().anyMatch(k -> k.startsWith(key)) && de.stream().anyMatch(k -> k.startsWith(key))
                        : en.contains(key) && de.contains(key);
                if (!ok) {
                    missing.add(f.getFileName() + ": " + key);
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void everyKeyUsedInFxmlExistsInBothLanguages() throws IOException {
        Set<String> en = bundle("messages.properties").stringPropertyNames();
        Set<String> de = bundle("messages_de.properties").stringPropertyNames();
        List<String> missing = new ArrayList<>();
        for (Path f : files(RESOURCES, ".fxml")) {
            Matcher m = Pattern.compile("\"%([A-Za-z0-9.]+)\"").matcher(Files.readString(f));
            while (m.find()) {
                if (!en.contains(m.group(1)) || !de.contains(m.group(1))) {
                    missing.add(f.getFileName() + ": " + m.group(1));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void keysBuiltFromEnumsExistInBothLanguages() throws IOException {
        List<String> keys = new ArrayList<>();
        Arrays.stream(JobException.Reason.values()).forEach(r -> keys.add("error.job." + UserErrors.key(r.name())));
        Arrays.stream(KeyFileException.Reason.values()).forEach(r -> keys.add("error.keyfile." + UserErrors.key(r.name())));
        Arrays.stream(Action.values()).forEach(a -> keys.add("action.name." + a.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(PreviewField.Change.values()).forEach(c -> keys.add("change." + c.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(FileStatus.values()).forEach(s -> keys.add("status." + s.id()));
        Arrays.stream(PassphraseStrength.Level.values()).forEach(l -> keys.add("strength." + l.id()));
        List.of("csv", "dicom", "fhir", "hl7", "unknown").forEach(f -> {
            keys.add("format.short." + f);
            keys.add("format.name." + f);
        });
        Arrays.stream(org.deidworkbench.job.RunPhase.values()).forEach(p -> keys.add("run.phase." + p.id()));
        Arrays.stream(org.deidworkbench.gui.preview.dicom.DicomImageViewModel.Mask.values())
                .forEach(m -> keys.add("image.mask." + m.name().toLowerCase(Locale.ROOT)));
        Arrays.stream(org.deidworkbench.model.DicomImage.Unavailable.values())
                .forEach(u -> keys.add("image.unavailable." + u.name().toLowerCase(Locale.ROOT)));
        List.of("profileOpen", "profileSave", "keyFileOpen", "keyFileNew", "keyFileForRun")
                .forEach(c -> keys.add("dialog.file." + c));
        assertEquals(DialogService.FileChoice.values().length, 5, "a new file choice needs its title key");
        assertEquals(LogEntry.Level.values().length, 3);
        Set<String> en = bundle("messages.properties").stringPropertyNames();
        Set<String> de = bundle("messages_de.properties").stringPropertyNames();
        assertEquals(List.of(), keys.stream().filter(k -> !en.contains(k) || !de.contains(k)).toList());
    }

    @Test
    void javaViewsHaveNoLiteralUiText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path f : files(JAVA, ".java")) {
            Matcher m = LITERAL_UI_TEXT.matcher(Files.readString(f));
            while (m.find()) {
                literals.add(f.getFileName() + ": " + m.group());
            }
        }
        assertEquals(List.of(), literals);
    }

    @Test
    void fxmlHasNoLiteralUiText() throws IOException {
        List<String> literals = new ArrayList<>();
        for (Path f : files(RESOURCES, ".fxml")) {
            Matcher m = FXML_TEXT.matcher(Files.readString(f));
            while (m.find()) {
                String v = m.group(2);
                if (!v.isEmpty() && !v.startsWith("%") && !v.startsWith("$")) {
                    literals.add(f.getFileName() + ": " + m.group());
                }
            }
        }
        assertEquals(List.of(), literals);
    }

    @Test
    void literalTextCheckCatchesALabelWithEnglishText() {
        assertTrue(LITERAL_UI_TEXT.matcher("label.setText(\"Open folder\")").find());
        assertTrue(LITERAL_UI_TEXT.matcher("new Tooltip(\"Hello\")").find());
        assertTrue(FXML_TEXT.matcher("<Label text=\"Inputs\"/>").find());
    }
}
