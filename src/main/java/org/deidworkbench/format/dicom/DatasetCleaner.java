package org.deidworkbench.format.dicom;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.deidworkbench.deid.CjkNames;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.FieldContext;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.UnprocessableValueException;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.dicom.AgeString;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomDictionary;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.PersonName;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.FormatException;
import org.deidworkbench.format.dicom.Decision.Treatment;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.PreviewField;
import org.deidworkbench.model.Problem;

/**
 * Walks one data set, nested sequences included, and applies {@link DicomPolicy}'s decision to every
 * element: in {@link Mode#SCAN} it only notes the patient's identifiers with the engine, in
 * {@link Mode#TRANSFORM} it changes the data set in place and counts what it did, and can record
 * each element before and after for a preview. Private creators are kept exactly when an element of
 * their block survives; an overlay whose data is removed loses its whole group, so no overlay is
 * left half-described. Not thread-safe: one per file.
 */
final class DatasetCleaner {

    /** What a walk does. */
    enum Mode {
        /** Note identifiers and the subject; change nothing. */
        SCAN,
        /** Change the data set. */
        TRANSFORM
    }

    /** Warnings listed per file; further ones are only counted. */
    static final int MAX_LISTED_WARNINGS = 50;
    /** VRs holding text the engine's text actions can produce and read. */
    static final Set<VR> TEXT_VRS = EnumSet.of(VR.LO, VR.LT, VR.PN, VR.SH, VR.ST, VR.UC, VR.UT);
    /** Codes a kept value may hold a patient's known name or id in, written back as codes (decision 0194). */
    static final Set<VR> CODE_VRS = EnumSet.of(VR.CS, VR.AE);
    private static final int TEXT_VALUE = 0x0040A160;
    private static final int CONCEPT_NAME_CODES = 0x0040A043;
    private static final int CODE_VALUE = 0x00080100;
    private static final int CODING_SCHEME = 0x00080102;
    /** Device Observer Name, Serial Number, Physical Location During Observation; Device Name, Serial Number. */
    private static final Set<String> DEVICE_CONCEPTS = Set.of("121013", "121016", "121017", "113877", "113880");
    /** Person Observer's Organization Name (TID 1003): the institution an SR's observer works for. */
    private static final String ORGANIZATION_CONCEPT = "121009";
    private static final int MANUFACTURER = 0x00080070;
    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int VALUE_TYPE = 0x0040A040;
    private static final int NUMERIC_VALUE = 0x0040A30A;
    private static final int MEASUREMENT_UNITS = 0x004008EA;
    private static final int CODE_MEANING = 0x00080104;
    /** Subject Age (DCM), Age, Age - Reported, Age calculated (LOINC). */
    private static final Set<String> AGE_CONCEPTS = Set.of("121033", "30525-0", "21612-7", "29553-5");
    private static final java.util.regex.Pattern AGE_WORD = java.util.regex.Pattern.compile("(?i)\\bage\\b");
    private static final int OVERLAY_DATA = 0x60003000;
    private static final int MAX_DEPTH = 64;

    private final DicomProcessor.Methods methods;
    private final DicomPolicy policy;
    private final PrivateDeclarations declared;
    private final Mode mode;
    private final boolean preview;
    private final String fileName;
    private final DicomDictionary dictionary = DicomDictionary.standard();
    private final int[] tags = new int[MAX_DEPTH + 1];
    private final String[] creators = new String[MAX_DEPTH + 1];
    private final Treatment[] inherited = new Treatment[MAX_DEPTH + 2];
    /** Index of the item walked in the sequence at each depth (for {@link #path()}). */
    private final int[] items = new int[MAX_DEPTH + 1];
    /**
     * Where the walk is, as {@link #path()} spells it: the element at {@code tags[pathDepth]}, inside item
     * {@code items[pathDepth]} of it when {@code pathItem}; -1 before the first element. The path's text is
     * made only when a warning, an error or a preview needs it, not for every element (decision 0065).
     */
    private int pathDepth = -1;
    private boolean pathItem;

    private Subject subject;
    private final TreeMap<String, Long> counts = new TreeMap<>();
    /** Elements per decision, folded into {@link #counts} by counter key when they are asked for. */
    private final IdentityHashMap<Decision, long[]> tallies = new IdentityHashMap<>();
    private final List<Problem> warnings = new ArrayList<>();
    private long warningCount;
    private final Set<String> keptByDefault = new TreeSet<>();
    private boolean datesShifted;
    private boolean datesKept;
    private final List<PreviewField> previewFields = new ArrayList<>();

    DatasetCleaner(DicomProcessor.Methods methods, DicomPolicy policy, PrivateDeclarations declared, Mode mode,
            boolean preview, String fileName) {
        this.methods = methods;
        this.policy = policy;
        this.declared = declared;
        this.mode = mode;
        this.preview = preview;
        this.fileName = fileName;
    }

    /**
     * The institution's and department's names of the file when the profile retains the institution's identity: kept in
     * the texts the run cleans as they are kept in their attributes (decision 0233: the scrubber reads a town in
     * "WEXCOMBE VALLEY HOSPITAL" as in "Wexcombe Valley Hospital").
     */
    private List<String> keptInstitutions = List.of();

    /** The file's patient, from the top-level Patient ID; null when it has none. Call before {@link #walk}. */
    Subject subject(Dataset ds) throws FormatException {
        keptInstitutions = policy.retainsInstitutionIdentity() ? institutionNames(ds) : List.of();
        String id = ds.getString(Tag.PATIENT_ID);
        if (id == null || id.isBlank()) {
            subject = null;
            return null;
        }
        try {
            subject = methods.engine().subject(id);
            if (mode == Mode.SCAN) {
                methods.engine().noteSubject(id, subject);
                if (methods.engine().linking()) {
                    linkOtherIds(ds, id);
                }
            }
        } catch (DeidException e) {
            throw new FormatException(e.code(), Tag.toString(Tag.PATIENT_ID), e.getMessage());
        }
        return subject;
    }

    /** Issuer of Patient ID (0010,0021). */
    private static final int ISSUER_OF_PATIENT_ID = 0x00100021;
    /** Other Patient IDs (0010,1000), retired but still written. */
    private static final int OTHER_PATIENT_IDS = 0x00101000;
    /** Other Patient IDs Sequence (0010,1002): items of Patient ID and Issuer of Patient ID. */
    private static final int OTHER_PATIENT_IDS_SEQUENCE = 0x00101002;

    /**
     * Links the file's Patient ID with its Other Patient IDs, plain or in the sequence with their issuers
     * (decision 0078): one subject for the date offset. The Patient ID's kind is its issuer; the other ids'
     * kinds are apart, so that two files naming one other id under two Patient IDs of one issuer conflict.
     */
    private void linkOtherIds(Dataset ds, String id) {
        String issuer = ds.getString(ISSUER_OF_PATIENT_ID);
        List<Deidentifier.LinkedId> ids = new ArrayList<>();
        ids.add(new Deidentifier.LinkedId("dicom:" + (issuer == null ? "" : issuer.strip()),
                Deidentifier.RANK_RECORD_SUBJECT, id));
        String[] others = ds.getStrings(OTHER_PATIENT_IDS);
        if (others != null) {
            for (String other : others) {
                if (other != null && !other.isBlank()) {
                    ids.add(new Deidentifier.LinkedId("dicom-other:", Deidentifier.RANK_RECORD_OTHER, other));
                }
            }
        }
        List<Dataset> items = ds.getItems(OTHER_PATIENT_IDS_SEQUENCE);
        if (items != null) {
            for (Dataset item : items) {
                String other = item.getString(Tag.PATIENT_ID);
                String otherIssuer = item.getString(ISSUER_OF_PATIENT_ID);
                if (other != null && !other.isBlank()) {
                    ids.add(new Deidentifier.LinkedId("dicom-other:" + (otherIssuer == null ? "" : otherIssuer.strip()),
                            Deidentifier.RANK_RECORD_OTHER, other));
                }
            }
        }
        methods.engine().noteLink(ids);
    }

    /** Cleans (or scans) the whole data set. */
    void walk(Dataset ds) throws FormatException {
        List<PreviewField> fields = walk(ds, 0);
        if (preview) {
            previewFields.addAll(fields);
        }
    }

    private List<PreviewField> walk(Dataset ds, int depth) throws FormatException {
        List<PreviewField> fields = preview ? new ArrayList<>() : null;
        List<Element> elements = new ArrayList<>(ds.elements());
        Set<Integer> keptBlocks = new HashSet<>();
        List<Element> creatorElements = new ArrayList<>();
        Set<Integer> overlaysWithoutData = new HashSet<>();
        int outerDepth = pathDepth;
        boolean outerItem = pathItem;
        for (Element e : elements) {
            int tag = e.tag();
            if (depth == 0 && Tag.group(tag) == 0x0002) {
                continue; // file meta is regenerated by the writer
            }
            tags[depth] = tag;
            creators[depth] = Tag.isPrivateData(tag) ? ds.privateCreator(tag) : null;
            pathDepth = depth;
            pathItem = false;
            DicomPolicy.Place place = new DicomPolicy.Place(tags, creators, depth, inherited[depth]);
            Decision d = policy.decide(place, e.vr(), declared);
            inherited[depth + 1] = place.inheritedBy(d);
            if (d.treatment() == Treatment.CREATOR) {
                creatorElements.add(e);
                pathDepth = outerDepth;
                pathItem = outerItem;
                continue;
            }
            String before = preview ? Display.of(ds, e) : null;
            List<PreviewField> children = preview ? new ArrayList<>() : null;
            Element after;
            if (mode == Mode.SCAN) {
                note(ds, e, d);
                after = e;
                if (e.isSequence() && keepsItems(d, e)) {
                    walkItems(e, depth, children);
                }
            } else {
                after = apply(ds, e, d, depth, children);
                long[] tally = tallies.get(d);
                if (tally == null) {
                    tally = new long[1];
                    tallies.put(d, tally);
                }
                tally[0]++;
                if (after != null && d.ruleId().equals("not-listed") && TEXT_VRS.contains(e.vr())) {
                    keptByDefault.add(keyword(tag));
                }
            }
            if (after != null && Tag.isPrivateData(tag)) {
                keptBlocks.add(block(tag));
            }
            if (after == null && (tag & 0xFF01FFFF) == OVERLAY_DATA) {
                overlaysWithoutData.add(Tag.group(tag));
            }
            if (preview) {
                fields.add(previewField(ds, e, after, before, d, children));
            }
            pathDepth = outerDepth;
            pathItem = outerItem;
        }
        for (Element c : creatorElements) {
            boolean keep = keptBlocks.contains(Tag.group(c.tag()) << 8 | (Tag.element(c.tag()) & 0xFF));
            if (!keep && mode == Mode.TRANSFORM) {
                ds.remove(c.tag());
            }
            if (mode == Mode.TRANSFORM) {
                counts.merge("private (" + (keep ? "K" : "X") + ")", 1L, Long::sum);
            }
            if (preview) {
                String shown = Display.of(ds, c);
                fields.add(PreviewField.leaf(pathOf(depth, c.tag()), "PrivateCreator", shown, keep ? shown : null,
                        "private", keep ? "K" : "X"));
            }
        }
        if (mode == Mode.TRANSFORM) {
            for (int group : overlaysWithoutData) {
                // An overlay without its bitmap is not a valid overlay: its description goes too.
                for (Element o : new ArrayList<>(ds.range(Tag.of(group, 0), Tag.of(group, 0xFFFF)))) {
                    ds.remove(o.tag());
                    keptByDefault.remove(keyword(o.tag())); // an Overlay Label is not kept after all
                    counts.merge("overlay-without-data (X)", 1L, Long::sum);
                }
            }
        }
        return fields;
    }

    private static int block(int tag) {
        return Tag.group(tag) << 8 | (Tag.element(tag) >>> 8 & 0xFF);
    }

    private String pathOf(int depth, int tag) {
        return pathDepth < 0 ? Tag.toString(tag) : path() + (depth > 0 ? "/" : "") + Tag.toString(tag);
    }

    /**
     * Where the walk is: the tags from the top level down, each sequence's with the index of the item walked,
     * e.g. {@code (0040,0275)[0]/(0040,A123)}; empty before the first element.
     */
    private String path() {
        StringBuilder p = new StringBuilder(16 * (pathDepth + 1));
        for (int d = 0; d <= pathDepth; d++) {
            if (d > 0) {
                p.append('/');
            }
            p.append(Tag.toString(tags[d]));
            if (d < pathDepth || pathItem) {
                p.append('[').append(items[d]).append(']');
            }
        }
        return p.toString();
    }

    /** Whether a decision keeps a sequence's items (which are then cleaned in turn). */
    private static boolean keepsItems(Decision d, Element e) {
        return switch (d.treatment()) {
            case KEEP, DUMMY, CLEAN, UID -> true;
            case APPLY, SUBJECT, REMOVE, EMPTY, CREATOR -> false;
        };
    }

    private void walkItems(Element e, int depth, List<PreviewField> children) throws FormatException {
        if (depth + 1 > MAX_DEPTH) {
            throw new FormatException("DICOM-TOO-DEEP", path(), "sequences are nested deeper than " + MAX_DEPTH);
        }
        int outerDepth = pathDepth;
        boolean outerItem = pathItem;
        if (mode == Mode.TRANSFORM && e.tag() == CONTENT_SEQUENCE && e.items().removeIf(DatasetCleaner::isBirthDateItem)) {
            // An SR's Subject Birth Date goes as Patient's Birth Date does (Z in every option set): shifted, it would
            // still tell an age over 89 (decision 0185). TID 1007 makes the item optional.
            counts.merge("subject-birth-date (X)", 1L, Long::sum);
        }
        for (int i = 0; i < e.items().size(); i++) {
            items[depth] = i;
            pathDepth = depth;
            pathItem = true;
            List<PreviewField> fields = walk(e.items().get(i), depth + 1);
            if (preview) {
                children.add(new PreviewField(path(), "item " + (i + 1), null, null,
                        PreviewField.Change.UNCHANGED, "", "", fields));
            }
            pathDepth = outerDepth;
            pathItem = outerItem;
        }
    }

    // ---------------------------------------------------------------- scan

    private void note(Dataset ds, Element e, Decision d) throws FormatException {
        if (e.tag() == TEXT_VALUE && e.bytes() != null) {
            String concept = dcmConcept(ds);
            String label = concept == null ? null : DEVICE_CONCEPTS.contains(concept) ? DicomPolicy.DEVICE
                    : ORGANIZATION_CONCEPT.equals(concept) ? DicomPolicy.INSTITUTION : null;
            if (label != null) {
                noteRunIdentifier(ds, e, new ActionSpec.Remove(), label);
                return;
            }
        }
        if (!d.identifier() || e.bytes() == null || !TEXT_VRS.contains(e.vr())) {
            return;
        }
        ActionSpec spec = d.spec() != null ? d.spec() : new ActionSpec.Remove();
        if (DicomPolicy.DEVICE.equals(d.label()) || DicomPolicy.INSTITUTION.equals(d.label())) {
            noteRunIdentifier(ds, e, spec, d.label());
            return;
        }
        try {
            for (String v : ds.getStrings(e.tag())) {
                if (e.vr() == VR.PN) {
                    for (String readable : readableNames(v)) {
                        // "Given Family" in text gets the pseudonym of "Family^Given", not one of its own
                        methods.engine().noteAlias(spec, d.label(), readable, v, subject);
                    }
                }
                // the file's patient's identifier, which the key file keeps as its subject's (decision 0099)
                methods.engine().noteIdentifier(spec, d.label(), v, subject);
            }
        } catch (DeidException x) {
            throw new FormatException(x.code(), path(), x.getMessage());
        }
    }

    /**
     * A device's identity or an institution's name as an identifier of the run, not of the patient: the key file does
     * not keep it under each patient the device examined or the institution treated.
     * <ul>
     *   <li>{@code DEVICE} (Station Name, Device Serial Number, an SR's Device Observer Name, …; decision 0185): the
     *       same value in any text of the run is scrubbed. Only values with a digit and four characters or more: "CT"
     *       or "MR" as a station's name would take the modality out of every description.</li>
     *   <li>{@code INSTITUTION} (Institution Name, Institutional Department Name, a clinical trial site's or ethics
     *       committee's name, an SR observer's organization; decision 0188): the whole name, in any case, leaves every
     *       text of the run the profile cleans ({@code CT CHEST - [INSTITUTION]}; values kept as they are keep it, see
     *       {@code TextScrubber.scrubKnownIdentifiers}); its words alone do not. Only values of four characters or more
     *       with a letter, and not one sharing the Manufacturer's first word: a site numbered {@code 001} or a
     *       department called {@code CT} would take series numbers or the modality out of every description.</li>
     * </ul>
     */
    private void noteRunIdentifier(Dataset ds, Element e, ActionSpec spec, String label) throws FormatException {
        boolean device = DicomPolicy.DEVICE.equals(label);
        try {
            for (String v : ds.getStrings(e.tag())) {
                String value = v.strip();
                boolean kept = value.length() >= 4 && (device ? value.chars().anyMatch(Character::isDigit)
                        : value.chars().anyMatch(Character::isLetter) && !sameFirstWord(value, ds.getString(MANUFACTURER)));
                if (kept) {
                    methods.engine().noteIdentifier(spec, label, value, null);
                }
            }
        } catch (DeidException x) {
            throw new FormatException(x.code(), path(), x.getMessage());
        }
    }

    /**
     * Whether two values begin with the same word, case aside: an institution named after the manufacturer
     * ({@code GE MEDICAL SYSTEMS}, {@code TOSHIBA} beside {@code TOSHIBA_MEC}), as phantoms and vendors' test images
     * have, would take the manufacturer out of every file of the run.
     */
    static boolean sameFirstWord(String a, String b) {
        String x = firstWord(a);
        return x != null && x.equals(firstWord(b));
    }

    private static String firstWord(String s) {
        if (s == null) {
            return null;
        }
        int i = 0;
        int n = s.length();
        while (i < n && !Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        int start = i;
        while (i < n && Character.isLetterOrDigit(s.charAt(i))) {
            i++;
        }
        return i == start ? null : s.substring(start, i).toUpperCase(java.util.Locale.ROOT);
    }

    /**
     * The code value of an SR content item's concept when its coding scheme is DCM, or null: a device's concepts
     * (TID 1004 Device Observer Identifying Attributes, TID 1021 Device Participant: Device Observer Name, Serial
     * Number or Physical Location, Device Name or Serial Number) and an observer's organization are DCM codes.
     */
    private static String dcmConcept(Dataset item) {
        Dataset concept = firstCode(item, CONCEPT_NAME_CODES);
        String code = concept == null ? null : strip(concept.getString(CODE_VALUE));
        return code != null && "DCM".equals(strip(concept.getString(CODING_SCHEME))) ? code : null;
    }

    /** The first item of a code sequence of {@code ds}, or null. */
    private static Dataset firstCode(Dataset ds, int sequence) {
        List<Dataset> codes = ds.getItems(sequence);
        return codes.isEmpty() ? null : codes.get(0);
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /** "GIVEN MIDDLE FAMILY" of each component group of a PN value: how names appear in running text. */
    static List<String> readableNames(String pn) {
        List<String> out = new ArrayList<>();
        PersonName name;
        try {
            name = PersonName.parse(pn);
        } catch (IllegalArgumentException e) {
            return out;
        }
        for (PersonName.Group g : PersonName.Group.values()) {
            String given = name.component(g, PersonName.Component.GIVEN);
            String middle = name.component(g, PersonName.Component.MIDDLE);
            String family = name.component(g, PersonName.Component.FAMILY);
            String joined = String.join(" ", List.of(given, middle, family).stream().filter(s -> !s.isBlank()).toList());
            if (!joined.isBlank()) {
                out.add(joined.strip());
            }
            String written = CjkNames.writtenTogether(family.strip(), given.strip());
            if (written != null) {
                out.add(written);
            }
        }
        return out;
    }


    // ---------------------------------------------------------------- transform

    /** Applies a decision; returns the element as written, or null when it is removed. */
    private Element apply(Dataset ds, Element e, Decision d, int depth, List<PreviewField> children)
            throws FormatException {
        int tag = e.tag();
        VR vr = e.vr();
        if (e.isSequence()) {
            return applyToSequence(ds, e, d, depth, children);
        }
        switch (d.treatment()) {
            case REMOVE:
                ds.remove(tag);
                return null;
            case EMPTY:
                return put(ds, Element.ofBytes(tag, vr, new byte[0]));
            case KEEP:
                return keep(ds, e);
            case DUMMY:
                return dummy(ds, e);
            case CLEAN:
                return clean(ds, e);
            case UID:
                return vr == VR.UI ? eachValue(ds, e, methods.remapUid(), d) : dummy(ds, e);
            case SUBJECT:
                return subjectId(ds, e);
            case APPLY:
                return applyRule(ds, e, d);
            case CREATOR:
            default:
                throw new IllegalStateException("unhandled treatment " + d.treatment());
        }
    }

    private Element applyToSequence(Dataset ds, Element e, Decision d, int depth, List<PreviewField> children)
            throws FormatException {
        switch (d.treatment()) {
            case REMOVE:
                ds.remove(e.tag());
                return null;
            case EMPTY:
                return put(ds, Element.ofSequence(e.tag(), e.vr(), new ArrayList<>(), e.undefinedLength()));
            case APPLY:
            case SUBJECT:
                warn("DICOM-ACTION-NOT-APPLICABLE", d.action() + " cannot apply to a sequence; it was removed");
                ds.remove(e.tag());
                return null;
            default:
                walkItems(e, depth, children);
                return e;
        }
    }

    private Element keep(Dataset ds, Element e) {
        VR vr = e.vr();
        if (e.bytes() == null) {
            return e;
        }
        if (vr == VR.AS) {
            return capAge(ds, e);
        }
        if (vr == VR.DS && e.tag() == NUMERIC_VALUE && isAgeInYears(ds)) {
            return capNumericAge(ds, e);
        }
        if (vr == VR.DA || vr == VR.DT) {
            datesKept |= e.bytes().length > 0;
        }
        boolean code = CODE_VRS.contains(vr);
        if (!code && !TEXT_VRS.contains(vr)) {
            return e;
        }
        String[] values = ds.getStrings(e.tag());
        String[] out = new String[values.length];
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            out[i] = methods.engine().scrubKnownIdentifiers(values[i]);
            if (code && !out[i].equals(values[i])) {
                out[i] = asCode(out[i], vr);
            }
            changed |= !out[i].equals(values[i]);
        }
        return changed ? putStrings(ds, e, out) : e;
    }

    /**
     * A code string or an application entity title that held a patient's known name or id (a presentation state's
     * Content Label {@code QUILLFEATHER}, decision 0194), written back as its VR allows: the label without its
     * brackets ({@code NAME}, {@code NAME_PLAN1}) or the patient's pseudonym, a code string in capitals, digits, spaces
     * and underscores, at most 16 characters.
     */
    static String asCode(String scrubbed, VR vr) {
        StringBuilder b = new StringBuilder(scrubbed.length());
        for (int i = 0; i < scrubbed.length() && b.length() < 16; i++) {
            char c = scrubbed.charAt(i);
            if (c == '[' || c == ']') {
                continue;
            }
            if (vr == VR.CS) {
                c = Character.toUpperCase(c);
                b.append(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == ' ' ? c : '_');
            } else {
                b.append(c == '\\' || c < ' ' ? '_' : c);
            }
        }
        return b.toString();
    }

    private Element capAge(Dataset ds, Element e) {
        String[] values = ds.getStrings(e.tag());
        String[] out = values.clone();
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            try {
                AgeString age = AgeString.parse(values[i]);
                double years = switch (age.unit()) {
                    case 'D' -> age.number() / 365.2425;
                    case 'W' -> age.number() * 7 / 365.2425;
                    case 'M' -> age.number() / 12.0;
                    default -> age.number();
                };
                if (years >= 90) {
                    out[i] = "090Y";
                    changed = true;
                }
            } catch (IllegalArgumentException x) {
                out[i] = "";
                changed = true;
                warn("VALUE-NOT-AN-AGE", "value " + (i + 1) + " is not an age string; it was emptied");
            }
        }
        return changed ? putStrings(ds, e, out) : e;
    }

    /**
     * An SR's age in years over 89 (a NUM item's Numeric Value, its concept an age: Subject Age, LOINC's Age, or a
     * meaning with the word "age"; its unit UCUM {@code a}) written 90, as Patient's Age becomes {@code 090Y}
     * (decision 0185).
     */
    private Element capNumericAge(Dataset ds, Element e) {
        String[] values = ds.getStrings(e.tag());
        String[] out = values.clone();
        boolean changed = false;
        for (int i = 0; i < values.length; i++) {
            try {
                if (Double.parseDouble(values[i].strip()) >= 90) {
                    out[i] = "90";
                    changed = true;
                }
            } catch (NumberFormatException x) {
                // not a number: left to the IOD's checks, as any other Numeric Value
            }
        }
        return changed ? putStrings(ds, e, out) : e;
    }

    /** Whether {@code measured}, an item of a NUM content item's Measured Value Sequence, is an age in years. */
    private static boolean isAgeInYears(Dataset measured) {
        Dataset units = firstCode(measured, MEASUREMENT_UNITS);
        Dataset concept = measured.parent() == null ? null : firstCode(measured.parent(), CONCEPT_NAME_CODES);
        if (units == null || concept == null || !"a".equals(strip(units.getString(CODE_VALUE)))) {
            return false;
        }
        String code = strip(concept.getString(CODE_VALUE));
        String meaning = concept.getString(CODE_MEANING);
        return code != null && AGE_CONCEPTS.contains(code) || meaning != null && AGE_WORD.matcher(meaning).find();
    }

    /** Whether an SR content item is the subject's birth date (TID 1007 Subject Birth Date, LOINC's Birth date). */
    private static boolean isBirthDateItem(Dataset item) {
        Dataset concept = firstCode(item, CONCEPT_NAME_CODES);
        String code = concept == null ? null : strip(concept.getString(CODE_VALUE));
        return "DATE".equals(strip(item.getString(VALUE_TYPE))) && ("121031".equals(code) || "21112-8".equals(code));
    }

    private Element dummy(Dataset ds, Element e) throws FormatException {
        VR vr = e.vr();
        if (vr == VR.UI && e.bytes() != null && e.bytes().length > 0) {
            return eachValue(ds, e, methods.remapUid(), null);
        }
        String text = Dummies.text(vr);
        if (text != null) {
            return putStrings(ds, e, new String[] {text});
        }
        if (vr.kind() == VR.Kind.BINARY) {
            return put(ds, Element.ofBytes(e.tag(), vr, Dummies.binary(vr)));
        }
        // OB, OW, UN and friends: a dummy is an empty-valued placeholder of the right VR; the
        // original bytes are never kept.
        return put(ds, Element.ofBytes(e.tag(), vr, new byte[] {0, 0}));
    }

    private Element clean(Dataset ds, Element e) throws FormatException {
        VR vr = e.vr();
        if (e.bytes() == null) {
            // A bitmap or other bulk value cannot be cleaned of burned-in text: it goes.
            ds.remove(e.tag());
            return null;
        }
        return switch (vr) {
            case DA, DT -> shiftDates(ds, e, methods.shiftDate());
            case AS -> capAge(ds, e);
            case UI -> eachValue(ds, e, methods.remapUid(), null);
            case LO, LT, PN, SH, ST, UC, UT -> eachValue(ds, e, methods.scrubText(), null);
            case OB, OW, OD, OF, OL, OV, UN -> {
                ds.remove(e.tag());
                yield null;
            }
            default -> keep(ds, e); // codes, numbers and times of day say nothing about a person
        };
    }

    private Element shiftDates(Dataset ds, Element e, DeidMethod method) throws FormatException {
        Element after = eachValue(ds, e, method, null);
        datesShifted |= after != null && after.bytes() != null && after.bytes().length > 0;
        return after;
    }

    private Element subjectId(Dataset ds, Element e) throws FormatException {
        String id = ds.getString(e.tag());
        if (id == null || id.isBlank()) {
            return e;
        }
        try {
            // The top-level id is the file's subject; a nested one (another patient's) gets its own pseudonym.
            Subject s = ds.parent() == null ? subject : methods.engine().subject(id);
            return putStrings(ds, e, new String[] {s.pseudonym()});
        } catch (DeidException x) {
            throw new FormatException(x.code(), path(), x.getMessage());
        }
    }

    private Element applyRule(Dataset ds, Element e, Decision d) throws FormatException {
        ActionSpec spec = d.spec();
        VR vr = e.vr();
        if (e.bytes() == null) {
            return notApplicable(ds, e, d, "the value is binary or too large to hold text");
        }
        switch (spec.action()) {
            case SHIFT_DATE:
                return vr == VR.DA || vr == VR.DT ? shiftDates(ds, e, methods.of(spec))
                        : notApplicable(ds, e, d, "it is not a date (VR " + vr + ")");
            case GENERALIZE:
                if (((ActionSpec.Generalize) spec).kind() == Generalization.YEAR && (vr == VR.DA || vr == VR.DT)) {
                    Element after = eachValue(ds, e, methods.of(spec), null);
                    if (after != null && vr == VR.DA && after.bytes() != null) {
                        String[] years = ds.getStrings(e.tag());
                        for (int i = 0; i < years.length; i++) {
                            years[i] = years[i].isEmpty() ? "" : years[i] + "0101"; // DA has no year-only form
                        }
                        after = putStrings(ds, after, years);
                    }
                    datesShifted = true;
                    return after;
                }
                return notApplicable(ds, e, d, "generalize applies to dates here (VR " + vr + ")");
            case REMAP_UID:
                return vr == VR.UI ? eachValue(ds, e, methods.of(spec), d)
                        : notApplicable(ds, e, d, "it is not a UID (VR " + vr + ")");
            case PSEUDONYMIZE:
            case ENCRYPT:
            case REPLACE:
            case SCRUB_TEXT:
                return TEXT_VRS.contains(vr) || vr == VR.CS || vr == VR.AE
                        ? eachValue(ds, e, methods.of(spec), d)
                        : notApplicable(ds, e, d, "its VR " + vr + " does not hold free text");
            default:
                throw new IllegalStateException("unhandled rule action " + spec.action());
        }
    }

    /**
     * A rule whose action the element's VR cannot hold: the element is removed (never passed
     * through, and binary data is never rewritten as text) and the place is reported.
     */
    private Element notApplicable(Dataset ds, Element e, Decision d, String why) {
        warn("DICOM-ACTION-NOT-APPLICABLE", "rule '" + d.ruleId() + "' (" + d.action() + ") cannot apply: " + why
                + "; the element was removed");
        ds.remove(e.tag());
        return null;
    }

    /** The Institution Name and Institutional Department Name values of four characters or more. */
    private static List<String> institutionNames(Dataset ds) {
        List<String> out = new ArrayList<>();
        for (int tag : new int[] {0x00080080, 0x00081040}) {
            for (String v : ds.getStrings(tag)) {
                if (v.strip().length() >= 4) {
                    out.add(v.strip());
                }
            }
        }
        return out;
    }

    /**
     * A text scrubbed around the kept institution's names in it (any case), which stay as written; the text unchanged
     * by this when none stands in it.
     */
    private String scrubAroundInstitutions(DeidMethod scrub, String value, FieldContext context) throws DeidException {
        StringBuilder out = new StringBuilder();
        int from = 0;
        int i = 0;
        while (i < value.length()) {
            String name = null;
            for (String k : keptInstitutions) {
                if (value.regionMatches(true, i, k, 0, k.length())) {
                    name = k;
                    break;
                }
            }
            if (name == null) {
                i++;
                continue;
            }
            out.append(scrubPiece(scrub, value.substring(from, i), context)).append(value, i, i + name.length());
            i += name.length();
            from = i;
        }
        if (from == 0) {
            return scrub.apply(value, context);
        }
        return out.append(scrubPiece(scrub, value.substring(from), context)).toString();
    }

    private static String scrubPiece(DeidMethod scrub, String piece, FieldContext context) throws DeidException {
        if (piece.isBlank()) {
            return piece;
        }
        String v = scrub.apply(piece, context);
        return v == null ? "" : v;
    }

    /** Applies a method to each value of a text element; a value the method cannot handle is emptied and reported. */
    private Element eachValue(Dataset ds, Element e, DeidMethod method, Decision d) throws FormatException {
        String[] values = ds.getStrings(e.tag());
        if (values.length == 0) {
            return e;
        }
        String[] out = new String[values.length];
        FieldContext context = new FieldContext(subject, keyword(e.tag()));
        int max = e.vr().maxLength();
        for (int i = 0; i < values.length; i++) {
            if (values[i].isEmpty()) {
                out[i] = "";
                continue;
            }
            try {
                String v = !keptInstitutions.isEmpty() && (method == methods.scrubText()
                        || d != null && d.spec() instanceof ActionSpec.ScrubText)
                        ? scrubAroundInstitutions(method, values[i], context) : method.apply(values[i], context);
                out[i] = v == null ? "" : v;
            } catch (UnprocessableValueException x) {
                out[i] = "";
                warn(x.code(), "value " + (i + 1) + ": " + x.getMessage() + "; the value was emptied");
            } catch (DeidException x) {
                throw new FormatException(x.code(), path(), x.getMessage());
            }
            if (max > 0 && out[i].length() > max) {
                out[i] = out[i].substring(0, max); // cut the replacement, never the protection
            }
            if (e.vr().kind() == VR.Kind.STRING && out[i].indexOf('\\') >= 0) {
                out[i] = out[i].replace('\\', ' ');
            }
        }
        return putStrings(ds, e, out);
    }

    private Element putStrings(Dataset ds, Element e, String[] values) {
        try {
            ds.putStrings(e.tag(), e.vr(), values);
        } catch (IllegalArgumentException x) {
            // A character the data set's character set cannot hold (e.g. from undecodable input):
            // the dummy, plain ASCII, always encodes.
            String dummy = Dummies.text(e.vr());
            ds.putStrings(e.tag(), e.vr(), dummy == null ? new String[0] : new String[] {dummy});
            warn("DICOM-VALUE-NOT-ENCODABLE", "the cleaned value cannot be written in the data set's character set;"
                    + " a dummy was written");
        }
        return ds.get(e.tag());
    }

    private static Element put(Dataset ds, Element e) {
        ds.put(e);
        return e;
    }

    private void warn(String code, String message) {
        if (warningCount++ < MAX_LISTED_WARNINGS) {
            warnings.add(new Problem(code, fileName, path(), message));
        }
    }

    private String keyword(int tag) {
        String k = dictionary.keyword(tag);
        return k.isEmpty() ? Tag.toString(tag) : k;
    }

    private PreviewField previewField(Dataset ds, Element before, Element after, String shownBefore, Decision d,
            List<PreviewField> children) {
        String creator = Tag.isPrivateData(before.tag()) ? ds.privateCreator(before.tag()) : null;
        String name = Tag.isPrivate(before.tag()) ? (creator == null ? "private" : "private (" + creator.strip() + ")")
                : keyword(before.tag());
        String p = path();
        if (before.isSequence()) {
            PreviewField.Change change = after == null ? PreviewField.Change.REMOVED
                    : after.items().size() != before.items().size() ? PreviewField.Change.CHANGED
                    : PreviewField.Change.UNCHANGED;
            return new PreviewField(p, name, shownBefore, after == null ? null : Display.of(ds, after), change,
                    d.ruleId(), d.action(), children);
        }
        String shownAfter = after == null ? null : Display.of(ds, after);
        return PreviewField.leaf(p, name, shownBefore, shownAfter, d.ruleId(), d.action());
    }

    // ---------------------------------------------------------------- results

    java.util.SortedMap<String, Long> counts() {
        // Decisions are shared (made once per policy), so an element costs an identity look-up here, not a
        // counter key made and compared (decision 0065); the sums are the same whatever the order of folding.
        for (java.util.Map.Entry<Decision, long[]> t : tallies.entrySet()) {
            counts.merge(t.getKey().counterKey(), t.getValue()[0], Long::sum);
        }
        tallies.clear();
        return counts;
    }

    List<Problem> warnings() {
        return warnings;
    }

    long warningCount() {
        return warningCount;
    }

    List<String> keptByDefault() {
        return List.copyOf(keptByDefault);
    }

    boolean datesShifted() {
        return datesShifted;
    }

    boolean datesKept() {
        return datesKept;
    }

    List<PreviewField> previewFields() {
        return previewFields;
    }

    /** Adds a count (marking, redaction) to the file's statistics. */
    void count(String key) {
        counts.merge(key, 1L, Long::sum);
    }
}
