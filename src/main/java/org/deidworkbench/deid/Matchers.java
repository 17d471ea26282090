package org.deidworkbench.deid;

import java.util.IdentityHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Each thread's matchers of the scrubber's constant patterns, reset for each text instead of made anew (decision
 * 0151): a matcher's arrays cost more to allocate than the few places most patterns are tried at in a short text, and
 * the scrubber's detectors made some thirty per text. A caller takes a pattern's matcher out and gives it back when it
 * is done with it; a second caller that takes the same pattern meanwhile gets one of its own, and a matcher not given
 * back (an early return, an exception) is simply made again next time, so nothing depends on it coming back. The
 * caller sets the bounds it needs: {@link Matcher#reset(CharSequence)} keeps a matcher's transparent and anchoring
 * bounds. Not for patterns made per call (the pool would keep each).
 */
final class Matchers {

    private static final ThreadLocal<IdentityHashMap<Pattern, Matcher>> IDLE =
            ThreadLocal.withInitial(IdentityHashMap::new);

    private Matchers() {
    }

    /** A matcher of {@code pattern} over {@code text}, its region the whole text. */
    static Matcher take(Pattern pattern, CharSequence text) {
        Matcher m = IDLE.get().remove(pattern);
        return m == null ? pattern.matcher(text) : m.reset(text);
    }

    /** Gives a matcher back (forgetting its text): the caller must not use it any more. */
    static void giveBack(Matcher m) {
        IDLE.get().put(m.pattern(), m.reset(""));
    }

    /** Gives back each matcher the array holds (null slots are skipped). */
    static void giveBackAll(Matcher[] matchers) {
        IdentityHashMap<Pattern, Matcher> idle = IDLE.get();
        for (Matcher m : matchers) {
            if (m != null) {
                idle.put(m.pattern(), m.reset(""));
            }
        }
    }
}
