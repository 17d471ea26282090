package org.deidworkbench.deid.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The place in a workout's title, as a sports watch names each activity after where it began (decision 0239): Garmin
 * Connect's "Toledo Running", "Sylvania Road Cycling", "Oak Openings Preserve Trail Running" — a town or a park, a
 * geographic subdivision below the state that HIPAA's Safe Harbor removes. A title is the whole value: up to four
 * capitalised words, then the activity (a sport's word, after its kind: {@code Trail}, {@code Road}, {@code Open Water}).
 * The words are a place when one of them is no ordinary word ({@code Toledo}) or a place's word follows another
 * ({@code … Preserve}, {@code … Park}, {@code … Lake}), and none is a time, a day or a kind of workout ("Morning Run",
 * "Sunday Long Run", "Treadmill Running" name no place). Pure functions; thread-safe.
 */
public final class ActivityPlaces {

    private ActivityPlaces() {
    }

    /** The last word of an activity, lower case: Garmin's activity types and Strava's. */
    private static final Set<String> SPORTS = Set.of("running", "run", "walking", "walk", "hiking", "hike", "cycling",
            "ride", "biking", "bike", "swimming", "swim", "rowing", "row", "kayaking", "paddling", "canoeing", "skiing",
            "snowboarding", "snowshoeing", "skating", "climbing", "golf", "yoga", "sailing", "surfing", "paddleboarding",
            "bouldering", "mountaineering", "jog", "jogging");

    /** Words that qualify an activity or a workout, not a place, lower case. */
    private static final Set<String> WORKOUT = Set.of("trail", "road", "mountain", "gravel", "open", "water", "pool", "cross",
            "country", "resort", "backcountry", "indoor", "outdoor", "treadmill", "track", "virtual", "stand", "up", "sea",
            "morning", "afternoon", "evening", "night", "lunch", "midday", "early", "late", "easy", "long", "recovery",
            "tempo", "interval", "intervals", "speed", "fartlek", "group", "race", "daily", "weekend", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "new", "first", "last", "my", "the", "a", "an", "e",
            "electric", "commute", "lap", "laps", "hilly", "fast", "slow", "short", "base", "warm", "cool", "down",
            "steady", "progression", "power", "brisk", "dog", "nordic", "skate", "classic", "half", "full", "marathon",
            "ultra", "sprint", "workout", "training", "session", "bike", "stationary", "spin", "rowing", "machine");

    /** A place's own words ("Oak Openings Preserve", "Lake Erie"), lower case: a place when another word stands by them. */
    private static final Set<String> PLACE_WORDS = Set.of("park", "preserve", "lake", "river", "creek", "forest", "woods",
            "beach", "island", "hills", "valley", "canyon", "reservoir", "trailhead", "greenway", "metropark", "bay",
            "harbor", "harbour", "pond", "falls", "ridge", "springs", "state", "county", "national", "reserve", "bridge",
            "loop", "pier", "mount", "mt");

    private static final NameDictionary WORDS = NameDictionary.get();

    /** Whether a whole value is a workout's title with its place. */
    public static boolean is(String value) {
        return find(value) != null;
    }

    /** The place of a workout's title that is the whole text, as [start, end), or null. */
    public static int[] find(String text) {
        int n = text.length();
        if (n < 8 || n > 80 || !Character.isUpperCase(text.charAt(0))) {
            return null;
        }
        List<int[]> words = new ArrayList<>();
        int i = 0;
        while (i < n) {
            int start = i;
            while (i < n && (Character.isLetter(text.charAt(i)) || text.charAt(i) == '\'' || text.charAt(i) == '.')) {
                i++;
            }
            if (i == start || words.size() == 8) {
                return null; // a digit, a dash, a comma: no title of a place and its sport
            }
            words.add(new int[] {start, i});
            if (i < n && text.charAt(i) != ' ') {
                return null;
            }
            i++;
        }
        if (words.size() < 2 || !SPORTS.contains(lower(text, words.get(words.size() - 1)))) {
            return null;
        }
        int place = words.size() - 1; // the place's words end before the activity's kind
        while (place > 0 && WORKOUT.contains(lower(text, words.get(place - 1)))) {
            place--;
        }
        if (place == 0 || place > 4) {
            return null;
        }
        boolean named = false;
        for (int w = 0; w < place; w++) {
            int[] word = words.get(w);
            String lower = lower(text, word);
            if (!Character.isUpperCase(text.charAt(word[0])) || WORKOUT.contains(lower)
                    || MonthNames.of(lower) != null) {
                return null;
            }
            String normalized = NameDictionary.normalize(text.substring(word[0], word[1]));
            named |= !WORDS.isCommonWord(normalized) || w > 0 && PLACE_WORDS.contains(lower)
                    || w + 1 < place && PLACE_WORDS.contains(lower);
        }
        return named ? new int[] {0, words.get(place - 1)[1]} : null;
    }

    private static String lower(String text, int[] word) {
        return text.substring(word[0], word[1]).toLowerCase(Locale.ROOT);
    }
}
