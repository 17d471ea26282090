package org.deidworkbench.deid.method;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.DateValues;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Hl7Message;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;

/**
 * {@code scrub-text} of a value that holds an HL7 v2 message (an interface engine's log in a CSV cell, decision 0126):
 * de-identified by structure, each field by its data type, the way the profile treats a column of the same meaning
 * (PID-3 as a {@code patient_id} column: the same keyed pseudonym the MRN gets in every other file; PID-7 as a
 * {@code birth_date}; XAD's ZIP as a {@code zip}), dates and times (TS/DTM) shifted by the message's own patient's
 * offset in their own precision, names, telecoms and providers removed, free text (OBX-5 of ST/TX/FT, NTE-3) scrubbed
 * of the names and addresses the message itself holds and then as any free text, codes kept. Segments this class does
 * not know (Z-segments, fragments) are scrubbed field by field as free text. Any other value goes to the wrapped
 * scrub. Immutable and thread-safe; a value that does not start with a segment name and {@code |} costs four
 * character comparisons more than the plain scrub.
 */
public final class Hl7MessageMethod implements DeidMethod {

    /** How a field is treated. */
    private enum Kind {
        KEEP, TEXT, REMOVE, PERSON, PATIENT_IDS, ACCOUNT, VISIT, ORDER, MESSAGE, TIME, BIRTH, ADDRESS, VALUE
    }

    private static final Map<String, Map<Integer, Kind>> FIELDS = new ConcurrentHashMap<>();

    private static void fields(String segment, Kind others, Object... numberAndKind) {
        Map<Integer, Kind> m = new java.util.HashMap<>();
        m.put(0, others);
        for (int i = 0; i < numberAndKind.length; i += 2) {
            m.put((Integer) numberAndKind[i], (Kind) numberAndKind[i + 1]);
        }
        FIELDS.put(segment, Map.copyOf(m));
    }

    static {
        Kind k = Kind.KEEP;
        Kind t = Kind.TEXT;
        Kind r = Kind.REMOVE;
        Kind p = Kind.PERSON;
        Kind ts = Kind.TIME;
        fields("MSH", k, 7, ts, 8, t, 10, Kind.MESSAGE);
        fields("EVN", k, 2, ts, 3, ts, 5, p, 6, ts, 7, t);
        fields("PID", k, 2, Kind.PATIENT_IDS, 3, Kind.PATIENT_IDS, 4, Kind.PATIENT_IDS, 5, p, 6, p, 7, Kind.BIRTH,
                9, p, 11, Kind.ADDRESS, 12, r, 13, p, 14, p, 18, Kind.ACCOUNT, 19, r, 20, r, 21, Kind.PATIENT_IDS,
                23, r, 29, ts, 33, ts);
        fields("PD1", t, 3, r, 4, p);
        fields("NK1", t, 1, k, 2, p, 3, k, 4, Kind.ADDRESS, 5, p, 6, p, 7, k, 8, ts, 9, ts, 12, r, 13, r, 16,
                Kind.BIRTH, 30, p, 31, p, 32, Kind.ADDRESS, 33, r, 37, r);
        fields("PV1", k, 5, Kind.VISIT, 7, p, 8, p, 9, p, 17, p, 19, Kind.VISIT, 44, ts, 45, ts, 50, Kind.VISIT,
                52, p);
        fields("PV2", t);
        fields("ORC", k, 2, Kind.ORDER, 3, Kind.ORDER, 4, Kind.ORDER, 7, t, 9, ts, 10, p, 11, p, 12, p, 14, p,
                15, ts, 19, p, 22, Kind.ADDRESS, 23, p, 24, Kind.ADDRESS);
        fields("OBR", k, 2, Kind.ORDER, 3, Kind.ORDER, 6, ts, 7, ts, 8, ts, 10, p, 13, t, 14, ts, 16, p, 17, p,
                18, t, 19, t, 20, t, 21, t, 22, ts, 27, t, 28, p, 31, t, 32, p, 33, p, 34, p, 35, p, 36, ts);
        fields("OBX", k, 5, Kind.VALUE, 12, ts, 14, ts, 16, p, 19, ts, 24, Kind.ADDRESS, 25, p);
        fields("NTE", k, 3, t, 5, p, 6, ts, 7, ts);
        fields("DG1", k, 4, t, 5, ts, 16, p, 19, ts);
        fields("PR1", k, 4, t, 5, ts, 8, p, 11, p, 12, p);
        fields("AL1", k, 5, t, 6, ts);
        fields("IN1", k, 8, r, 10, r, 11, r, 12, ts, 13, ts, 16, p, 18, Kind.BIRTH, 19, Kind.ADDRESS, 26, ts,
                29, ts, 36, r, 42, t, 43, k, 44, Kind.ADDRESS, 49, r);
        fields("GT1", r, 1, k, 2, Kind.ACCOUNT, 3, p, 4, p, 5, Kind.ADDRESS, 6, p, 7, p, 8, Kind.BIRTH, 9, k, 10, k,
                11, k, 13, ts, 14, ts);
        fields("MRG", r, 1, Kind.PATIENT_IDS, 2, Kind.PATIENT_IDS, 3, Kind.ACCOUNT, 4, Kind.PATIENT_IDS,
                5, Kind.VISIT, 6, Kind.VISIT, 7, p);
        fields("TXA", k, 4, ts, 5, p, 6, ts, 7, ts, 8, ts, 9, p, 10, p, 11, p, 12, r, 13, r, 14, Kind.ORDER,
                15, Kind.ORDER, 16, r, 22, p, 23, p);
        fields("SPM", t, 1, k, 4, k, 8, k, 17, ts, 18, ts);
        fields("FT1", t, 1, k, 4, ts, 5, ts, 6, k, 7, k, 10, k, 11, k, 19, k, 20, p, 21, p, 25, k);
    }

    /** Name and address words of a message found again in its free text, replaced before the general scrub. */
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’-]*[\\p{L}]|\\p{L}");
    /** Name components that are no names: prefixes, suffixes and degrees. */
    private static final java.util.Set<String> NO_NAME = java.util.Set.of("MR", "MRS", "MS", "MISS", "DR", "JR", "SR",
            "II", "III", "IV", "MD", "DO", "RN", "NP", "PA", "PHD", "L", "D", "A", "B", "M", "P", "U", "S", "I");

    /** XTN-2, the telecommunication use codes (HL7 table 0201). */
    private static final java.util.Set<String> TELECOM_USE = java.util.Set.of("PRN", "ORN", "WPN", "VHN", "ASN", "EMR",
            "NET", "BPN", "PRS");

    private final DeidMethod text;
    private final Function<String, DeidMethod> columns;
    private final SubjectLookup subjects;
    private final int noSubjectOffset;
    private final Map<String, java.util.Optional<DeidMethod>> byHeader = new ConcurrentHashMap<>();

    /** The subject of a patient id, as the run's engine gives it; null for a blank id. */
    @FunctionalInterface
    public interface SubjectLookup {
        Subject subject(String patientId) throws DeidException;
    }

    /**
     * @param text the scrub of any other value and of the message's free-text fields
     * @param columns the method the profile gives a column of a header ({@code patient_id}, {@code zip}), or null
     *     when no rule names it
     * @param subjects the subject of the message's patient id (PID-3)
     * @param noSubjectOffset the offset of the dates of a message without a patient
     */
    public Hl7MessageMethod(DeidMethod text, Function<String, DeidMethod> columns, SubjectLookup subjects,
            int noSubjectOffset) {
        this.text = text;
        this.columns = columns;
        this.subjects = subjects;
        this.noSubjectOffset = noSubjectOffset;
    }

    @Override
    public boolean dependsOnSubject(String value) {
        return Hl7Message.looksLikeOne(value) || text.dependsOnSubject(value);
    }

    @Override
    public void reused(String value, String result, FieldContext context) {
        if (!Hl7Message.looksLikeOne(value)) {
            text.reused(value, result, context);
        }
    }

    @Override
    public String apply(String value, FieldContext context) throws DeidException {
        if (!Hl7Message.looksLikeOne(value) || !value.startsWith("MSH|") && !FIELDS.containsKey(value.substring(0, 3))) {
            return text.apply(value, context); // "YES|NO" is no segment; a PID without its MSH is refused below
        }
        Hl7Message message = Hl7Message.parse(value);
        Subject subject = subjectOf(message, context.subject());
        FieldContext own = new FieldContext(subject, context.field());
        Map<String, String> words = ownWords(message);
        for (Hl7Message.Segment s : message.segments()) {
            Map<Integer, Kind> known = FIELDS.get(s.name());
            boolean isSegment = Hl7Message.looksLikeOne(s.name() + "|");
            for (int f = s.first(); f <= s.last(); f++) {
                String v = s.field(f);
                if (v.isEmpty() || s.name().equals("MSH") && f == 2) {
                    continue;
                }
                Kind kind = !isSegment || known == null ? Kind.TEXT : known.getOrDefault(f, known.get(0));
                if (known == null && isStructured(message, v)) {
                    kind = Kind.REMOVE; // a Z-segment's name or address: its parts cannot be told apart, so it goes
                }
                if (kind == Kind.VALUE) {
                    kind = valueKind(s.field(2));
                }
                s.set(f, field(message, kind, v, own, words));
            }
        }
        return message.toString();
    }

    private static boolean isStructured(Hl7Message message, String v) {
        return message.components(v).length > 1 || message.subcomponents(v).length > 1
                || message.repetitions(v).length > 1;
    }

    /**
     * The identifying values of a message to note for its patient before any text is scrubbed (decision 0126): the
     * patient id (PID-3, the one {@link #apply} takes the subject from) first, then label and value pairs: the
     * parts of every person's name and the street lines and cities of every address, and the birth date (PID-7). Empty for a value that is no
     * message or cannot be parsed. Cheap for a value that does not start like a segment.
     */
    public static List<String> identifiers(String value) {
        if (!Hl7Message.looksLikeOne(value)) {
            return List.of();
        }
        Hl7Message message;
        try {
            message = Hl7Message.parse(value);
        } catch (UnprocessableValueException e) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        out.add(patientId(message));
        for (Map.Entry<String, String> w : ownWords(message).entrySet()) {
            out.add(w.getValue().substring(1, w.getValue().length() - 1));
            out.add(w.getKey());
        }
        String birth = birthDate(message);
        if (birth != null) {
            // a note of the message writes the birth date in its own notation ("DOB 11/07/1944"): it goes as [DOB],
            // as a CSV note loses its table's birth date, instead of being shifted as any date (decision 0139)
            out.add("DOB");
            out.add(birth);
        }
        return out;
    }

    /** PID-7's date (yyyyMMdd, without its time), or null when the message has none. */
    private static String birthDate(Hl7Message message) {
        for (Hl7Message.Segment s : message.segments()) {
            if (s.name().equals("PID")) {
                String v = message.components(s.field(7))[0].trim();
                return v.length() >= 8 && v.substring(0, 8).chars().allMatch(Character::isDigit) ? v.substring(0, 8)
                        : null;
            }
        }
        return null;
    }

    /** OBX-5 by OBX-2: numbers and codes kept, text scrubbed, times shifted, persons and embedded data removed. */
    private static Kind valueKind(String type) {
        return switch (type.trim().toUpperCase(Locale.ROOT)) {
            case "NM", "SN", "NR", "CE", "CWE", "CNE", "CF", "ID", "IS", "CQ", "MO" -> Kind.KEEP;
            case "TS", "DTM", "DT", "DR" -> Kind.TIME;
            case "XPN", "XCN", "XTN", "PN", "CN", "TN", "ED", "RP", "XON" -> Kind.REMOVE;
            case "XAD", "AD" -> Kind.ADDRESS;
            case "CX" -> Kind.PATIENT_IDS;
            default -> Kind.TEXT;
        };
    }

    private Subject subjectOf(Hl7Message message, Subject row) throws DeidException {
        String id = patientId(message);
        Subject own = id.isEmpty() ? null : subjects.subject(id);
        return own != null ? own : row;
    }

    /** The message's patient id: PID-3's medical record number, else its first id; "" when it has none. */
    private static String patientId(Hl7Message message) {
        for (Hl7Message.Segment s : message.segments()) {
            if (s.name().equals("PID")) {
                String id = null;
                for (String rep : message.repetitions(s.field(3))) {
                    String[] c = message.components(rep);
                    String type = c.length > 4 ? c[4].toUpperCase(Locale.ROOT) : "";
                    if (!c[0].isBlank() && (id == null || type.equals("MR") || type.equals("MRN"))) {
                        id = c[0];
                        if (type.equals("MR") || type.equals("MRN")) {
                            break;
                        }
                    }
                }
                return id == null ? "" : id;
            }
        }
        return "";
    }

    /** The name parts and address lines of the message's persons, longest first. */
    private static Map<String, String> ownWords(Hl7Message message) {
        Map<String, String> words = new java.util.TreeMap<>((a, b) -> a.length() != b.length()
                ? b.length() - a.length() : a.compareTo(b));
        for (Hl7Message.Segment s : message.segments()) {
            Map<Integer, Kind> known = FIELDS.get(s.name());
            if (known == null) {
                continue;
            }
            for (int f = s.first(); f <= s.last(); f++) {
                Kind kind = known.getOrDefault(f, known.get(0));
                if (kind != Kind.PERSON && kind != Kind.ADDRESS) {
                    continue;
                }
                for (String rep : message.repetitions(s.field(f))) {
                    String[] c = message.components(rep);
                    if (kind == Kind.PERSON && (rep.indexOf('@') >= 0 || c.length > 1 && TELECOM_USE.contains(
                            c[1].trim().toUpperCase(Locale.ROOT)))) {
                        continue; // a phone or an email (XTN): its use and type codes (PRN, NET) are no names
                    }
                    for (int i = 0; i < c.length; i++) {
                        String part = message.unescape(c[i]).trim(); // M\XFC\LLER is MÜLLER
                        if (kind == Kind.ADDRESS ? i < 3 : i < 4 && !part.contains("@")) {
                            Matcher m = WORD.matcher(part);
                            if (kind == Kind.ADDRESS && part.length() > 3) {
                                words.putIfAbsent(part, "[ADDRESS]");
                            }
                            while (kind == Kind.PERSON && m.find()) {
                                String w = m.group();
                                if (w.length() > 1 && !NO_NAME.contains(w.toUpperCase(Locale.ROOT))) {
                                    words.putIfAbsent(w, "[NAME]");
                                }
                            }
                        }
                    }
                }
            }
        }
        return words;
    }

    private String field(Hl7Message m, Kind kind, String v, FieldContext context, Map<String, String> words)
            throws DeidException {
        switch (kind) {
            case KEEP:
                return v;
            case REMOVE:
            case PERSON:
                return "";
            case TEXT:
                return scrubText(m, v, context, words);
            default:
                break;
        }
        String[] reps = m.repetitions(v);
        for (int r = 0; r < reps.length; r++) {
            String[] c = m.components(reps[r]);
            switch (kind) {
                case TIME -> c[0] = shift(c[0], context);
                case BIRTH -> c[0] = column("birth_date", c[0], context, true);
                case ACCOUNT -> c[0] = column("account_number", c[0], context, false);
                case VISIT -> c[0] = column("encounter_number", c[0], context, false);
                case ORDER -> c[0] = column("order_number", c[0], context, false);
                case MESSAGE -> c[0] = column(MESSAGE_CONTROL_ID, c[0], context, true);
                case PATIENT_IDS -> {
                    String type = c.length > 4 ? c[4].trim().toUpperCase(Locale.ROOT) : "";
                    c[0] = column(idHeader(type), c[0], context, false);
                    for (int i = 6; i < Math.min(c.length, 8); i++) {
                        c[i] = shift(c[i], context); // effective and expiration dates
                    }
                }
                case ADDRESS -> {
                    String[] headers = {"street", "address_line_2", "city", "state", "zip", "country", null, "address",
                        "county"};
                    for (int i = 0; i < c.length; i++) {
                        String h = i < headers.length ? headers[i] : "address";
                        if (h != null && !c[i].isEmpty()) {
                            c[i] = column(h, c[i], context, i != 3 && i != 5);
                        }
                    }
                }
                default -> throw new IllegalStateException(kind.name());
            }
            reps[r] = m.joinComponents(c);
        }
        return m.joinRepetitions(reps);
    }

    /**
     * A free-text field scrubbed as the text it stands for (decision 0139): its escape sequences read first, so that
     * {@code M\XFC\LLER} is the name MÜLLER, {@code \.br\} a line break after which a new line's label starts and
     * {@code 217\F\555-0143} the digits of a phone, then written back in escapes. A field the scrub leaves as it was
     * is kept byte for byte, its escapes as written.
     */
    private String scrubText(Hl7Message m, String v, FieldContext context, Map<String, String> words)
            throws DeidException {
        String plain = m.unescape(v);
        if (plain == v) {
            return text.apply(withoutOwn(v, words), context);
        }
        String out = text.apply(withoutOwn(plain, words), context);
        return out.equals(plain) ? v : m.escape(out, m.writesHex(v));
    }

    /**
     * The column header MSH-10 is treated as: the message control id, which an interface engine's log also stores as
     * the row's key; pseudonymized in the {@code message} domain unless the profile names the column (decision 0134).
     */
    public static final String MESSAGE_CONTROL_ID = "message_control_id";

    private static String idHeader(String type) {
        return switch (type) {
            case "SS", "SSN", "SN", "NI", "NH", "NNUS", "HC", "JHN", "DL", "DLN", "PPN", "MA", "MC", "MCD", "MCR", "MB",
                "SR", "TAX", "TN", "CZ" -> "ssn";
            case "AN", "ANON", "ANC", "ANT" -> "account_number";
            case "VN", "VISIT" -> "encounter_number";
            default -> "patient_id";
        };
    }

    /**
     * The value as the profile's rule for a column named {@code header} makes it: pseudonymized, generalized,
     * removed (empty). Without a rule, or when the rule cannot process the value, it is removed when
     * {@code removeOtherwise} and kept else (state, country).
     */
    private String column(String header, String value, FieldContext context, boolean removeOtherwise)
            throws DeidException {
        if (value.isBlank()) {
            return value;
        }
        DeidMethod method = byHeader.computeIfAbsent(header, h -> java.util.Optional.ofNullable(columns.apply(h)))
                .orElse(null);
        if (method == null) {
            return header.equals("state") || header.equals("country") ? value : "";
        }
        try {
            String out = method.apply(value, context);
            return out == null ? "" : out;
        } catch (UnprocessableValueException e) {
            return removeOtherwise ? "" : value;
        }
    }

    /**
     * An HL7 TS/DTM/DT moved by the subject's offset in its own precision, as {@link DateValues#shift} moves DICOM's
     * DT of the same shape ({@code yyyy[MM[dd[HH[mm[ss[.ffff]]]]]][+/-ZZZZ]}: a year and month from the middle of its
     * month, a bare year kept, decision 0091); anything else is removed.
     */
    private String shift(String value, FieldContext context) {
        if (value.isEmpty()) {
            return value;
        }
        int days = context.subject() != null ? context.subject().dateOffsetDays() : noSubjectOffset;
        try {
            return DateValues.shift(value, days);
        } catch (UnprocessableValueException e) {
            return "";
        }
    }

    /** {@code v} with the message's own name parts and address lines replaced, as words, before the general scrub. */
    private static String withoutOwn(String v, Map<String, String> words) {
        String out = v;
        String lower = v.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> w : words.entrySet()) {
            if (lower.contains(w.getKey().toLowerCase(Locale.ROOT))) {
                out = Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(w.getKey()) + "(?![\\p{L}\\p{N}])",
                        Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(out)
                        .replaceAll(java.util.regex.Matcher.quoteReplacement(w.getValue()));
            }
        }
        return out;
    }
}
