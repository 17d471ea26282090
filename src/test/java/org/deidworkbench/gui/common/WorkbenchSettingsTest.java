package org.deidworkbench.gui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.IntStream;
import org.deidworkbench.gui.theme.Theme;
import org.junit.jupiter.api.Test;

/** What the window remembers: size, theme, language, recent folders. */
class WorkbenchSettingsTest {

    private final WorkbenchSettings.Store store = WorkbenchSettings.memory();
    private final WorkbenchSettings settings = new WorkbenchSettings(store);

    @Test
    void themeIsLightAtFirstAndRemembered() {
        assertEquals(Theme.LIGHT, settings.theme());
        settings.setTheme(Theme.DARK);
        assertEquals(Theme.DARK, new WorkbenchSettings(store).theme());
    }

    @Test
    void windowBoundsAreRemembered() {
        WorkbenchSettings.WindowBounds b = new WorkbenchSettings.WindowBounds(10, 20, 1200, 700, true);
        settings.setWindow(b);
        assertEquals(Optional.of(b), new WorkbenchSettings(store).window());
    }

    @Test
    void unreadableWindowBoundsAreIgnored() {
        store.put("window", "garbage");
        assertTrue(settings.window().isEmpty());
    }

    @Test
    void recentFoldersAreMostRecentFirstWithoutDuplicates() {
        settings.addRecent(Path.of("/a"));
        settings.addRecent(Path.of("/b"));
        settings.addRecent(Path.of("/a"));
        assertEquals(java.util.List.of(Path.of("/a"), Path.of("/b")), settings.recent());
    }

    @Test
    void recentListKeepsOnlyTheNewest() {
        IntStream.range(0, 12).forEach(i -> settings.addRecent(Path.of("/f" + i)));
        assertEquals(WorkbenchSettings.RECENT_LIMIT, settings.recent().size());
        assertEquals(Path.of("/f11"), settings.recent().get(0));
    }

    @Test
    void languageIsRemembered() {
        settings.setLanguage(Locale.GERMAN);
        assertEquals(Locale.GERMAN, new WorkbenchSettings(store).language());
    }
}
