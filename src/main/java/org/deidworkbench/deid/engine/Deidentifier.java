package org.deidworkbench.deid.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import org.deidworkbench.model.PseudonymEntry;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.crypto.PseudonymGenerator;
import org.deidworkbench.deid.ColumnInsight;
import org.deidworkbench.deid.ColumnPlan;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.KeyRing;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.spill.ExternalSorter;
import org.deidworkbench.deid.spill.SpillArea;
import org.deidworkbench.model.SortedTuples;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.TextScrubber;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.deid.method.EmptyMethod;
import org.deidworkbench.deid.method.EncryptMethod;
import org.deidworkbench.deid.method.GeneralizeMethod;
import org.deidworkbench.deid.method.Hl7MessageMethod;
import org.deidworkbench.deid.method.KeepMethod;
import org.deidworkbench.deid.method.PseudonymizeMethod;
import org.deidworkbench.deid.method.RemapUidMethod;
import org.deidworkbench.deid.method.RemoveMethod;
import org.deidworkbench.deid.method.ReplaceMethod;
import org.deidworkbench.deid.method.ScrubTextMethod;
import org.deidworkbench.deid.method.ShiftDateMethod;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.Rule;
import org.deidworkbench.model.FieldSelector;
import org.deidworkbench.model.Generalization;
import org.deidworkbench.model.KnownIdentifier;
import org.deidworkbench.model.SourceLocation;
import org.deidworkbench.deid.classify.ColumnClass;
import org.deidworkbench.deid.classify.ColumnClassifier;
import java.util.Locale;
import java.util.Set;

/**
 * The engine of one run: binds a profile to the project keys and collects what the key file must
 * remember (pseudonyms, subject date offsets) and what free text must lose (known identifiers).
 *
 * <p>Use: formats call {@link #noteIdentifier} while scanning, the job calls
 * {@link #freezeIdentifiers()}, then formats transform values through {@link #method} and
 * {@link #subject}. Thread-safe; every result depends only on the profile, the key and the input,
 * never on the order in which threads get to it.
 */
public final class Deidentifier {

    /** Subject key used for records that belong to no subject. */
    private static final String NO_SUBJECT_KEY = "\u0000no-subject";

    private final Profile profile;
    private final KeyRing keys;
    private final PseudonymLedger ledger;
    private final int referenceYear;
    private final PseudonymFormat subjectFormat;
    /** Subjects kept in {@link #subjects} before it is emptied (a miss recomputes the same subject). */
    static final int SUBJECT_CACHE = 16_384;
    /** Subject ids remembered as noted: as many as a CSV file's own subject cache holds. */
    static final int NOTED_SUBJECTS = 1 << 16;

    /** Date offsets by subject pseudonym, for the key file (before {@link #spillTo}, or for a run that does not spill). */
    private final Map<String, Integer> subjectOffsets = new ConcurrentHashMap<>();
    /** Date offsets noted after {@link #spillTo} as {@code (pseudonym, offset)}, bound for the key file only. */
    private volatile ExternalSorter offsetSpill;
    private SortedTuples spilledOffsets;
    /**
     * Subjects by normalized original id, a bounded cache (decision 0030): a subject's pseudonym and offset
     * are keyed functions of its id, so a subject dropped from here is recomputed exactly on its next row.
     */
    private final Map<String, Subject> subjects = new ConcurrentHashMap<>();
    /** Links being noted (a run's scan pass), else {@code null}. */
    private volatile SubjectLinks links;
    /**
     * Linked ids whose offset is not their own keyed offset (normalized id → their class's offset), once resolved
     * (decision 0078).
     */
    private volatile Map<String, Integer> linkedOffsets = Map.of();
    /**
     * The key file's subjects whose recorded offset is not their own id's keyed offset (subject pseudonym → days):
     * an id not linked in this run keeps it (decision 0078, addendum).
     */
    private volatile Map<String, Integer> storedLinked = Map.of();
    /** The key file's recorded offsets, looked up when links are resolved; none for a new key file. */
    private volatile RecordedOffsets recorded = pseudonyms -> Map.of();
    /** This run's subjects whose offset is their class's and not their own (pseudonym → days), for the key file. */
    private final Map<String, Integer> newLinked = new ConcurrentHashMap<>();
    private final KnownIdentifiers collected = new KnownIdentifiers();
    /** Each subject's identifying values (by subject pseudonym), sealed into the key file. */
    private final Map<String, Set<KnownIdentifier>> subjectIdentifiers = new ConcurrentHashMap<>();
    /**
     * Identifying values noted in records that belong to a subject the scan could not name yet (a FHIR resource that
     * refers to its Patient, which may be in a later file), by the record's owner as its format describes it; resolved
     * into {@link #subjectIdentifiers} once the scan is over ({@link #resolveOwnedIdentifiers}, decision 0164).
     */
    private final Map<String, Set<KnownIdentifier>> ownedIdentifiers = new ConcurrentHashMap<>();
    /** Subject identifiers noted after {@link #spillTo}, bound for the key file only. */
    private volatile ExternalSorter subjectSpill;
    private final Map<String, PseudonymFormat> domainFormats;
    private final int noSubjectOffset;
    private volatile TextScrubber scrubber;
    /**
     * Decision 0029: the days ({@code yyyymmdd}) of the subjects' identifying values that are dates, as 64-bit keys of
     * subject and day ({@link #subjectDay}; a collision only makes a date be compared in vain), and the run's attested
     * coincidences: shifted dates it wrote in a subject's records that read as one of that subject's own dates.
     */
    private final Set<Long> subjectDays = ConcurrentHashMap.newKeySet();
    /**
     * Subject ids noted lately ({@link #noteSubject}), original id → pseudonym, at most {@value #NOTED_SUBJECTS} (about
     * 10 MB): every file notes its subjects, and noting an id again changes nothing, so a repeat is skipped.
     */
    private final Map<String, String> notedSubjects = new ConcurrentHashMap<>();
    /**
     * {@link #subjectDays} as one flat array of keys, made when identifiers are frozen (after the scan) and dropped by
     * the next day noted: the transform looks every date it writes up here, one probe instead of a map's nodes and
     * boxed keys. Answers as {@link #subjectDays} does; {@code null} while days are still being noted.
     */
    private volatile DaySet frozenDays;
    /** Days added to {@link #subjectDays}: a day noted while {@link #frozenDays} was being made drops it. */
    private final java.util.concurrent.atomic.AtomicLong daysNoted = new java.util.concurrent.atomic.AtomicLong();
    private final Map<String, Map<Long, java.util.concurrent.atomic.AtomicInteger>> coincidences = new ConcurrentHashMap<>();

    /**
     * @param referenceYear the year ages are counted to by {@code generalize: birth-year}
     * @throws DeidException {@code DEID-DOMAIN-FORMAT-CONFLICT} when two rules (or a rule and the default) issue pseudonyms in
     *     the same domain with different formats (the same person would get two pseudonyms)
     */
    public Deidentifier(Profile profile, KeyRing keys, PseudonymLedger ledger, int referenceYear) throws DeidException {
        this.profile = profile;
        this.keys = keys;
        this.ledger = ledger;
        this.referenceYear = referenceYear;
        Map<String, PseudonymFormat> formats = new HashMap<>();
        Map<String, String> firstRule = new HashMap<>();
        for (Rule rule : profile.rules()) {
            registerFormat(formats, firstRule, rule.spec(), rule.id(), rule.location().toString());
        }
        // The default action issues pseudonyms too, so it must agree with the rules.
        registerFormat(formats, firstRule, profile.defaultSpec(), "default", profile.source());
        // So do the format sections: one domain, one format, in the whole profile (decision 0006).
        for (org.deidworkbench.model.FormatSection section : profile.sections().values()) {
            for (ActionSpec spec : section.actionSpecs()) {
                registerFormat(formats, firstRule, spec, section.key() + " section", section.source());
            }
        }
        this.subjectFormat = formats.getOrDefault(profile.subject().domain(), PseudonymFormat.DEFAULT);
        this.domainFormats = Map.copyOf(formats);
        this.noSubjectOffset = keys.dates().offsetDays(NO_SUBJECT_KEY, profile.dateShift());
    }

    private static void registerFormat(Map<String, PseudonymFormat> formats, Map<String, String> firstRule,
            ActionSpec spec, String ruleId, String location) throws DeidException {
        if (spec instanceof ActionSpec.Pseudonymize p) {
            PseudonymFormat previous = formats.putIfAbsent(p.domain(), p.format());
            firstRule.putIfAbsent(p.domain(), ruleId);
            if (previous != null && !previous.equals(p.format())) {
                throw new DeidException("DEID-DOMAIN-FORMAT-CONFLICT", "rules '" + firstRule.get(p.domain())
                        + "' and '" + ruleId + "' issue pseudonyms in domain '" + p.domain()
                        + "' with different formats; one domain needs one format (" + location + ")");
            }
        }
    }

    /** The profile this engine applies. */
    public Profile profile() {
        return profile;
    }

    /**
     * The subject with this original id: its pseudonym (recorded in the ledger) and date offset.
     * Returns {@code null} for a blank id.
     */
    public Subject subject(String originalId) throws DeidException {
        String normalized = subjectKey(originalId);
        if (normalized.isEmpty()) {
            return null;
        }
        Subject known = subjects.get(normalized);
        if (known != null) {
            return known;
        }
        String domain = profile.subject().domain();
        String pseudonym = ledger.issue(keys.pseudonyms(), domain, subjectFormat, normalized);
        // A linked id takes its class's offset (decision 0078); its pseudonym stays its own. An id a key file
        // recorded with another id's offset keeps that offset; every other id has its own.
        Integer linked = linkedOffsets.get(normalized);
        int offset;
        if (linked != null) {
            offset = linked;
            newLinked.putIfAbsent(pseudonym, offset);
        } else {
            Integer stored = storedLinked.isEmpty() ? null : storedLinked.get(pseudonym);
            offset = stored != null ? stored : ownOffset(normalized);
        }
        if (links == null) {
            keepOffset(pseudonym, offset); // while links are noted, offsets are not final: kept by the transform
        }
        Subject subject = new Subject(pseudonym, offset);
        if (subjects.size() >= SUBJECT_CACHE) {
            subjects.clear(); // the cache of a run with many subjects: a miss costs one HMAC and a key derivation
        }
        subjects.putIfAbsent(normalized, subject);
        return subject;
    }

    /** A subject id as {@link PseudonymGenerator#normalizeSubjectId} compares it (decision 0108). */
    static String subjectKey(String value) {
        return PseudonymGenerator.normalizeSubjectId(value);
    }

    /** {@code value} normalized for {@code domain}: as a subject id in the subject domain, else as any value. */
    private String normalizeIn(String domain, String value) {
        return domain.equals(profile.subject().domain()) ? subjectKey(value) : PseudonymGenerator.normalize(value);
    }

    private int ownOffset(String normalized) {
        return keys.dates().offsetDays(profile.subject().domain() + ":" + normalized, profile.dateShift());
    }

    /** The date offsets a key file recorded for subjects of earlier runs (decision 0078, addendum). */
    @FunctionalInterface
    public interface RecordedOffsets {
        /**
         * The recorded offsets of those of {@code pseudonyms} (sorted, distinct) the key file has, pseudonym → days.
         */
        Map<String, Integer> find(List<String> pseudonyms) throws java.io.IOException;
    }

    /**
     * Tells the engine what the key file recorded (before a run's subjects are made): {@code stored}, the subjects
     * whose offset is not their own id's (kept by ids this run does not link), and {@code lookup}, every subject's
     * recorded offset (consulted once, for the linked ids, by {@link #resolveLinks()}).
     */
    public void recordedOffsets(Map<String, Integer> stored, RecordedOffsets lookup) {
        storedLinked = Map.copyOf(stored);
        recorded = Objects.requireNonNull(lookup, "lookup");
        subjects.clear();
    }

    /**
     * What the key file recorded of subjects whose offset is another id's (subject pseudonym → days, as given to
     * {@link #recordedOffsets}): for engines made elsewhere for this run (a cluster's workers), which must give those
     * subjects the same offsets.
     */
    public Map<String, Integer> storedLinkedOffsets() {
        return storedLinked;
    }

    /**
     * The subjects of this run whose offset is their linked class's and not their own id's, subject pseudonym → days:
     * recorded in the key file so that a later run keeps them (decision 0078, addendum).
     */
    public SortedMap<String, Integer> linkedSubjectOffsets() {
        return new TreeMap<>(newLinked);
    }

    /**
     * The resolved links (after {@link #resolveLinks()}): each linked id whose offset is not its own, normalized id →
     * its class's offset. For the engines a cluster's transform workers make for this run ({@link #useLinkedOffsets}),
     * which must give those ids the same offsets. Holds original identifiers.
     */
    public Map<String, Integer> linkedOffsets() {
        return linkedOffsets;
    }

    /**
     * Gives linked ids the offsets another engine of this run resolved ({@link #linkedOffsets()}): a cluster's
     * transform worker, whose own engine noted no links (decision 0078).
     */
    public void useLinkedOffsets(Map<String, Integer> resolved) {
        linkedOffsets = Map.copyOf(resolved);
        subjects.clear();
    }

    /**
     * The rank of a CSV table's own patient key that is none of the profile's subject columns ({@code user_uuid}
     * beside the {@code mrn} of a patient table: decision 0200): after every subject column, before the records'.
     */
    public static final int RANK_PATIENT_KEY = 9_000;
    /** The rank of the id a DICOM file or FHIR Patient is tied to (after every CSV subject column). */
    public static final int RANK_RECORD_SUBJECT = 10_000;
    /** The rank of a record's other ids (Other Patient IDs, a Patient's other identifiers). */
    public static final int RANK_RECORD_OTHER = 10_001;

    /**
     * One of the ids a record gives for its subject (decision 0078).
     *
     * @param kind what the id is, for conflicts: a CSV column, a FHIR identifier system, a DICOM issuer
     * @param rank which id of a class gives the offset: the lowest rank (a CSV subject column's place in the
     *     profile's list, else {@link #RANK_RECORD_SUBJECT} or {@link #RANK_RECORD_OTHER}), the smallest id among equals
     * @param id the original id (normalized here)
     */
    public record LinkedId(String kind, int rank, String id) {
    }

    /**
     * Starts noting links between subject ids (before the scan pass). Until {@link #resolveLinks()}, offsets are
     * not final: subjects are not remembered for the key file.
     */
    public void beginLinks() {
        links = new SubjectLinks();
    }

    /** Whether {@link #noteLink} is listening (a scan pass of a run, between {@link #beginLinks} and resolving). */
    public boolean linking() {
        return links != null;
    }

    /** Notes that one record gives these ids for one subject; blank ids are ignored. Thread-safe. */
    public void noteLink(List<LinkedId> ids) {
        SubjectLinks l = links;
        if (l == null || ids.size() < 2) {
            return;
        }
        List<SubjectLinks.Id> normalized = new ArrayList<>(ids.size());
        for (LinkedId id : ids) {
            String v = subjectKey(id.id());
            if (!v.isEmpty()) {
                normalized.add(new SubjectLinks.Id(id.kind(), id.rank(), v));
            }
        }
        l.note(normalized);
    }

    /**
     * Fixes the links noted since {@link #beginLinks()} (after the scan pass, before any output is written): from
     * now on a linked id's date offset is its class's. A class's offset is the one the key file recorded for its
     * members (decision 0078, addendum: a recorded offset never changes), else its representative's; a class whose
     * members were recorded with different offsets is not linked. Returns the counts for the run report: {@code
     * subject-links (linked)} ids whose offset is now another id's, {@code subject-link-conflict (unlinked)} classes
     * left unlinked because two of their ids of one kind came from different records, {@code subject-link-conflict
     * (recorded offsets)} classes left unlinked because the key file recorded two offsets among their ids, {@code
     * subject-links-too-many (unlinked)} when more ids were linked than the engine or the key file keeps. Empty when
     * nothing was linked.
     *
     * @throws java.io.IOException when the key file's recorded offsets (held on disk) cannot be read
     */
    public SortedMap<String, Long> resolveLinks() throws java.io.IOException {
        SubjectLinks l = links;
        SortedMap<String, Long> counts = new TreeMap<>();
        if (l == null) {
            return counts;
        }
        SubjectLinks.Resolved r = l.resolve();
        String domain = profile.subject().domain();
        List<List<String>> classes = r.classes();
        // Each linked id's subject pseudonym (a keyed function of the id; issued only if the id is a record's subject).
        List<String[]> pseudonymsOf = new ArrayList<>(classes.size());
        TreeSet<String> all = new TreeSet<>();
        for (List<String> c : classes) {
            String[] ps = new String[c.size()];
            for (int i = 0; i < ps.length; i++) {
                ps[i] = keys.pseudonyms().pseudonym(domain, c.get(i), subjectFormat);
                all.add(ps[i]);
            }
            pseudonymsOf.add(ps);
        }
        Map<String, Integer> stored = storedLinked;
        Map<String, Integer> found = all.isEmpty() ? Map.of() : recorded.find(new ArrayList<>(all));
        Map<String, Integer> offsets = new HashMap<>();
        long linked = 0;
        long recordedConflicts = 0;
        long fresh = 0;
        for (int k = 0; k < classes.size(); k++) {
            List<String> c = classes.get(k);
            String[] ps = pseudonymsOf.get(k);
            Integer agreed = null;
            boolean disagree = false;
            for (String p : ps) {
                Integer days = stored.get(p);
                if (days == null) {
                    days = found.get(p);
                }
                if (days != null) {
                    disagree |= agreed != null && !agreed.equals(days);
                    agreed = agreed == null ? days : agreed;
                }
            }
            if (disagree) {
                recordedConflicts++; // each id keeps its recorded (or own) offset
                continue;
            }
            int classOffset = agreed != null ? agreed : ownOffset(c.get(0));
            for (int i = 0; i < ps.length; i++) {
                if (ownOffset(c.get(i)) != classOffset) {
                    offsets.put(c.get(i), classOffset);
                    fresh += stored.containsKey(ps[i]) ? 0 : 1;
                }
            }
            linked += c.size() - 1;
        }
        // The key file keeps at most MAX_IDS linked subjects' offsets: a run that would pass it links nothing new.
        boolean tooMany = r.overflow() || stored.size() + fresh > SubjectLinks.MAX_IDS;
        linkedOffsets = tooMany ? Map.of() : Map.copyOf(offsets);
        subjects.clear(); // made with the offsets before linking
        links = null;
        if (linked > 0 && !tooMany) {
            counts.put("subject-links (linked)", linked);
        }
        if (r.conflicts() > 0) {
            counts.put("subject-link-conflict (unlinked)", (long) r.conflicts());
        }
        if (recordedConflicts > 0) {
            counts.put("subject-link-conflict (recorded offsets)", recordedConflicts);
        }
        if (tooMany) {
            counts.put("subject-links-too-many (unlinked)", (long) SubjectLinks.MAX_IDS);
        }
        return counts;
    }

    /**
     * The decision for one column — the one place where it is made, for runs, previews, explain and
     * suggested profiles: the first rule that names the column; else, when the profile classifies,
     * its relation (a table's key or a reference to one: pseudonymized in the key's domain, the
     * patient's in the subject domain) or its class; else the profile's default.
     *
     * @param insight what the run's analysis found out about the column ({@code null} or
     *     {@link ColumnInsight#NONE} when its values were not analysed)
     */
    public ColumnPlan plan(String header, ColumnInsight insight) {
        ColumnInsight in = insight == null ? ColumnInsight.NONE : insight;
        ColumnClassifier.Classification c = in.classification();
        ColumnClass columnClass = c == null ? null : c.columnClass();
        double confidence = c == null ? 0 : c.confidence();
        boolean dayFirst = c != null && c.slashDayFirst();
        org.deidworkbench.deid.classify.MonthNames.Language months = c == null ? null : c.monthLanguage();
        ColumnInsight.Relation relation = in.relation();
        String evidence = c == null ? "" : c.evidence();
        if (!relation.description().isEmpty()) {
            evidence = relation.description() + (evidence.isEmpty() ? "" : "; " + evidence);
        }
        Rule rule = profile.ruleForColumn(header).orElse(null);
        boolean relations = profile.classification().enabled() && relation.role() != ColumnInsight.Role.NONE;
        if (rule != null && !(relations && yieldsToRelation(rule, relation))) {
            return new ColumnPlan(header, rule.spec(), rule.id(), ColumnPlan.DecidedBy.RULE, columnClass, confidence,
                    evidence, rule.label().toUpperCase(Locale.ROOT), rule.identifier(), dayFirst, ruleReason(rule),
                    months);
        }
        if (relations && relation.keyRemoved()) {
            // The key it references is a direct identifier a rule removes: its values go with it.
            return new ColumnPlan(header, new ActionSpec.Remove(), null, ColumnPlan.DecidedBy.RELATION, columnClass,
                    confidence, evidence, relation.domain().toUpperCase(Locale.ROOT), true, dayFirst,
                    relation.description() + ": removed, as the key it references is");
        }
        if (relations) {
            String domain = relation.domain();
            ActionSpec spec = new ActionSpec.Pseudonymize(domain, domainFormat(domain));
            String yielded = rule == null ? "" : " (instead of " + ruleReason(rule) + ", which would break the join)";
            // Patient ids are identifiers of the subject (scrubbed from text, kept in the key file); other
            // keys (encounters, orders) are pseudonymized consistently but not collected row by row.
            return new ColumnPlan(header, spec, null, ColumnPlan.DecidedBy.RELATION, columnClass, confidence, evidence,
                    relation.patient() ? "PATIENT-ID" : domain.toUpperCase(Locale.ROOT), relation.patient(), dayFirst,
                    relation.description() + ": pseudonymized in domain '" + domain + "'" + yielded);
        }
        if (profile.classification().enabled() && columnClass != null) {
            return new ColumnPlan(header, columnClass.spec(), null, ColumnPlan.DecidedBy.CLASSIFIER, columnClass,
                    confidence, evidence, columnClass.label(), columnClass.identifier(), dayFirst, "classified "
                    + columnClass.yamlName() + " (" + c.confidencePercent() + "; " + c.evidence() + ")", months);
        }
        return new ColumnPlan(header, profile.defaultSpec(), null, ColumnPlan.DecidedBy.DEFAULT, columnClass, confidence,
                evidence, "REDACTED", profile.defaultIdentifier(), dayFirst, "default action (no rule matched)", months);
    }

    /**
     * Whether a column-pattern rule gives way to the column's relation (decision 0059): the column holds values
     * of another table's key that is kept, pseudonymized, and the rule would remove them, blank them, or
     * pseudonymize them in another domain — a header pattern written in advance ({@code .*insurance.*id}) that
     * would break the join. A rule naming the column itself ({@code column:}) always decides, and so does any
     * rule for a key or for a reference whose key is removed.
     */
    private static boolean yieldsToRelation(Rule rule, ColumnInsight.Relation relation) {
        if (!relation.reference() || relation.keyRemoved() || !(rule.selector() instanceof FieldSelector.ColumnPattern)) {
            return false;
        }
        ActionSpec spec = rule.spec();
        return switch (spec.action()) {
            case REMOVE, EMPTY, REPLACE -> true;
            case PSEUDONYMIZE -> !((ActionSpec.Pseudonymize) spec).domain().equals(relation.domain());
            default -> false;
        };
    }

    /** Why a rule decides, e.g. {@code rule 'names' (column-pattern /.../ at p.yaml:14)}. */
    public static String ruleReason(Rule rule) {
        String selector = rule.selector() instanceof FieldSelector.ColumnPattern p
                ? "column-pattern /" + p.pattern().pattern() + "/" : rule.selector().describe();
        SourceLocation at = rule.location();
        return "rule '" + rule.id() + "' (" + selector + " at " + (at.line() > 0 ? at.file() + ":" + at.line() : at.file())
                + ")";
    }

    /** The pseudonym format of a domain: the one its rules give, else the default. */
    public PseudonymFormat domainFormat(String domain) {
        return domainFormats.getOrDefault(domain, PseudonymFormat.DEFAULT);
    }

    /**
     * Whether a value already has a pseudonym in a domain (from the key file of earlier runs, or
     * issued in this one): how a column of a table run alone is still recognised as, say, the
     * patient id. Costs one HMAC.
     */
    public boolean knownInDomain(String domain, String value) {
        String normalized = normalizeIn(domain, value);
        if (normalized.isEmpty()) {
            return false;
        }
        String pseudonym = keys.pseudonyms().pseudonym(domain, normalized, domainFormat(domain));
        return ledger.original(domain, pseudonym).map(normalized::equals).orElse(false);
    }

    /** The domains with known pseudonyms (from the key file, or issued so far), sorted. */
    public java.util.SortedSet<String> knownDomains() {
        return ledger.domains();
    }

    /** The pseudonym domain of subject ids, e.g. {@code patient}. */
    public String subjectDomain() {
        return profile.subject().domain();
    }

    /**
     * The method for an action, reading slash dates day first when {@code slashDayFirst} (for
     * {@code shift-date} and {@code generalize} of dates, and the dates in {@code scrub-text}'s text that do not show
     * their order; every other action ignores it).
     */
    public DeidMethod method(ActionSpec spec, boolean slashDayFirst) {
        return method(spec, slashDayFirst, null);
    }

    /**
     * The method for an action, reading slash dates day first when {@code slashDayFirst} and writing a shifted date's
     * month in {@code monthLanguage} where that reads it ({@code shift-date} of a column of Spanish month names,
     * decision 0119; null: the first language that has the month's word).
     */
    public DeidMethod method(ActionSpec spec, boolean slashDayFirst,
            org.deidworkbench.deid.classify.MonthNames.Language monthLanguage) {
        if (spec.action() == org.deidworkbench.model.Action.SHIFT_DATE && (slashDayFirst || monthLanguage != null)) {
            return new ShiftDateMethod(noSubjectOffset, slashDayFirst, this::attestShifted, monthLanguage);
        }
        if (spec instanceof ActionSpec.Generalize g && slashDayFirst) {
            return new GeneralizeMethod(g.kind(), referenceYear, noSubjectOffset, true,
                    g.kind() == Generalization.BIRTH_DATE ? this::attestShifted : null);
        }
        if (spec.action() == org.deidworkbench.model.Action.SCRUB_TEXT && slashDayFirst) {
            return scrubText(true);
        }
        return method(spec);
    }

    /**
     * {@code dates} (a column's {@code shift-date}) with every date 90 or more years before the run's year aggregated as
     * {@code generalize: birth-date} aggregates it, for a column taken for dates by its values alone (decision 0142).
     */
    public DeidMethod withOldDatesAggregated(DeidMethod dates, boolean slashDayFirst) {
        return new org.deidworkbench.deid.method.OldDatesMethod(dates, referenceYear, slashDayFirst);
    }

    /**
     * {@code scrub-text}, its slash dates read day first when {@code slashDayFirst} (decision 0129); a value that holds
     * an HL7 v2 message is de-identified by its structure (decision 0126).
     */
    private DeidMethod scrubText(boolean slashDayFirst) {
        TextScrubber s = scrubber;
        if (s == null) {
            throw new IllegalStateException("scrub-text needs freezeIdentifiers() first");
        }
        return new Hl7MessageMethod(new ScrubTextMethod(s, this::attestShifted, slashDayFirst),
                header -> profile.ruleForColumn(header).map(r -> method(r.spec())).orElseGet(() ->
                        header.equals(Hl7MessageMethod.MESSAGE_CONTROL_ID)
                                ? method(new ActionSpec.Pseudonymize("message", PseudonymFormat.DEFAULT)) : null),
                this::subject, noSubjectOffset);
    }

    /**
     * A keyed pseudonym of {@code value} in {@code domain} that is <em>not</em> recorded in the
     * ledger: for values that must be replaced consistently across files and runs but whose number
     * would only bloat the key file (FHIR resource ids of a bulk export). The key holder can still
     * recompute it from an original. {@code value} is normalized like every pseudonymized value.
     */
    public String keyedValue(String domain, String value, PseudonymFormat format) {
        return keys.pseudonyms().pseudonym(domain, normalizeIn(domain, value), format);
    }

    /**
     * The method for an action. Every action has one arm here, and the switch has no default, so
     * adding an {@link org.deidworkbench.model.Action} fails compilation until it is handled.
     *
     * @throws IllegalStateException for {@code scrub-text} before {@link #freezeIdentifiers()}
     */
    public DeidMethod method(ActionSpec spec) {
        return switch (spec.action()) {
            case KEEP -> new KeepMethod();
            case REMOVE -> new RemoveMethod();
            case EMPTY -> new EmptyMethod();
            case REPLACE -> new ReplaceMethod(((ActionSpec.Replace) spec).value());
            case PSEUDONYMIZE -> {
                ActionSpec.Pseudonymize p = (ActionSpec.Pseudonymize) spec;
                yield new PseudonymizeMethod(keys.pseudonyms(), ledger, p.domain(), p.format(),
                        p.domain().equals(profile.subject().domain()));
            }
            case ENCRYPT -> {
                ActionSpec.Encrypt e = (ActionSpec.Encrypt) spec;
                yield new EncryptMethod(keys.ff1(), e.domain(), e.alphabet());
            }
            case SHIFT_DATE -> new ShiftDateMethod(noSubjectOffset, false, this::attestShifted);
            case GENERALIZE -> {
                Generalization kind = ((ActionSpec.Generalize) spec).kind();
                yield kind == Generalization.BIRTH_DATE
                        ? new GeneralizeMethod(kind, referenceYear, noSubjectOffset, false, this::attestShifted)
                        : new GeneralizeMethod(kind, referenceYear, noSubjectOffset);
            }
            case SCRUB_TEXT -> scrubText(false);
            case REMAP_UID -> new RemapUidMethod(keys.uids());
        };
    }

    /**
     * Records a value of an identifier field so that free text and file names lose it too. It is
     * replaced by its pseudonym where the field's action issues one, else by {@code [label]}; a
     * single word of a multi-word value found alone is always replaced by {@code [label]}.
     */
    public void noteIdentifier(ActionSpec spec, String label, String value) throws DeidException {
        if (value.isBlank()) {
            return;
        }
        collect(spec, "[" + label + "]", value, value);
        noteOtherNotations(spec, label, value);
    }

    /**
     * A date of birth is written in notes in the writer's notation, not the column's ("DOB 07/30/1949" beside a
     * birth_date of 1949-07-30): its other usual notations are identifiers too, so the note loses it as
     * {@code [DOB]} instead of keeping a shifted full date of birth. Only a date whose reading is certain
     * (ISO, yyyyMMdd, dotted day first, or a day above 12) gives notations.
     */
    private void noteOtherNotations(ActionSpec spec, String label, String value) throws DeidException {
        if ("NAME".equals(label)) {
            String transliterated = germanTransliteration(value);
            if (!transliterated.equals(value)) {
                collect(spec, "[" + label + "]", transliterated, value);
            }
            return;
        }
        if (!"DOB".equals(label)) {
            return;
        }
        for (String notation : birthDateNotations(value.strip())) {
            if (!notation.equals(value)) {
                collect(spec, "[" + label + "]", notation, value);
            }
        }
    }

    /**
     * A name with German umlauts as a system without them writes it (decision 0150): {@code Kübler-Schmitz} is
     * {@code Kuebler-Schmitz} in an old record, a typewritten letter or an ASCII-only interface, {@code KÜBLER} is
     * {@code KUEBLER}. The name itself when it has no umlaut; {@code ß} is matched as {@code ss} already (case folding).
     */
    static String germanTransliteration(String name) {
        StringBuilder b = null;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            String with = switch (c) {
                case 'ä' -> "ae";
                case 'ö' -> "oe";
                case 'ü' -> "ue";
                case 'Ä', 'Ö', 'Ü' -> {
                    // a capital in a word in capitals (KÜBLER) is followed by a capital E, else by a small one (Übel)
                    boolean capitals = i + 1 < name.length() && Character.isUpperCase(name.charAt(i + 1))
                            || i > 0 && Character.isUpperCase(name.charAt(i - 1));
                    String base = c == 'Ä' ? "A" : c == 'Ö' ? "O" : "U";
                    yield capitals ? base + "E" : base + "e";
                }
                default -> null;
            };
            if (with != null && b == null) {
                b = new StringBuilder(name.length() + 4).append(name, 0, i);
            }
            if (b != null) {
                if (with != null) {
                    b.append(with);
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? name : b.toString();
    }

    private static final java.util.regex.Pattern ISO_DATE =
            java.util.regex.Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})(?:[T ].*)?");
    private static final java.util.regex.Pattern DAY_MONTH_YEAR =
            java.util.regex.Pattern.compile("(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4})");

    /** The usual notations of a date of birth: ISO, US (month first), day first, yyyyMMdd; none if unclear. */
    static List<String> birthDateNotations(String value) {
        int y;
        int m;
        int d;
        java.util.regex.Matcher iso = ISO_DATE.matcher(value);
        java.util.regex.Matcher dmy = DAY_MONTH_YEAR.matcher(value);
        java.time.LocalDate fileMan = org.deidworkbench.deid.classify.FileManDates.date(value);
        // a UB-04's 03141952, month first with its century, where year first it is no date (decision 0228)
        java.time.LocalDate usCompact = value.length() == 8 && iso.matches()
                && (Integer.parseInt(iso.group(1)) < 1800 || Integer.parseInt(iso.group(2)) > 12)
                ? org.deidworkbench.deid.classify.UsCompactDates.date(value) : null;
        if (fileMan != null) { // VistA's 2310214 (decision 0181)
            y = fileMan.getYear();
            m = fileMan.getMonthValue();
            d = fileMan.getDayOfMonth();
        } else if (usCompact != null) {
            y = usCompact.getYear();
            m = usCompact.getMonthValue();
            d = usCompact.getDayOfMonth();
        } else if (iso.matches()) {
            y = Integer.parseInt(iso.group(1));
            m = Integer.parseInt(iso.group(2));
            d = Integer.parseInt(iso.group(3));
        } else if (dmy.matches()) {
            int a = Integer.parseInt(dmy.group(1));
            int b = Integer.parseInt(dmy.group(3));
            y = Integer.parseInt(dmy.group(4));
            if (dmy.group(2).equals(".") || a > 12) {
                d = a;
                m = b;
            } else if (b > 12) {
                m = a;
                d = b;
            } else {
                return List.of(); // 03/02/1958: the third of February or the second of March
            }
        } else {
            return List.of();
        }
        if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1800 || y > 2200) {
            return List.of();
        }
        String year = Integer.toString(y); // four digits: 1800-2200
        String mm = twoDigits(m);
        String dd = twoDigits(d);
        String mShort = Integer.toString(m);
        String dShort = Integer.toString(d);
        // yyyy-MM-dd, MM/dd/yyyy, M/d/yyyy, dd.MM.yyyy, d.M.yyyy, yyyyMMdd, MM/dd/yy, dd.MM.yy (no String.format: one
        // per birth date);
        // the English month's name, abbreviated and whole, before and after the day, as tokens ("FEB 14,1931" as VistA
        // writes it, "14-FEB-1931", "February 14, 1931"; decision 0181); VistA's stored 2310214
        String whole = java.time.Month.of(m).name();
        String abbreviated = whole.substring(0, 3);
        String stored = y >= 1880 && y <= 2059 ? (y - 1700) + mm + dd : null;
        List<String> notations = new ArrayList<>(List.of(year + '-' + mm + '-' + dd, mm + '/' + dd + '/' + year,
                mShort + '/' + dShort + '/' + year, dd + '.' + mm + '.' + year, dShort + '.' + mShort + '.' + year,
                year + mm + dd, abbreviated + ' ' + dShort + ' ' + year, dShort + ' ' + abbreviated + ' ' + year,
                whole + ' ' + dShort + ' ' + year, dShort + ' ' + whole + ' ' + year));
        if (d < 10) {
            notations.add(dd + ' ' + abbreviated + ' ' + year); // Oracle's and forms' 04-FEB-1931
        }
        // with the year's last two digits, month or day first ("DOB 11/27/41", "11-27-41", "27.11.41"; decision 0220);
        // the matcher reads tokens, so one notation serves every separator
        String yy = year.substring(2);
        notations.add(mm + '/' + dd + '/' + yy);
        notations.add(dd + '.' + mm + '.' + yy);
        if (m < 10 || d < 10) {
            notations.add(mShort + '/' + dShort + '/' + yy);
            notations.add(dShort + '.' + mShort + '.' + yy);
        }
        if (stored != null) {
            notations.add(stored);
        }
        return notations;
    }

    private static String twoDigits(int v) {
        return v < 10 ? "0" + v : Integer.toString(v);
    }

    /**
     * Adds {@code notation}, a notation of the identifier {@code value}, to the identifiers free text is scrubbed of,
     * replaced by the value's pseudonym where the action issues one, else by {@code labelled}.
     *
     * @return the replacement: the pseudonym, or {@code labelled}
     */
    private String collect(ActionSpec spec, String labelled, String notation, String value) throws DeidException {
        if (spec instanceof ActionSpec.Pseudonymize p) {
            String pseudonym = ledger.issue(keys.pseudonyms(), p.domain(), p.format(), normalizeIn(p.domain(), value));
            // A word of the name found alone ("John") may be someone else: label it, do not link it.
            collected.add(notation, pseudonym, labelled);
            return pseudonym;
        }
        collected.add(notation, labelled);
        return labelled;
    }

    /**
     * Records {@code alias}, another notation of the identifier {@code value} (e.g. "Given Family" of the
     * DICOM name "Family^Given", as names appear in running text), replaced like the value itself: by
     * the value's pseudonym where the action issues one, so one person keeps one pseudonym whatever
     * the notation; else by {@code [label]}.
     */
    public void noteAlias(ActionSpec spec, String label, String alias, String value) throws DeidException {
        noteAlias(spec, label, alias, value, null);
    }

    /**
     * As {@link #noteAlias(ActionSpec, String, String, String)}, and remembers the alias as one of the subject's
     * identifiers, which the key file keeps: a later run finds the name as text writes it (decision 0099).
     *
     * @param subject the value's subject, or {@code null}
     */
    public void noteAlias(ActionSpec spec, String label, String alias, String value, Subject subject) throws DeidException {
        if (alias.isBlank() || value.isBlank()) {
            return;
        }
        String labelled = "[" + label + "]";
        String replacement = collect(spec, labelled, alias, value);
        if (subject != null) {
            keepSubjectIdentifier(subject.pseudonym(), alias, replacement, labelled);
        }
    }

    /**
     * As {@link #noteIdentifier(ActionSpec, String, String)}, and remembers the value as one of the
     * subject's identifiers, which the key file keeps (sealed) for later runs.
     *
     * @param subject the row's subject, or {@code null}
     */
    public void noteIdentifier(ActionSpec spec, String label, String value, Subject subject) throws DeidException {
        if (value.isBlank()) {
            return;
        }
        KnownIdentifier noted = noted(spec, label, value);
        if (subject != null) {
            keepSubjectIdentifier(subject.pseudonym(), value, noted.replacement(), noted.wordReplacement());
        }
    }

    /** Notes a value for free text, in its other notations too; what a subject's key file entry of it holds. */
    private KnownIdentifier noted(ActionSpec spec, String label, String value) throws DeidException {
        String labelled = "[" + label + "]";
        String replacement = collect(spec, labelled, value, value);
        noteOtherNotations(spec, label, value);
        return new KnownIdentifier(value, replacement, labelled);
    }

    /**
     * As {@link #noteIdentifier(ActionSpec, String, String)}, for a record whose subject is known only by what it
     * points at ({@code owner}, a format's own description, e.g. the keys of a FHIR resource's Patient references):
     * the value is kept as that subject's identifier once {@link #resolveOwnedIdentifiers} names the subject, and
     * dropped from the key file if it names none (decision 0164). Free text loses it either way, as any noted
     * identifier.
     */
    public void noteOwnedIdentifier(ActionSpec spec, String label, String value, String owner) throws DeidException {
        if (value.isBlank()) {
            return;
        }
        KnownIdentifier noted = noted(spec, label, value);
        ownedIdentifiers.computeIfAbsent(owner, k -> ConcurrentHashMap.newKeySet()).add(noted);
    }

    /**
     * Keeps each value noted with {@link #noteOwnedIdentifier} as the identifier of the subject its owner stands for,
     * and forgets them all. Call once, after the scan pass (and after a cluster's scan notes were absorbed), before
     * the transform: the days among them count for attested coincidences as a subject's other values do. The result
     * does not depend on the order values were noted in.
     *
     * @param subjectIdOf the subject id (original) an owner stands for, or {@code null} when it names none
     * @return how many values were kept for a subject
     */
    public int resolveOwnedIdentifiers(java.util.function.Function<String, String> subjectIdOf) throws DeidException {
        int kept = 0;
        for (Map.Entry<String, Set<KnownIdentifier>> e : new TreeMap<>(ownedIdentifiers).entrySet()) {
            String subjectId = subjectIdOf.apply(e.getKey());
            Subject subject = subjectId == null ? null : subject(subjectId);
            if (subject == null) {
                continue;
            }
            for (KnownIdentifier id : e.getValue()) {
                keepSubjectIdentifier(subject.pseudonym(), id.value(), id.replacement(), id.wordReplacement());
                kept++;
            }
        }
        ownedIdentifiers.clear();
        return kept;
    }

    /**
     * Records an id a source system gives a subject's record (a FHIR Patient's resource id or the UUID of its
     * {@code urn:uuid:} fullUrl) as one of the subject's identifiers, which the key file keeps: free text loses it
     * for {@code replacement}, the keyed id the output gives that record, and the verifier looks for it and reads
     * {@code replacement} as naming the subject in records that only point at the patient (decision 0099).
     */
    public void noteOwnId(Subject subject, String label, String value, String replacement) {
        if (value.isBlank()) {
            return;
        }
        String labelled = "[" + label + "]";
        collected.add(value, replacement, labelled);
        keepSubjectIdentifier(subject.pseudonym(), value, replacement, labelled);
    }

    /**
     * Adds identifiers of subjects kept in the key file by earlier runs: free text loses them even
     * when the table they came from is not in this run.
     */
    public void seedKnownIdentifiers(Map<String, ? extends java.util.Collection<KnownIdentifier>> bySubject) {
        bySubject.forEach((subject, ids) -> {
            for (KnownIdentifier id : ids) {
                noteSubjectDays(subject, id.value());
                collected.add(id.value(), id.replacement(), id.wordReplacement());
                subjectIdentifiers.computeIfAbsent(subject, k -> ConcurrentHashMap.newKeySet()).add(id);
            }
        });
    }

    /**
     * Adds identifiers of subjects kept in a key file read as a stream, {@code (subject, value, replacement,
     * word replacement)}: free text loses them as with {@link #seedKnownIdentifiers(Map)}; they are not kept
     * again for the key file (the key file's writer merges its own). Call after {@link #spillTo}, so that they
     * spill like the identifiers noted in the run.
     */
    public void seedKnownIdentifiers(SortedTuples bySubject) throws java.io.IOException {
        try (SortedTuples.Cursor c = bySubject.open()) {
            for (String[] t = c.next(); t != null; t = c.next()) {
                collected.add(t[1], t[2], t[3]);
            }
        }
    }

    /** A subject's date offset for the key file: in memory, or into the spill (the spill keeps a tuple once). */
    private void keepOffset(String pseudonym, int offset) {
        ExternalSorter spill = offsetSpill;
        if (spill != null) {
            spill.add(pseudonym, Integer.toString(offset));
        } else {
            subjectOffsets.putIfAbsent(pseudonym, offset);
        }
    }

    /** Subjects held in the subject cache now (at most {@value #SUBJECT_CACHE}): for tests of its bound. */
    int cachedSubjects() {
        return subjects.size();
    }

    /** One of a subject's identifying values for the key file: in memory, or into the spill. */
    private void keepSubjectIdentifier(String subject, String value, String replacement, String wordReplacement) {
        noteSubjectDays(subject, value);
        ExternalSorter spill = subjectSpill;
        if (spill != null) {
            spill.add(subject, value, replacement, wordReplacement);
        } else {
            subjectIdentifiers.computeIfAbsent(subject, k -> ConcurrentHashMap.newKeySet())
                    .add(new KnownIdentifier(value, replacement, wordReplacement));
        }
    }

    /**
     * From now on, spills what grows with the export and is only needed for the key file — the
     * ledger's new entries and the subjects' identifying values — into {@code area}, keeping about
     * {@code threshold} of each in memory (decision 0026). Call before the first file is read.
     */
    public void spillTo(SpillArea area, int threshold) {
        spillTo(area, threshold, true);
    }

    /**
     * As {@link #spillTo(SpillArea, int)}; with {@code identifiers}, the identifiers free text is
     * scrubbed of spill too and are frozen into a compact layer (not for a run whose frozen identifiers
     * travel to other processes: a spilled collection cannot be serialized).
     */
    public void spillTo(SpillArea area, int threshold, boolean identifiers) {
        ledger.spillTo(area, threshold);
        subjectSpill = new ExternalSorter(area, "subjects", 4, 4, threshold);
        offsetSpill = new ExternalSorter(area, "offsets", 2, 1, threshold);
        if (identifiers) {
            collected.spillTo(area, threshold);
        }
    }

    /**
     * The subjects' identifying values noted since {@link #spillTo} as {@code (subject pseudonym, value,
     * replacement, word replacement)}, sorted, each once (empty without a spill area); those seeded or
     * noted before are in {@link #subjectIdentifiers()}. Call once, after the last file.
     */
    public SortedTuples spilledSubjectIdentifiers() throws java.io.IOException {
        ExternalSorter spill = subjectSpill;
        return spill == null ? SortedTuples.EMPTY : spill.finish();
    }

    /**
     * The subjects' date offsets noted since {@link #spillTo} as {@code (subject pseudonym, offset)} sorted by
     * pseudonym, each once (empty without a spill area); those noted before are in {@link #subjectOffsets()}.
     * Call after the last file; later calls return the same tuples.
     */
    public synchronized SortedTuples spilledSubjectOffsets() throws java.io.IOException {
        if (spilledOffsets == null) {
            ExternalSorter spill = offsetSpill;
            spilledOffsets = spill == null ? SortedTuples.EMPTY : spill.finish();
        }
        return spilledOffsets;
    }

    /** Distinct subjects seen in this run (after the last file: it finishes the spilled offsets). */
    public int subjectCount() throws java.io.IOException {
        return Math.toIntExact(subjectOffsets.size() + spilledSubjectOffsets().size());
    }

    /** Whether {@link #spillTo} was called. */
    public boolean spills() {
        return subjectSpill != null;
    }

    private static long subjectDay(String subject, long day) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < subject.length(); i++) {
            h = (h ^ subject.charAt(i)) * 0x100000001b3L;
        }
        return (h ^ day) * 0x9E3779B97F4A7C15L;
    }

    /**
     * Added to a day in {@link #subjectDays} for a digit group of an identifier that reads as that day: the verifier finds
     * it only in a date written as {@code yyyymmdd} (decision 0209).
     */
    private static final long DIGIT_GROUP = 100_000_000L;

    /**
     * Notes the days an identifying value of a subject is, when it is a date (read as the leak verifier reads it), or
     * holds a digit group the verifier looks for alone that reads as a compact date (decision 0209).
     */
    private void noteSubjectDays(String subject, String value) {
        if (value.length() < 8 || value.length() > 40) {
            return;
        }
        for (long day : org.deidworkbench.deid.leak.LeakDictionary.days(value)) {
            noteSubjectDay(subjectDay(subject, day));
        }
        for (long day : org.deidworkbench.deid.leak.LeakDictionary.digitGroupDays(value)) {
            noteSubjectDay(subjectDay(subject, day + DIGIT_GROUP));
        }
    }

    private void noteSubjectDay(long key) {
        if (subjectDays.add(key)) {
            daysNoted.incrementAndGet();
            if (frozenDays != null) {
                frozenDays = null;
            }
        }
    }

    /**
     * The keys of {@link #subjectDays} at one moment, open-addressed in a {@code long[]} of at least twice their
     * number (0, which no probe can tell from an empty slot, is held apart). Immutable; thread-safe.
     */
    static final class DaySet {
        private final long[] slots;
        private final int mask;
        private final boolean zero;

        DaySet(java.util.Collection<Long> keys) {
            int capacity = Integer.highestOneBit(Math.max(4, keys.size()) * 2 - 1) << 1;
            slots = new long[capacity];
            mask = capacity - 1;
            boolean z = false;
            for (Long k : keys) {
                long key = k;
                if (key == 0) {
                    z = true;
                    continue;
                }
                int i = slot(key);
                while (slots[i] != 0 && slots[i] != key) {
                    i = (i + 1) & mask;
                }
                slots[i] = key;
            }
            zero = z;
        }

        private int slot(long key) {
            return (int) (key ^ (key >>> 32)) & mask;
        }

        boolean contains(long key) {
            if (key == 0) {
                return zero;
            }
            for (int i = slot(key);; i = (i + 1) & mask) {
                long s = slots[i];
                if (s == key) {
                    return true;
                }
                if (s == 0) {
                    return false;
                }
            }
        }
    }

    /**
     * A shifted date was written in a record of {@code subject}: when it reads as one of the subject's own identifying
     * dates, the run attests the coincidence (decision 0029). It was shifted from another date by a non-zero offset, so
     * it is not a copy of the original; the leak verifier counts up to this many such hits as attested coincidences.
     */
    void attestShifted(Subject subject, String written) {
        if (subjectDays.isEmpty() || written.length() < 8) {
            return;
        }
        DaySet frozen = frozenDays;
        for (long day : org.deidworkbench.deid.leak.LeakDictionary.days(written)) {
            long key = subjectDay(subject.pseudonym(), day);
            if (frozen != null ? frozen.contains(key) : subjectDays.contains(key)) {
                attest(subject, day);
            }
            // a digit group of the subject's id that reads as this day is found in a date written yyyymmdd only, which
            // the verifier counts apart from a date original of the same day (decision 0209)
            long group = subjectDay(subject.pseudonym(), day + DIGIT_GROUP);
            if (compact(written, day) && (frozen != null ? frozen.contains(group) : subjectDays.contains(group))) {
                attest(subject, day);
            }
        }
    }

    private void attest(Subject subject, long day) {
        coincidences.computeIfAbsent(subject.pseudonym(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(day, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
    }

    /** Whether {@code written} holds {@code day} as a token of eight digits ({@code yyyymmdd}). */
    private static boolean compact(String written, long day) {
        String digits = Long.toString(day);
        for (int at = written.indexOf(digits); at >= 0; at = written.indexOf(digits, at + 1)) {
            int end = at + digits.length();
            if ((at == 0 || !Character.isLetterOrDigit(written.charAt(at - 1)))
                    && (end == written.length() || !Character.isLetterOrDigit(written.charAt(end)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The run's attested coincidences (decision 0029): by subject pseudonym and day ({@code yyyymmdd}), how many shifted
     * dates it wrote in the subject's records that read as that day, one of the subject's own dates. For the key file.
     */
    public SortedMap<String, SortedMap<Long, Integer>> coincidences() {
        SortedMap<String, SortedMap<Long, Integer>> out = new TreeMap<>();
        coincidences.forEach((s, days) -> {
            SortedMap<Long, Integer> m = new TreeMap<>();
            days.forEach((d, n) -> m.put(d, n.get()));
            out.put(s, m);
        });
        return out;
    }

    /** Each subject's identifying values, by subject pseudonym, sorted: for the key file. */
    public SortedMap<String, java.util.SortedSet<KnownIdentifier>> subjectIdentifiers() {
        SortedMap<String, java.util.SortedSet<KnownIdentifier>> out = new TreeMap<>();
        subjectIdentifiers.forEach((s, ids) -> out.put(s, new java.util.TreeSet<>(ids)));
        return out;
    }

    /** Records a subject id as an identifier, replaced by the subject's pseudonym (and kept as one of the subject's). */
    public void noteSubject(String originalId, Subject subject) {
        if (subject != null) {
            // Each file notes its subjects once: the same id noted again adds nothing (both records are sets).
            if (subject.pseudonym().equals(notedSubjects.get(originalId))) {
                return;
            }
            collected.add(originalId, subject.pseudonym());
            keepSubjectIdentifier(subject.pseudonym(), originalId, subject.pseudonym(), subject.pseudonym());
            if (notedSubjects.size() >= NOTED_SUBJECTS) {
                notedSubjects.clear();
            }
            notedSubjects.put(originalId, subject.pseudonym());
        }
    }

    /** Fixes the identifiers free text is scrubbed of: those noted so far. */
    public void freezeIdentifiers() {
        scrubber = new TextScrubber(collected.snapshot(), referenceYear);
        freezeDays();
    }

    /** Makes {@link #frozenDays} of the days noted so far (a day noted later drops it again). */
    private void freezeDays() {
        long before = daysNoted.get();
        frozenDays = new DaySet(subjectDays);
        if (daysNoted.get() != before) {
            frozenDays = null;
        }
    }

    /**
     * Fixes the identifiers free text is scrubbed of to {@code frozen}, a {@link KnownIdentifiers#snapshot()}
     * of another engine of the same run (a cluster's driver, after it has {@link #absorb}ed every
     * worker's scan). What this engine notes afterwards is not scrubbed, as with {@link #freezeIdentifiers()}.
     */
    public void freezeIdentifiers(KnownIdentifiers frozen) {
        scrubber = new TextScrubber(frozen, referenceYear);
        freezeDays();
    }

    /**
     * What an engine noted while files were scanned or transformed, for the key file and for free
     * text: the pseudonyms it issued, its subjects' date offsets and identifying values, and every
     * identifier noted. Made by {@link #notes()} on a worker of a cluster and {@link #absorb}ed by
     * the engine that seals the key file (issue 13). Holds original values: travels only between the
     * run's own processes, never logged.
     *
     * @param pseudonyms pseudonym entries the engine recorded beyond those it was seeded with
     * @param subjectOffsets date offsets by subject pseudonym
     * @param subjectIdentifiers identifying values by subject pseudonym
     * @param identifiers every identifier noted, with its replacement
     * @param links the links between subject ids noted in a scan pass (decision 0078)
     * @param linkedSubjectOffsets subjects whose offset is their linked class's and not their own, by pseudonym
     */
    public record Notes(List<PseudonymEntry> pseudonyms, Map<String, Integer> subjectOffsets,
            Map<String, Set<KnownIdentifier>> subjectIdentifiers, KnownIdentifiers identifiers, NotedLinks links,
            Map<String, Integer> linkedSubjectOffsets, Map<String, Set<KnownIdentifier>> ownedIdentifiers)
            implements java.io.Serializable {

        private static final long serialVersionUID = 3L;

        /** Notes without links. */
        public Notes(List<PseudonymEntry> pseudonyms, Map<String, Integer> subjectOffsets,
                Map<String, Set<KnownIdentifier>> subjectIdentifiers, KnownIdentifiers identifiers) {
            this(pseudonyms, subjectOffsets, subjectIdentifiers, identifiers, NotedLinks.none(), Map.of(), Map.of());
        }

        /** Nothing noted. */
        public static Notes none() {
            return new Notes(List.of(), Map.of(), Map.of(), new KnownIdentifiers());
        }

        /**
         * Both notes in one, as if one engine had noted everything (neither is changed): how a cluster
         * merges its workers' notes before they reach the driver. Associative and commutative.
         */
        public Notes merge(Notes other) {
            List<PseudonymEntry> all = new ArrayList<>(pseudonyms);
            all.addAll(other.pseudonyms);
            Map<String, Integer> offsets = new HashMap<>(subjectOffsets);
            offsets.putAll(other.subjectOffsets);
            Map<String, Set<KnownIdentifier>> ids = new HashMap<>();
            subjectIdentifiers.forEach((s, v) -> ids.computeIfAbsent(s, k -> new HashSet<>()).addAll(v));
            other.subjectIdentifiers.forEach((s, v) -> ids.computeIfAbsent(s, k -> new HashSet<>()).addAll(v));
            KnownIdentifiers known = new KnownIdentifiers();
            known.addAll(identifiers);
            known.addAll(other.identifiers);
            Map<String, Integer> linked = new HashMap<>(linkedSubjectOffsets);
            other.linkedSubjectOffsets.forEach(linked::putIfAbsent);
            Map<String, Set<KnownIdentifier>> owned = new HashMap<>();
            ownedIdentifiers.forEach((o, v) -> owned.computeIfAbsent(o, k -> new HashSet<>()).addAll(v));
            other.ownedIdentifiers.forEach((o, v) -> owned.computeIfAbsent(o, k -> new HashSet<>()).addAll(v));
            return new Notes(all, offsets, ids, known, links.merge(other.links), linked, owned);
        }
    }

    /** What this engine noted so far (see {@link Notes}); a copy. */
    public Notes notes() {
        Map<String, Set<KnownIdentifier>> ids = new HashMap<>();
        subjectIdentifiers.forEach((s, v) -> ids.put(s, new HashSet<>(v)));
        KnownIdentifiers known = new KnownIdentifiers();
        known.addAll(collected);
        SubjectLinks l = links;
        Map<String, Set<KnownIdentifier>> owned = new HashMap<>();
        ownedIdentifiers.forEach((o, v) -> owned.put(o, new HashSet<>(v)));
        return new Notes(ledger.newEntries(), new HashMap<>(subjectOffsets), ids, known,
                l == null ? NotedLinks.none() : l.export(), new HashMap<>(newLinked), owned);
    }

    /**
     * Adds what another engine of the same run (same profile and keys) noted, as if this engine had
     * noted it: its pseudonyms are recorded in this ledger (so the key file gets them), its subjects'
     * offsets and identifying values are kept, and its identifiers are known to free text from the
     * next {@link #freezeIdentifiers()}.
     *
     * @throws DeidException {@code DEID-PSEUDONYM-COLLISION} when one of its pseudonyms stands for another
     *     value here
     */
    public void absorb(Notes notes) throws DeidException {
        for (PseudonymEntry e : notes.pseudonyms()) {
            ledger.record(e.domain(), e.pseudonym(), e.original());
        }
        notes.subjectOffsets().forEach(this::keepOffset);
        notes.subjectIdentifiers().forEach((s, v) -> subjectIdentifiers
                .computeIfAbsent(s, k -> ConcurrentHashMap.newKeySet()).addAll(v));
        collected.addAll(notes.identifiers());
        SubjectLinks l = links;
        if (l != null) {
            l.absorb(notes.links()); // a scan worker's links, resolved here with this run's (decision 0078)
        }
        notes.linkedSubjectOffsets().forEach(newLinked::putIfAbsent);
        notes.ownedIdentifiers().forEach((o, v) -> ownedIdentifiers
                .computeIfAbsent(o, k -> ConcurrentHashMap.newKeySet()).addAll(v));
    }

    /**
     * {@code text} with the known identifiers of the study's subjects (those noted before
     * {@link #freezeIdentifiers()}) replaced, and nothing else changed; for values a format keeps as
     * they are but that must never carry a patient's name or id.
     *
     * @throws IllegalStateException before {@link #freezeIdentifiers()}
     */
    public String scrubKnownIdentifiers(String text) {
        TextScrubber s = scrubber;
        if (s == null) {
            throw new IllegalStateException("scrubKnownIdentifiers needs freezeIdentifiers() first");
        }
        return s.scrubKnownIdentifiers(text);
    }

    /** Every identifier noted so far (for file names at the end of a run). */
    public KnownIdentifiers identifiers() {
        return collected;
    }

    /**
     * Date offsets of the subjects seen, by subject pseudonym, for the key file; without those spilled
     * ({@link #spilledSubjectOffsets()}).
     */
    public SortedMap<String, Integer> subjectOffsets() {
        return new TreeMap<>(subjectOffsets);
    }

    /** The run's ledger of pseudonyms. */
    public PseudonymLedger ledger() {
        return ledger;
    }
}
