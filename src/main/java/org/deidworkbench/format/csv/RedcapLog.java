package org.deidworkbench.format.csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.JsonText;
import org.deidworkbench.model.FieldSelector;

/**
 * A REDCap project's logging export (decision 0177): {@code Time / Date, Username, Action, List of Data Changes OR
 * Fields Exported}, one row per action. An action on a record names it ({@code Update record 12 (Month 3)}, {@code
 * Create survey response 4 (Baseline)}): that record is the row's subject. Its data changes are the values entered,
 * {@code first_name = 'Marguerite', dob = '1946-08-17', race(1) = checked}: each quoted value is a member named by its
 * field, decided as a column of that name would be, as a JSON document's members in a cell are (decision 0172).
 */
final class RedcapLog {

    private static final String TIME = "time_/_date";
    private static final String USER = "username";
    private static final String ACTION = "action";
    private static final String CHANGES = "list_of_data_changes_or_fields_exported";

    /** The record an action is on: {@code record 12}, {@code Record 112-3}, {@code response 4}. */
    private static final Pattern RECORD = Pattern.compile("(?i)\\b(?:record|response)\\s+([A-Za-z0-9][A-Za-z0-9_.-]*)");
    /** A user an action names: {@code Add user jsmith}, {@code Assign user 'jsmith' to role}. */
    private static final Pattern USER_ACTION = Pattern.compile("(?i)\\buser\\s+'?([A-Za-z0-9_.@-]+)");
    /** A field's name, a checkbox's code in parentheses, and the equals sign: {@code race(1) = }. */
    private static final Pattern FIELD = Pattern.compile("\\[?([a-z][a-z0-9_]*)(?:\\([^)]*\\))? = ");

    final int user;
    final int action;
    final int changes;

    private RedcapLog(int user, int action, int changes) {
        this.user = user;
        this.action = action;
        this.changes = changes;
    }

    /** The logging export's columns in a file with this header, or null when it is none. */
    static RedcapLog of(List<String> header) {
        int time = -1;
        int user = -1;
        int action = -1;
        int changes = -1;
        for (int c = 0; c < header.size(); c++) {
            switch (FieldSelector.ColumnName.normalize(header.get(c))) {
                case TIME -> time = c;
                case USER -> user = c;
                case ACTION -> action = c;
                case CHANGES -> changes = c;
                default -> {
                    // "Reason for Data Change(s)", "Record" in some versions: cleaned as their columns are
                }
            }
        }
        return time < 0 || user < 0 || action < 0 || changes < 0 ? null : new RedcapLog(user, action, changes);
    }

    /** The record an action names, or null ({@code Data export}, {@code Manage/Design}). */
    static String record(String action) {
        int[] span = recordSpan(action);
        return span == null ? null : action.substring(span[0], span[1]);
    }

    /** Where the record's id stands in an action: {@code [start, end)}, or null. */
    static int[] recordSpan(String action) {
        Matcher m = RECORD.matcher(action);
        return m.find() ? new int[] {m.start(1), m.end(1)} : null;
    }

    /** Where the user an action names stands ({@code Add user jsmith}): {@code [start, end)}, or null. */
    static int[] userSpan(String action) {
        Matcher m = USER_ACTION.matcher(action);
        return m.find() ? new int[] {m.start(1), m.end(1)} : null;
    }

    /** Whether a change's field is a user's login ({@code user = 'jsmith'} in a user's rights). */
    static boolean isUserField(String field) {
        return field.equals("user") || field.equals("username");
    }

    /**
     * The quoted values of a data changes cell, each as a member named by its field, or null when the cell is not a
     * list of changes from end to end (a data export's list of the fields exported, a free text): then it is cleaned
     * as text. A value ends at the quote that the end of the cell or the next field's name follows, so a quote in a
     * value ({@code O'Brien}) stays in it.
     */
    static List<JsonText.Member> members(String cell) {
        List<JsonText.Member> out = new ArrayList<>();
        int at = 0;
        int n = cell.length();
        while (at < n) {
            Matcher f = FIELD.matcher(cell).region(at, n);
            if (!f.lookingAt()) {
                return null;
            }
            String name = f.group(1);
            int v = f.end();
            int end;
            if (v < n && cell.charAt(v) == '\'') {
                int close = closingQuote(cell, v + 1);
                if (close < 0) {
                    return null;
                }
                out.add(new JsonText.Member(name, "", v, close + 1, JsonText.Kind.STRING, cell.substring(v + 1, close),
                        Map.of()));
                end = close + 1;
            } else {
                end = nextField(cell, v); // checked, unchecked, a number: nothing of a person
            }
            if (end == n) {
                break;
            }
            if (!cell.startsWith(", ", end)) {
                return null;
            }
            at = end + 2;
        }
        return out.isEmpty() ? null : out;
    }

    /** The quote that closes a value opened before {@code from}: followed by the end or by the next field, or -1. */
    private static int closingQuote(String cell, int from) {
        for (int q = cell.indexOf('\'', from); q >= 0; q = cell.indexOf('\'', q + 1)) {
            if (q + 1 == cell.length() || cell.startsWith(", ", q + 1) && startsField(cell, q + 3)) {
                return q;
            }
        }
        return -1;
    }

    /** The end of an unquoted value starting at {@code from}: before ", " and the next field, or the cell's end. */
    private static int nextField(String cell, int from) {
        for (int c = cell.indexOf(", ", from); c >= 0; c = cell.indexOf(", ", c + 1)) {
            if (startsField(cell, c + 2)) {
                return c;
            }
        }
        return cell.length();
    }

    private static boolean startsField(String cell, int at) {
        return at < cell.length() && FIELD.matcher(cell).region(at, cell.length()).lookingAt();
    }

    /** A value written back into a list of changes, in its quotes. */
    static String literal(String value) {
        return "'" + value + "'";
    }
}
