package org.deidworkbench.deid;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Person names in Japanese, Chinese and Korean running text, where no space separates a name from the words
 * around it, so the word-based detectors of {@link TextScrubber} cannot see it: the run of Chinese characters,
 * katakana or Hangul before an honorific ("月影様", "黒沢先生", "诸葛明月女士", "서문지윤 님") and after a word
 * for a relative ("夫 月影宗一郎", "丈夫诸葛建国", "남편 서문태식"). Stateless; a text without characters of these
 * scripts is passed over by {@link #mayHold}.
 */
public final class CjkNames {

    /** Longest name looked for: a Japanese family and given name written together ("月影宗一郎") have up to six. */
    static final int MAX_NAME = 6;

    /** Honorifics written after a name, longest first where one ends another ("선생님" before "님"). */
    private static final List<String> SUFFIXES = List.of(
            "선생님", "교수님", "님", "씨",
            "先生", "様", "さま", "さん", "ちゃん", "くん", "君", "殿", "氏",
            "女士", "小姐", "医生", "大夫", "教授", "医師");

    /** Words before an honorific that are not names ("患者様", "皆様", "奥様" is "wife"). */
    private static final Set<String> NOT_NAMES = Set.of("患者", "皆", "奥", "お客", "担当", "主治医", "医", "看護師",
            "환자", "보호자", "의사", "患者家属");

    /** Words for relatives after which a name follows, as multi-character words found anywhere in a run. */
    private static final List<String> RELATIVES = List.of(
            "配偶者", "息子", "長男", "長女", "次男", "次女", "家族",
            "丈夫", "妻子", "女儿", "儿子", "母亲", "父亲", "家属", "爱人",
            "남편", "아내", "딸", "아들", "어머니", "아버지", "보호자", "배우자");
    /** One-character words for relatives: only as a word of their own (at the start of a run). */
    private static final Set<Character> SHORT_RELATIVES = Set.of('夫', '妻', '娘', '母', '父', '兄', '姉', '弟', '妹');

    private CjkNames() {
    }

    /** Chinese characters, kana and Hangul syllables (the Basic Multilingual Plane's blocks). */
    static boolean isCjk(char c) {
        return c >= '\u3400' && c <= '\u4DBF' || c >= '\u4E00' && c <= '\u9FFF' || c >= '\uF900' && c <= '\uFAFF'
                || c >= '\u3040' && c <= '\u30FF' || c == '\u3005' || c >= '\uFF66' && c <= '\uFF9F'
                || c >= '\uAC00' && c <= '\uD7AF';
    }

    /**
     * A Chinese, Japanese or Korean name as those scripts write it, family name first and no space ("早川潤" of
     * {@code 早川^潤}), when one of its parts is a single character (decision 0079): the scrubber looks up known
     * names of two characters or more inside a run of those scripts, so a one-character given name ({@code 潤}) or
     * surname ({@code 王}) is found only with the rest of the name. {@code null} for any other name, whose parts are
     * found on their own.
     */
    public static String writtenTogether(String family, String given) {
        if (family.isEmpty() || given.isEmpty()
                || family.codePointCount(0, family.length()) > 1 && given.codePointCount(0, given.length()) > 1) {
            return null;
        }
        String together = family + given;
        for (int i = 0; i < together.length(); i++) {
            if (!isCjk(together.charAt(i))) {
                return null;
            }
        }
        return together;
    }

    /** Characters a name is written in: Chinese characters, katakana, Hangul (not hiragana, the particles' script). */
    private static boolean isNameChar(char c) {
        return isCjk(c) && !(c >= '\u3040' && c <= '\u309F');
    }

    /**
     * Whether the text has a character of these scripts (no other text can hold what this class finds); the verifier asks
     * it for the numbers that count only in such a text (decision 0137).
     */
    public static boolean mayHold(CharSequence text) {
        for (int i = 0, n = text.length(); i < n; i++) {
            char c = text.charAt(i);
            if (c >= '\u3040' && isCjk(c)) {
                return true;
            }
        }
        return false;
    }

    /** Where names are, as [start, end) pairs. */
    static List<int[]> cuedNames(String text) {
        List<int[]> out = new ArrayList<>();
        int n = text.length();
        for (int i = 0; i < n; ) {
            String suffix = startsWithAny(text, i, SUFFIXES);
            if (suffix != null) {
                int end = i;
                if (end > 0 && text.charAt(end - 1) == ' ' && text.charAt(i) >= '\uAC00') {
                    end--; // Korean writes a space before 님 and 선생님
                }
                int start = end;
                while (start > 0 && end - start < 4 && isNameChar(text.charAt(start - 1))) {
                    start--;
                }
                if (end - start >= 2 && !endsWithAny(text.substring(start, end))) {
                    out.add(new int[] {start, end});
                }
                i += suffix.length();
                continue;
            }
            String relative = startsWithAny(text, i, RELATIVES);
            int cueEnd = relative != null ? i + relative.length()
                    : SHORT_RELATIVES.contains(text.charAt(i)) && (i == 0 || !isCjk(text.charAt(i - 1)))
                        && i + 1 < n && (text.charAt(i + 1) == ' ' || text.charAt(i + 1) == '：'
                            || text.charAt(i + 1) == ':' || text.charAt(i + 1) == '\u3000') ? i + 1 : -1;
            if (cueEnd < 0) {
                i++;
                continue;
            }
            int start = skipSeparators(text, cueEnd);
            String next = startsWithAny(text, start, RELATIVES);
            if (next != null) {
                i = start; // "보호자 남편 서문태식": the name follows the second word
                continue;
            }
            int end = start;
            while (end < n && isNameChar(text.charAt(end))) {
                end++;
            }
            if (end - start > MAX_NAME) {
                end = start + 4;
            }
            if (end - start >= 2) {
                out.add(new int[] {start, end});
            }
            i = Math.max(end, i + 1);
        }
        return out;
    }

    private static int skipSeparators(String text, int from) {
        int i = from;
        while (i < text.length() && i - from < 2 && " \u3000：:、".indexOf(text.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static String startsWithAny(String text, int at, List<String> words) {
        for (String w : words) {
            if (text.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }

    private static boolean endsWithAny(String run) {
        for (String w : NOT_NAMES) {
            if (run.endsWith(w)) {
                return true;
            }
        }
        return false;
    }
}
