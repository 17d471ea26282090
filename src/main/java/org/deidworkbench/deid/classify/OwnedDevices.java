package org.deidworkbench.deid.classify;

import java.util.Locale;
import java.util.Set;

/**
 * A device named after its owner, as phones and watches name themselves and wearables' exports write their source
 * (decision 0238): HealthKit's {@code sourceName} "Thaddeus’s Apple Watch", "Thaddeus Okonkwo-Lind’s iPhone", a
 * Bluetooth pairing "Marisol's Pixel 7". The owner is the capitalised words right before the possessive, each a name
 * or no ordinary word ("Patient's phone", "Mom's iPad" name no one); the device word after it stays, which is what
 * a study of wearables' sources counts. Pure functions; thread-safe.
 */
public final class OwnedDevices {

    private OwnedDevices() {
    }

    /** The first word after the possessive that makes the words before it a device's owner, lower case. */
    private static final Set<String> DEVICES = Set.of("iphone", "ipad", "ipod", "watch", "macbook", "imac", "mac",
            "pixel", "galaxy", "fitbit", "garmin", "oura", "whoop", "withings", "polar", "amazfit", "laptop", "phone",
            "cellphone", "smartphone", "tablet", "kindle", "airpods", "android", "samsung", "huawei", "xiaomi",
            "oneplus", "motorola", "moto", "nokia", "chromebook", "surface", "dexcom", "omnipod", "libre", "tandem",
            "medtronic", "freestyle");

    /** Words before a possessive that name a role, not a person ("Mom's iPad", "Son's laptop"), lower case. */
    private static final Set<String> ROLES = Set.of("mom", "mum", "mother", "dad", "father", "son", "daughter", "wife",
            "husband", "sister", "brother", "grandma", "grandpa", "granny", "nana", "papa", "baby", "kid", "kids",
            "family", "partner", "patient", "pt", "caregiver", "doctor", "nurse", "clinic", "office", "work", "home",
            "guest", "user", "owner", "spouse", "child", "parent");

    private static final NameDictionary WORDS = NameDictionary.get();

    /** Whether the text may hold an owned device: a possessive stands in it (most texts: no further look). */
    private static boolean mayHold(String text) {
        return text.indexOf("'s ") > 0 || text.indexOf("\u2019s ") > 0;
    }

    /** Whether a whole value is one device named after its owner (a column of them is a source's, not a category). */
    public static boolean is(String value) {
        return find(value).length > 0;
    }

    /** The owners' names in the text, as [start, end) pairs in text order; none: an empty array. */
    public static int[][] find(String text) {
        if (!mayHold(text)) {
            return new int[0][];
        }
        java.util.List<int[]> out = new java.util.ArrayList<>();
        int n = text.length();
        for (int at = 1; at + 3 < n; at++) {
            char apostrophe = text.charAt(at);
            if ((apostrophe != '\'' && apostrophe != '\u2019') || text.charAt(at + 1) != 's' || text.charAt(at + 2) != ' '
                    || !Character.isLetter(text.charAt(at - 1))) {
                continue;
            }
            if (!deviceAt(text, at + 3)) {
                continue;
            }
            int start = ownerStart(text, at);
            if (start >= 0 && (out.isEmpty() || out.get(out.size() - 1)[1] <= start)) {
                out.add(new int[] {start, at});
            }
        }
        return out.toArray(new int[0][]);
    }

    /** Whether a device word starts at {@code i} ({@code Apple} only before {@code Watch}). */
    private static boolean deviceAt(String text, int i) {
        int end = wordEnd(text, i);
        if (end == i) {
            return false;
        }
        String word = text.substring(i, end).toLowerCase(Locale.ROOT);
        if (word.equals("apple")) {
            return end + 6 <= text.length() && text.charAt(end) == ' '
                    && text.regionMatches(true, end + 1, "watch", 0, 5) && wordEnd(text, end + 1) == end + 6;
        }
        return DEVICES.contains(word);
    }

    /**
     * Where the owner's name before the possessive at {@code apostrophe} starts: up to four capitalised words joined by a
     * space or a hyphen, each a name or no ordinary word; -1 when no owner stands there.
     */
    private static int ownerStart(String text, int apostrophe) {
        int start = -1;
        int end = apostrophe;
        for (int words = 0; words < 4 && end > 0; words++) {
            int from = end;
            while (from > 0 && Character.isLetter(text.charAt(from - 1))) {
                from--;
            }
            if (from == end || !Character.isUpperCase(text.charAt(from))) {
                break;
            }
            String word = NameDictionary.normalize(text.substring(from, end));
            if (ROLES.contains(text.substring(from, end).toLowerCase(Locale.ROOT))
                    || !WORDS.isName(word) && WORDS.isCommonWord(word)) {
                break; // "Patient's phone", "Called Thaddeus's iPhone": an ordinary word is no part of the owner
            }
            start = from;
            if (from < 2 || (text.charAt(from - 1) != ' ' && text.charAt(from - 1) != '-')
                    || !Character.isLetter(text.charAt(from - 2))) {
                break;
            }
            end = from - 1;
        }
        return start;
    }

    private static int wordEnd(String text, int i) {
        while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
            i++;
        }
        return i;
    }
}
