package org.deidworkbench.gui.common;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The workbench's words in one language: {@code org/deidworkbench/gui/messages*.properties}
 * (English and German). Every visible string comes from here or from {@code %key} in FXML; a test
 * fails on a literal UI string and on a key missing in either language. Immutable and thread-safe.
 */
public final class Messages {

    /** Base name of the resource bundle. */
    public static final String BUNDLE = "org.deidworkbench.gui.messages";
    /** The languages the workbench speaks, the first being the fallback. */
    public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.GERMAN);

    private final ResourceBundle bundle;
    private final Locale locale;

    private Messages(Locale locale) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle(BUNDLE, locale, Messages.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The messages of {@code locale}'s language, or English for a language the workbench does not speak. */
    public static Messages of(Locale locale) {
        Locale language = LANGUAGES.stream().filter(l -> l.getLanguage().equals(locale.getLanguage())).findFirst()
                .orElse(Locale.ENGLISH);
        return new Messages(language);
    }

    /** The language of these messages. */
    public Locale locale() {
        return locale;
    }

    /** The bundle, for {@code FXMLLoader} ({@code %key} in FXML). */
    public ResourceBundle bundle() {
        return bundle;
    }

    /** The text of {@code key} with {@code args} filled in. */
    public String get(String key, Object... args) {
        String pattern = bundle.getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** The text of a view model's message. */
    public String get(LocalizedText text) {
        return get(text.key(), text.args().toArray());
    }
}
