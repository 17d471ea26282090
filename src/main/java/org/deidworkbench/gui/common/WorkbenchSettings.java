package org.deidworkbench.gui.common;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.deidworkbench.gui.theme.Theme;

/**
 * What the window remembers between sessions: its size and place, the theme, the language and the
 * recent folders. Never a passphrase, a key, a profile's content or a data value. Backed by Java
 * preferences in the application, by a map in tests. Thread-safe.
 */
public final class WorkbenchSettings {

    /** Most recent folders kept. */
    public static final int RECENT_LIMIT = 8;

    private static final String THEME = "theme";
    private static final String LANGUAGE = "language";
    private static final String WINDOW = "window";
    private static final String RECENT = "recent.";

    /** Where settings are kept: a flat string map. */
    public interface Store {
        String get(String key);

        void put(String key, String value);

        void remove(String key);
    }

    /** Size and place of the main window. */
    public record WindowBounds(double x, double y, double width, double height, boolean maximized) {
    }

    private final Store store;

    public WorkbenchSettings(Store store) {
        this.store = store;
    }

    /** The user's Java preferences node {@code org/deidworkbench/gui}. */
    public static Store preferences() {
        Preferences node = Preferences.userRoot().node("org/deidworkbench/gui");
        return new Store() {
            @Override
            public String get(String key) {
                return node.get(key, null);
            }

            @Override
            public void put(String key, String value) {
                node.put(key, value);
                flush(node);
            }

            @Override
            public void remove(String key) {
                node.remove(key);
                flush(node);
            }
        };
    }

    private static void flush(Preferences node) {
        try {
            node.flush();
        } catch (BackingStoreException e) {
            // Not fatal: the settings live on for this session.
        }
    }

    /** Settings kept in memory only (tests, screenshots). */
    public static Store memory() {
        Map<String, String> map = new ConcurrentHashMap<>();
        return new Store() {
            @Override
            public String get(String key) {
                return map.get(key);
            }

            @Override
            public void put(String key, String value) {
                map.put(key, value);
            }

            @Override
            public void remove(String key) {
                map.remove(key);
            }
        };
    }

    /** The theme last chosen (light at first). */
    public Theme theme() {
        String name = store.get(THEME);
        for (Theme t : Theme.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return Theme.LIGHT;
    }

    public void setTheme(Theme theme) {
        store.put(THEME, theme.name());
    }

    /** The language last chosen, else the system's if the workbench speaks it, else English. */
    public Locale language() {
        String tag = store.get(LANGUAGE);
        return Messages.of(tag == null ? Locale.getDefault() : Locale.forLanguageTag(tag)).locale();
    }

    public void setLanguage(Locale language) {
        store.put(LANGUAGE, language.toLanguageTag());
    }

    /** The main window's last bounds, if any were saved and are readable. */
    public Optional<WindowBounds> window() {
        String v = store.get(WINDOW);
        if (v == null) {
            return Optional.empty();
        }
        String[] p = v.split(",");
        try {
            return Optional.of(new WindowBounds(Double.parseDouble(p[0]), Double.parseDouble(p[1]),
                    Double.parseDouble(p[2]), Double.parseDouble(p[3]), Boolean.parseBoolean(p[4])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    public void setWindow(WindowBounds b) {
        store.put(WINDOW, b.x() + "," + b.y() + "," + b.width() + "," + b.height() + "," + b.maximized());
    }

    /** Recent folders and files, most recent first. */
    public List<Path> recent() {
        List<Path> paths = new ArrayList<>();
        for (int i = 0; i < RECENT_LIMIT; i++) {
            String v = store.get(RECENT + i);
            if (v != null) {
                try {
                    paths.add(Path.of(v));
                } catch (InvalidPathException e) {
                    // written on another system; skip it
                }
            }
        }
        return paths;
    }

    /** Puts {@code path} first in the recent list (once), dropping the oldest beyond {@link #RECENT_LIMIT}. */
    public void addRecent(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> paths = new ArrayList<>(recent());
        paths.remove(abs);
        paths.add(0, abs);
        for (int i = 0; i < RECENT_LIMIT; i++) {
            if (i < paths.size()) {
                store.put(RECENT + i, paths.get(i).toString());
            } else {
                store.remove(RECENT + i);
            }
        }
    }
}
