package org.deidworkbench.format.dicom;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.deidworkbench.dicom.DicomDictionary;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.format.dicom.Decision.Treatment;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.DicomOption;
import org.deidworkbench.model.DicomRule;
import org.deidworkbench.model.DicomSection;
import org.deidworkbench.model.DicomSelector;
import org.deidworkbench.model.SourceLocation;

/**
 * Decides what happens to each data element: the patient id first (always the subject), then the
 * profile's rules in order, then private elements (removed unless known safe), then PS3.15 Table
 * E.1-1 with the profile's options (compound codes resolved to their last alternative, see decision
 * record 0009), then elements the dictionary does not know (removed), then UIDs the table does not
 * list (remapped unless they name a class or a transfer syntax), then free text (ST, LT, UT) the
 * table does not list (cleaned), and finally everything else is kept. The one implementation of these
 * decisions: transform, preview and explain all call it.
 *
 * <p>Immutable and thread-safe. Cost per element: a hash probe in the table plus one check per rule.
 */
final class DicomPolicy {

    /** Label for identifiers of the patient noted from the table's own decisions. */
    private static final Map<Integer, String> IDENTIFIER_ATTRIBUTES = Map.ofEntries(
            Map.entry(0x00101000, "ID"), // OtherPatientIDs
            Map.entry(0x00101040, "ADDRESS"), // PatientAddress
            Map.entry(0x00102154, "PHONE"), // PatientTelephoneNumbers
            Map.entry(0x00080081, "ADDRESS"), // InstitutionAddress
            Map.entry(0x00101090, "ID"), // MedicalRecordLocator
            Map.entry(0x00380010, "ID"), // AdmissionID
            Map.entry(0x00080050, "ACCESSION"), // AccessionNumber
            Map.entry(0x00401001, "ID"), // RequestedProcedureID
            Map.entry(0x00400009, "ID"), // ScheduledProcedureStepID
            Map.entry(0x00400253, "ID"), // PerformedProcedureStepID
            Map.entry(0x00402016, "ID"), // PlacerOrderNumberImagingServiceRequest
            Map.entry(0x00402017, "ID"), // FillerOrderNumberImagingServiceRequest
            Map.entry(0x00120040, "ID"), // ClinicalTrialSubjectID
            Map.entry(0x00120042, "ID")); // ClinicalTrialSubjectReadingID

    /** Label of a device's identity (Station Name, Device Serial Number, …) in text, and in the report. */
    static final String DEVICE = "DEVICE";

    /** Label of an institution's name (Institution Name, a trial site's name, …) in text, and in the report. */
    static final String INSTITUTION = "INSTITUTION";

    private static final String STARTER_LIST = "safe-private.tsv";

    private final DicomSection section;
    private final ConfidentialityProfile table = ConfidentialityProfile.standard();
    private final DicomDictionary dictionary = DicomDictionary.standard();
    private final Set<DicomSection.PrivateElement> safePrivate;
    private final boolean retainSafePrivate;
    private final boolean retainUids;
    private final boolean retainInstitutionIdentity;

    /** Whether the profile keeps the institution's identity (Retain Institution Identity Option, decision 0188). */
    boolean retainsInstitutionIdentity() {
        return retainInstitutionIdentity;
    }
    /** The decision of each of the section's rules, in the rules' order. */
    private final List<Decision> ruleDecisions;
    /** Decisions of public attributes no rule selects, by tag, VR and enclosing treatment (see {@link #decide}). */
    private final DecisionTable standard = new DecisionTable();

    DicomPolicy(DicomSection section) {
        this.section = section;
        Set<DicomSection.PrivateElement> safe = new HashSet<>(starterList());
        safe.addAll(section.safePrivate());
        this.safePrivate = Set.copyOf(safe);
        this.retainSafePrivate = section.has(DicomOption.RETAIN_SAFE_PRIVATE);
        this.retainUids = section.has(DicomOption.RETAIN_UIDS);
        this.retainInstitutionIdentity = section.has(DicomOption.RETAIN_INSTITUTION_IDENTITY);
        this.ruleDecisions = section.rules().stream().map(DicomPolicy::fromRule).toList();
    }

    /** The section applied. */
    DicomSection section() {
        return section;
    }

    /** The edition of Table E.1-1 applied, e.g. {@code 2024b}. */
    String tableEdition() {
        return table.edition();
    }

    /**
     * Where an element is: the tags and private creators of the sequences it is nested in (outermost
     * first) and its own, so {@code tags[depth]} is the element's tag.
     *
     * @param tags tags of the enclosing sequences, then the element's own
     * @param creators private creator of each (null when not private data)
     * @param depth index of the element in the arrays (0 at the top level)
     * @param inherited {@code CLEAN} or {@code DUMMY} when an enclosing sequence is cleaned or replaced
     *     by a dummy as a whole (PS3.15 C or D on a sequence, e.g. Content Sequence), else null
     */
    record Place(int[] tags, String[] creators, int depth, Treatment inherited) {

        /** A place inside no cleaned or dummied sequence. */
        Place(int[] tags, String[] creators, int depth) {
            this(tags, creators, depth, null);
        }

        /** What the items of a sequence decided {@code d} at this place inherit. */
        Treatment inheritedBy(Decision d) {
            return d.treatment() == Treatment.CLEAN || d.treatment() == Treatment.DUMMY ? d.treatment() : inherited;
        }

        int tag() {
            return tags[depth];
        }

        String creator() {
            return creators[depth];
        }
    }

    /** The decision for the element at {@code place} with VR {@code vr}. */
    Decision decide(Place place, VR vr, PrivateDeclarations declared) {
        int tag = place.tag();
        if (tag == Tag.PATIENT_ID && place.depth() == 0) {
            return subject();
        }
        List<DicomRule> rules = section.rules();
        for (int i = 0; i < rules.size(); i++) {
            if (matches(rules.get(i).selector(), place, vr)) {
                return ruleDecisions.get(i);
            }
        }
        if (tag == Tag.PATIENT_ID) {
            return subject();
        }
        if (Tag.isPrivate(tag)) {
            return privateElement(place, vr, declared);
        }
        if (Tag.isGroupLength(tag)) {
            return new Decision("group-length", Treatment.KEEP, null, "K", "group length, recomputed when written",
                    false, "");
        }
        // What follows depends on the tag, the VR and the enclosing sequence's treatment only: decided once per
        // policy (a run decides the same few hundred attributes in every file).
        long key = ((long) tag << 16) | ((long) vr.ordinal() << 4) | (place.inherited() == null ? 0
                : place.inherited().ordinal() + 1);
        Decision d = standard.get(key);
        if (d == null) {
            d = standard.putIfAbsent(key, standardDecision(tag, vr, place.inherited()));
        }
        return d;
    }

    /**
     * Decisions by a {@code long} key, read without a lock, a boxed key or a lambda per element (decision
     * 0065): an open-addressing table replaced as a whole when a key is added (a run adds a few hundred,
     * then only reads). Thread-safe.
     */
    static final class DecisionTable {
        private record Slots(long[] keys, Decision[] values, int size) {
        }

        private volatile Slots slots = new Slots(new long[64], new Decision[64], 0);

        /** The decision for {@code key}, or null. */
        Decision get(long key) {
            Slots s = slots;
            int mask = s.keys().length - 1;
            for (int i = slot(key, mask); ; i = (i + 1) & mask) {
                Decision d = s.values()[i];
                if (d == null || s.keys()[i] == key) {
                    return d;
                }
            }
        }

        /** Adds {@code d} for {@code key} unless a decision is there; returns the one that stays. */
        synchronized Decision putIfAbsent(long key, Decision d) {
            Decision there = get(key);
            if (there != null) {
                return there;
            }
            Slots s = slots;
            int length = s.keys().length;
            if (2 * (s.size() + 1) > length) {
                length *= 2;
            }
            long[] keys = new long[length];
            Decision[] values = new Decision[length];
            for (int i = 0; i < s.keys().length; i++) {
                if (s.values()[i] != null) {
                    insert(keys, values, s.keys()[i], s.values()[i]);
                }
            }
            insert(keys, values, key, d);
            slots = new Slots(keys, values, s.size() + 1);
            return d;
        }

        private static void insert(long[] keys, Decision[] values, long key, Decision d) {
            int mask = keys.length - 1;
            int i = slot(key, mask);
            while (values[i] != null) {
                i = (i + 1) & mask;
            }
            keys[i] = key;
            values[i] = d;
        }

        private static int slot(long key, int mask) {
            long h = key * 0x9E3779B97F4A7C15L;
            return (int) (h >>> 32) & mask;
        }
    }

    /** The decision for a public attribute no rule selects, from Table E.1-1, the dictionary and the options. */
    private Decision standardDecision(int tag, VR vr, Treatment inherited) {
        ConfidentialityProfile.Entry entry = table.entry(tag).orElse(null);
        if (entry != null) {
            return fromTable(entry, tag, vr);
        }
        if (dictionary.entry(tag).isEmpty()) {
            return new Decision("unknown-tag", Treatment.REMOVE, null, "X", "not in the PS3.6 data dictionary ("
                    + dictionary.edition() + "): what it holds is unknown, so it is removed", false, "");
        }
        if (vr == VR.DA || vr == VR.DT) {
            // A date the table does not list is still a date: it follows the table's dates.
            boolean full = section.has(DicomOption.RETAIN_LONGITUDINAL_FULL_DATES);
            boolean modified = section.has(DicomOption.RETAIN_LONGITUDINAL_MODIFIED_DATES);
            Treatment t = full ? Treatment.KEEP : modified ? Treatment.CLEAN : Treatment.EMPTY;
            return new Decision("dates", t, null, full ? "K" : modified ? "C" : "Z", "a date Table E.1-1 does not"
                    + " list: handled like the table's dates with this profile's options", false, "");
        }
        if (vr == VR.UI && !retainUids && !isClassOrSyntaxUid(tag)) {
            return new Decision("uid", Treatment.UID, null, "U", "a UID Table E.1-1 does not list that may name an"
                    + " instance: replaced like U (registered DICOM UIDs under 1.2.840.10008 stay)", false, "");
        }
        if (inherited != null && DatasetCleaner.TEXT_VRS.contains(vr)) {
            // Text inside a sequence the table cleans (C) or replaces (D) as a whole, e.g. an SR text
            // value in Content Sequence: the sequence's action reaches its text.
            boolean clean = inherited == Treatment.CLEAN;
            return new Decision("enclosing-sequence", inherited, null, clean ? "C" : "D", "text inside a"
                    + " sequence that Table E.1-1 " + (clean ? "cleans (C): scrubbed of identifiers and PHI patterns"
                    : "replaces by a dummy (D): replaced by the dummy"), false, "");
        }
        if ((vr == VR.ST || vr == VR.LT || vr == VR.UT) && !dictionary.keyword(tag).startsWith("CodingScheme")) {
            // Free text the table does not list (an ECG's or a presentation state's annotation, Unformatted Text
            // Value): written by people, so cleaned as the table's C is, not only of the known identifiers
            // (decision 0185). Not a coding scheme's name or responsible organisation, which describe a vocabulary.
            return new Decision("free-text", Treatment.CLEAN, null, "C", "free text (" + vr + ") not in PS3.15 Table"
                    + " E.1-1 (" + table.edition() + "): cleaned like the table's C, scrubbed of identifiers, dates"
                    + " and PHI patterns", false, "");
        }
        return new Decision("not-listed", Treatment.KEEP, null, "K", "not in PS3.15 Table E.1-1 (" + table.edition()
                + "), so kept" + (DatasetCleaner.TEXT_VRS.contains(vr) ? "; its text loses the patients' known"
                + " identifiers" : DatasetCleaner.CODE_VRS.contains(vr) ? "; a patient's known name in it becomes NAME,"
                + " a known id the patient's pseudonym (decision 0194)" : ""), false, "");
    }

    private static Decision subject() {
        return new Decision("subject", Treatment.SUBJECT, null, "pseudonymize", "the patient id: replaced by the"
                + " patient's pseudonym in the profile's subject domain, as in every other format", false, "ID");
    }

    private static Decision fromRule(DicomRule rule) {
        ActionSpec spec = rule.spec();
        Treatment t = switch (spec.action()) {
            case KEEP -> Treatment.KEEP;
            case REMOVE -> Treatment.REMOVE;
            case EMPTY -> Treatment.EMPTY;
            default -> Treatment.APPLY;
        };
        SourceLocation at = rule.location();
        String where = at.line() > 0 ? at.file() + ":" + at.line() : at.file();
        return new Decision(rule.id(), t, spec, spec.action().yamlName(), "rule '" + rule.id() + "' ("
                + rule.selector().describe() + " at " + where + ")", rule.identifier(), rule.label());
    }

    private Decision fromTable(ConfidentialityProfile.Entry entry, int tag, VR vr) {
        ConfidentialityAction basic = entry.basicAction();
        ConfidentialityAction withOptions = entry.action(section.options());
        ConfidentialityAction simple = withOptions.resolveWithoutIod();
        Treatment t = switch (simple) {
            case K -> Treatment.KEEP;
            case X -> Treatment.REMOVE;
            case Z -> Treatment.EMPTY;
            case D -> Treatment.DUMMY;
            case C -> Treatment.CLEAN;
            case U -> Treatment.UID;
            default -> throw new IllegalStateException("unresolved compound action " + simple);
        };
        StringBuilder reason = new StringBuilder("PS3.15 Table E.1-1 (").append(table.edition()).append("): ")
                .append(entry.name()).append(", Basic Profile ").append(basic.code());
        if (withOptions != basic) {
            reason.append(", ").append(withOptions.code()).append(" with the options");
        }
        if (withOptions.isCompound()) {
            reason.append(", resolved to ").append(simple.code())
                    .append(" so the attribute stays valid whatever its Type (decision 0009)");
        }
        String label = IDENTIFIER_ATTRIBUTES.get(tag);
        if (label == null && vr == VR.PN) {
            label = "NAME";
        }
        if (label == null && entry.optionActions().containsKey(DicomOption.RETAIN_DEVICE_IDENTITY)
                && DatasetCleaner.TEXT_VRS.contains(vr)) {
            // Station Name, Device Serial Number, Detector ID, …: the same value in an SR's observer context
            // or a comment names the device as well (decision 0185); a run's identifier, not the patient's
            label = DEVICE;
        }
        if (label == null && entry.optionActions().containsKey(DicomOption.RETAIN_INSTITUTION_IDENTITY)
                && DatasetCleaner.TEXT_VRS.contains(vr)) {
            // Institution Name, Institutional Department Name, a trial site's or ethics committee's name: the same
            // name in a description or comment tells the institution the profile removed (decision 0188)
            label = INSTITUTION;
        }
        boolean identifier = label != null && t != Treatment.KEEP && t != Treatment.CLEAN;
        if (identifier && (DEVICE.equals(label) || INSTITUTION.equals(label))) {
            // what else happens to the value, which the output of this attribute does not show (decisions 0185, 0188)
            reason.append(DEVICE.equals(label)
                    ? "; a value with a digit and four characters or more also leaves every text of the run, as [DEVICE]"
                    : "; a value of four characters or more also leaves the texts the run cleans, as [INSTITUTION]");
        }
        return new Decision("annex-e", t, null, simple.code(), reason.toString(), identifier,
                label == null ? "" : label);
    }

    private Decision privateElement(Place place, VR vr, PrivateDeclarations declared) {
        int tag = place.tag();
        if (Tag.isPrivateCreator(tag)) {
            return new Decision("private", Treatment.CREATOR, null, "K", "a private creator: kept when an element of"
                    + " its block is kept", false, "");
        }
        String creator = place.creator();
        if (retainSafePrivate && creator != null) {
            String c = creator.strip();
            int group = Tag.group(tag);
            int offset = Tag.element(tag) & 0xFF;
            DicomSection.PrivateElement element = new DicomSection.PrivateElement(c, group, offset);
            VR listed = STARTER_VRS.get(element);
            if (safePrivate.contains(element) && (listed == null || vr == listed || vr == VR.UN)) {
                // a starter entry only in its own VR (or unknown, from an implicit VR file): a vendor that reuses the
                // slot for text in another version of its software does not get it kept (decision 0185)
                return new Decision("safe-private", Treatment.KEEP, null, "K", String.format(Locale.ROOT,
                        "a private element known to be safe (%s, (%04X,xx%02X)): kept (Retain Safe Private)", c, group,
                        offset), false, "");
            }
            Decision d = declared.decide(group, c, offset);
            if (d != null) {
                return d;
            }
        }
        return new Decision("private", Treatment.REMOVE, null, "X", retainSafePrivate
                ? "a private element not known to be safe: removed (Retain Safe Private keeps only safe ones)"
                : "a private element: removed (PS3.15 Table E.1-1, private attributes X)", false, "");
    }

    /** Class UIDs, transfer syntaxes and coding scheme UIDs name no instance; they stay. */
    private boolean isClassOrSyntaxUid(int tag) {
        String k = dictionary.keyword(tag);
        return k.contains("ClassUID") || k.contains("TransferSyntax") || k.contains("CodingScheme")
                || k.equals("ContextGroupExtensionCreatorUID") || k.contains("SOPClasses");
    }

    /** Whether {@code selector} selects the element at {@code place}. */
    static boolean matches(DicomSelector selector, Place place, VR vr) {
        if (selector instanceof DicomSelector.Attribute a) {
            return stepMatches(a.step(), place.tags()[place.depth()], place.creators()[place.depth()]);
        }
        if (selector instanceof DicomSelector.ByVr v) {
            return vr.name().equals(v.vr());
        }
        if (selector instanceof DicomSelector.Path p) {
            return pathMatches(p.steps(), 0, place, 0);
        }
        throw new IllegalStateException("unhandled selector " + selector.getClass().getSimpleName());
    }

    private static boolean pathMatches(List<DicomSelector.Step> steps, int s, Place place, int c) {
        int length = place.depth() + 1;
        if (s == steps.size()) {
            return c == length;
        }
        DicomSelector.Step step = steps.get(s);
        if (step instanceof DicomSelector.AnyDepth) {
            for (int k = c; k < length; k++) {
                if (pathMatches(steps, s + 1, place, k)) {
                    return true;
                }
            }
            return false;
        }
        return c < length && stepMatches(step, place.tags()[c], place.creators()[c])
                && pathMatches(steps, s + 1, place, c + 1);
    }

    private static boolean stepMatches(DicomSelector.Step step, int tag, String creator) {
        if (step instanceof DicomSelector.TagStep t) {
            return !Tag.isPrivate(tag) && t.matches(tag);
        }
        if (step instanceof DicomSelector.PrivateStep p) {
            return Tag.isPrivateData(tag) && p.matches(Tag.group(tag), creator, Tag.element(tag) & 0xFF);
        }
        if (step instanceof DicomSelector.AnyElement) {
            return true;
        }
        return false;
    }

    /** The VR of each starter list entry, as the list gives it. */
    private static final Map<DicomSection.PrivateElement, VR> STARTER_VRS = starterVrs();

    private static Map<DicomSection.PrivateElement, VR> starterVrs() {
        Map<DicomSection.PrivateElement, VR> out = new java.util.HashMap<>();
        for (String[] cells : starterRows()) {
            out.put(new DicomSection.PrivateElement(cells[0].strip(), Integer.parseInt(cells[1], 16),
                    Integer.parseInt(cells[2], 16)), VR.valueOf(cells[3].strip()));
        }
        return Map.copyOf(out);
    }

    private static Set<DicomSection.PrivateElement> starterList() {
        return new HashSet<>(STARTER_VRS.keySet());
    }

    /** The starter list's rows, split into cells: creator, group, element, VR, meaning, basis. */
    private static List<String[]> starterRows() {
        try (InputStream in = DicomPolicy.class.getResourceAsStream(STARTER_LIST)) {
            if (in == null) {
                throw new IllegalStateException("resource " + STARTER_LIST + " is missing from the build");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> out = new java.util.ArrayList<>();
            String line;
            boolean header = false;
            while ((line = lines.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                if (!header) {
                    header = true;
                    continue;
                }
                out.add(line.split("\t", -1));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + STARTER_LIST, e);
        }
    }

    /** The starter list of safe private elements shipped with the workbench, for documentation and tests. */
    static Set<DicomSection.PrivateElement> starterSafePrivate() {
        return starterList();
    }
}
