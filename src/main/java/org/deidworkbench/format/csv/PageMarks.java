package org.deidworkbench.format.csv;

import java.util.regex.Pattern;

/**
 * What a report writer prints at a page's foot or head: {@code Page 2 of 5}, {@code Seite 1 von 3}, {@code Página 2
 * de 4}, {@code - 3 -} (decision 0174). A report saved as CSV keeps its pagination: such a line inside the table says
 * that the lines around it are the report's, not rows.
 */
final class PageMarks {

    /** A field that is a page number and nothing else. */
    private static final Pattern WHOLE = Pattern.compile("(?iu)[\\s\\p{Punct}]*(?:page|pg\\.?|seite|blatt|p[aá]gina"
            + "|side|sida|sivu|strona|stránka|oldal|blz\\.?|bladzijde|hoja|folha)\\s*(?:no\\.?|nr\\.?|#)?\\s*:?\\s*"
            + "\\d{1,5}(?:\\s*(?:of|von|/|de|di|sur|van|av|af|z|из)\\s*\\d{1,5})?[\\s\\p{Punct}]*"
            + "|\\s*[-–]\\s*\\d{1,5}\\s*[-–]\\s*");

    /** A page's number and count inside a longer line: {@code Printed 04/23/2017   Page 1 of 3}. */
    private static final Pattern INSIDE = Pattern.compile("(?iu)(?<!\\p{L})(?:page|seite|blatt|p[aá]gina|side|sida"
            + "|sivu|strona)\\s*:?\\s*\\d{1,5}\\s*(?:of|von|/|de|di|sur|van|av|af|z)\\s*\\d{1,5}(?!\\d)");

    private PageMarks() {
    }

    /** Whether {@code text} is a page number, or holds a page's number and the count of pages. */
    static boolean in(CharSequence text) {
        int n = text.length();
        if (n == 0 || n > 200) {
            return false;
        }
        boolean digit = false;
        for (int i = 0; i < n && !digit; i++) {
            char c = text.charAt(i);
            digit = c >= '0' && c <= '9';
        }
        return digit && (WHOLE.matcher(text).matches() || INSIDE.matcher(text).find());
    }
}
