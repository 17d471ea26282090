package org.deidworkbench.gui.keys;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * The passphrase dialogs' state: for a new key file the strength and whether the confirmation
 * matches; for unlocking only whether something was typed. Holds no passphrase: the view hands in
 * the fields' characters on each change and copies them into a {@code char[]} only when the dialog
 * is confirmed (then clears the fields).
 */
public final class PassphraseViewModel {

    private final boolean creating;
    private final ReadOnlyObjectWrapper<PassphraseStrength.Level> strength = new ReadOnlyObjectWrapper<>(this,
            "strength", PassphraseStrength.Level.TOO_SHORT);
    private final ReadOnlyBooleanWrapper mismatch = new ReadOnlyBooleanWrapper(this, "mismatch");
    private final ReadOnlyBooleanWrapper acceptable = new ReadOnlyBooleanWrapper(this, "acceptable");

    /** @param creating whether this is for a new key file (strength and confirmation) or for unlocking */
    public PassphraseViewModel(boolean creating) {
        this.creating = creating;
    }

    /** The fields changed. */
    public void update(CharSequence passphrase, CharSequence confirmation) {
        if (!creating) {
            acceptable.set(passphrase.length() > 0);
            return;
        }
        PassphraseStrength.Level level = PassphraseStrength.rate(passphrase);
        strength.set(level);
        boolean same = contentEquals(passphrase, confirmation);
        mismatch.set(confirmation.length() > 0 && !same);
        acceptable.set(level != PassphraseStrength.Level.TOO_SHORT && same);
    }

    private static boolean contentEquals(CharSequence a, CharSequence b) {
        if (a.length() != b.length()) {
            return false;
        }
        boolean same = true;
        for (int i = 0; i < a.length(); i++) {
            same &= a.charAt(i) == b.charAt(i);
        }
        return same;
    }

    /** Copies a field's characters into a new array (the caller wipes it after use). */
    public static char[] copy(CharSequence chars) {
        char[] out = new char[chars.length()];
        for (int i = 0; i < out.length; i++) {
            out[i] = chars.charAt(i);
        }
        return out;
    }

    public boolean creating() {
        return creating;
    }

    /** The meter's step (new key files). */
    public ReadOnlyObjectProperty<PassphraseStrength.Level> strengthProperty() {
        return strength.getReadOnlyProperty();
    }

    /** Whether the confirmation differs from the passphrase (once something is typed in it). */
    public ReadOnlyBooleanProperty mismatchProperty() {
        return mismatch.getReadOnlyProperty();
    }

    /** Whether OK may be pressed. */
    public ReadOnlyBooleanProperty acceptableProperty() {
        return acceptable.getReadOnlyProperty();
    }
}
