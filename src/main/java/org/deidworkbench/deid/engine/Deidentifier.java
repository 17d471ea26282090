package org.deidworkbench.deid.engine;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.crypto.PseudonymGenerator;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.KeyRing;
import org.deidworkbench.deid.KnownIdentifiers;
import org.deidworkbench.deid.PseudonymLedger;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.TextScrubber;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.deid.method.EmptyMethod;
import org.deidworkbench.deid.method.EncryptMethod;
import org.deidworkbench.deid.method.GeneralizeMethod;
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
    private final Map<String, Integer> subjectOffsets = new ConcurrentHashMap<>();
    private final KnownIdentifiers collected = new KnownIdentifiers();
    private final int noSubjectOffset;
    private volatile TextScrubber scrubber;

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
        String normalized = PseudonymGenerator.normalize(originalId);
        if (normalized.isEmpty()) {
            return null;
        }
        String domain = profile.subject().domain();
        String pseudonym = ledger.issue(keys.pseudonyms(), domain, subjectFormat, normalized);
        int offset = keys.dates().offsetDays(domain + ":" + normalized, profile.dateShift());
        subjectOffsets.putIfAbsent(pseudonym, offset);
        return new Subject(pseudonym, offset);
    }

    /**
     * A keyed pseudonym of {@code value} in {@code domain} that is <em>not</em> recorded in the
     * ledger: for values that must be replaced consistently across files and runs but whose number
     * would only bloat the key file (FHIR resource ids of a bulk export). The key holder can still
     * recompute it from an original. {@code value} is normalized like every pseudonymized value.
     */
    public String keyedValue(String domain, String value, PseudonymFormat format) {
        return keys.pseudonyms().pseudonym(domain, PseudonymGenerator.normalize(value), format);
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
                yield new PseudonymizeMethod(keys.pseudonyms(), ledger, p.domain(), p.format());
            }
            case ENCRYPT -> {
                ActionSpec.Encrypt e = (ActionSpec.Encrypt) spec;
                yield new EncryptMethod(keys.ff1(), e.domain(), e.alphabet());
            }
            case SHIFT_DATE -> new ShiftDateMethod(noSubjectOffset);
            case GENERALIZE -> new GeneralizeMethod(((ActionSpec.Generalize) spec).kind(), referenceYear);
            case SCRUB_TEXT -> {
                TextScrubber s = scrubber;
                if (s == null) {
                    throw new IllegalStateException("scrub-text needs freezeIdentifiers() first");
                }
                yield new ScrubTextMethod(s);
            }
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
        String labelled = "[" + label + "]";
        if (spec instanceof ActionSpec.Pseudonymize p) {
            String pseudonym = ledger.issue(keys.pseudonyms(), p.domain(), p.format(),
                    PseudonymGenerator.normalize(value));
            // A word of the name found alone ("John") may be someone else: label it, do not link it.
            collected.add(value, pseudonym, labelled);
        } else {
            collected.add(value, labelled);
        }
    }

    /** Records a subject id as an identifier, replaced by the subject's pseudonym. */
    public void noteSubject(String originalId, Subject subject) {
        if (subject != null) {
            collected.add(originalId, subject.pseudonym());
        }
    }

    /** Fixes the identifiers free text is scrubbed of: those noted so far. */
    public void freezeIdentifiers() {
        scrubber = new TextScrubber(collected.snapshot(), referenceYear);
    }

    /** Every identifier noted so far (for file names at the end of a run). */
    public KnownIdentifiers identifiers() {
        return collected;
    }

    /** Date offsets of the subjects seen, by subject pseudonym, for the key file. */
    public SortedMap<String, Integer> subjectOffsets() {
        return new TreeMap<>(subjectOffsets);
    }

    /** The run's ledger of pseudonyms. */
    public PseudonymLedger ledger() {
        return ledger;
    }
}
