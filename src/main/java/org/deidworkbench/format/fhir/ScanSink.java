package org.deidworkbench.format.fhir;

import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.deid.DeidException;
import org.deidworkbench.deid.Subject;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.model.ActionSpec;

/**
 * What the scan pass learns from FHIR files, and all it leaves behind: which patient each way of
 * referring to a Patient stands for, the values of identifier fields (for free-text scrubbing), and
 * each Patient's subject id. Both scanners (HAPI's objects and {@link JsonScan}) report here, so a
 * test can compare them. Implementations hold original values: never log them.
 */
interface ScanSink {

    /** {@code key} (see {@link References#key}) refers to the patient with {@code subjectId}. */
    void patient(String key, String subjectId);

    /**
     * A value of an identifier field, with the (effective) action and upper-case label of its rule.
     *
     * @param subjectId the subject id of the Patient the value is one of (its own elements and contained resources),
     *     or {@code null} outside a Patient: the key file keeps a Patient's values as its subject's (decision 0099)
     * @param owners outside a Patient, the keys ({@link References#key}) of the resource's references into the Patient
     *     compartment ({@link FhirRun#compartmentPaths}, in that order): the value is kept as the subject of the first
     *     that names a Patient of the run, once the scan is over (decision 0164); empty for a Patient's value or none
     */
    void identifier(ActionSpec spec, String label, String value, String subjectId, List<String> owners)
            throws DeidException;

    /** The owner {@code Deidentifier.noteOwnedIdentifier} keeps a value under: the references' keys, in order. */
    static String owner(List<String> owners) {
        return OWNER + String.join("\u0000", owners);
    }

    /** The references' keys of an {@link #owner}, in order; null for an owner of another format. */
    static String[] ownerKeys(String owner) {
        return owner.startsWith(OWNER) ? owner.substring(OWNER.length()).split("\u0000") : null;
    }

    /**
     * Adds the key of {@code reference}, a reference of a resource into the Patient compartment, to {@code keys}: not a
     * local one ({@code #p1}), not one of a type other than Patient ({@code Practitioner/7}), each key once.
     */
    static void addOwner(FhirRun run, List<String> keys, String reference) {
        String key = run.references.key(reference);
        if (key == null || keys.contains(key)) {
            return;
        }
        String type = run.references.type(reference);
        if (type == null || type.equals("Patient")) {
            keys.add(key);
        }
    }

    /** The prefix of an {@link #owner}. */
    String OWNER = "fhir-references\u0000";

    /**
     * A Patient's own ids in its source: its resource id and its entry's fullUrl (either may be null), with its
     * subject id. They are the subject's identifiers, replaced by the keyed ids the output gives them (decision 0099).
     */
    default void ownIds(String subjectId, String id, String fullUrl) throws DeidException {
    }

    /** A Patient's subject id, found in one of its elements (the MRN): replaced by the patient pseudonym. */
    void subject(String subjectId) throws DeidException;

    /**
     * The resource {@code key} ({@link References#key}: what an {@code Attachment.url} names, such as {@code Binary/7},
     * decision 0214; a resource a Provenance points at, decision 0215) belongs to a resource whose references into the
     * Patient compartment have the keys {@code owners} (not empty, in order; a Patient's photo: the Patient's own keys):
     * a resource without a patient of its own takes the first of them that names a Patient of the run.
     */
    default void owned(String key, List<String> owners) {
    }

    /** The ids one Patient gives for its subject (its identifiers): linked for the date offset (decision 0078). */
    default void link(List<Deidentifier.LinkedId> ids) {
    }

    /** The ids of a Patient to {@link #link}: its subject id first, then each other identifier's value. */
    static List<Deidentifier.LinkedId> patientIds(String subjectId, String subjectSystem, List<String[]> identifiers) {
        List<Deidentifier.LinkedId> ids = new ArrayList<>();
        ids.add(new Deidentifier.LinkedId("fhir:" + (subjectSystem == null ? "" : subjectSystem),
                Deidentifier.RANK_RECORD_SUBJECT, subjectId));
        for (String[] systemValue : identifiers) {
            if (systemValue[1] != null && !systemValue[1].equals(subjectId)) {
                ids.add(new Deidentifier.LinkedId("fhir:" + (systemValue[0] == null ? "" : systemValue[0]),
                        Deidentifier.RANK_RECORD_OTHER, systemValue[1]));
            }
        }
        return ids;
    }

    /** Reports to the run: its patient index and engine. Thread-safe. */
    static ScanSink of(FhirRun run) {
        return new ScanSink() {
            @Override
            public void patient(String key, String subjectId) {
                run.patients.put(key, subjectId);
            }

            @Override
            public void identifier(ActionSpec spec, String label, String value, String subjectId, List<String> owners)
                    throws DeidException {
                if (subjectId == null && !owners.isEmpty()) {
                    run.engine.noteOwnedIdentifier(spec, label, value, owner(owners));
                } else {
                    run.engine.noteIdentifier(spec, label, value,
                            subjectId == null ? null : run.engine.subject(subjectId));
                }
            }

            @Override
            public void ownIds(String subjectId, String id, String fullUrl) throws DeidException {
                Subject s = run.engine.subject(subjectId);
                if (s == null) {
                    return;
                }
                if (id != null && significantId(id)) {
                    run.engine.noteOwnId(s, "ID", id, run.references.id("Patient", id));
                }
                String uuid = fullUrl == null ? null : References.urnUuid(fullUrl);
                if (uuid != null) {
                    run.engine.noteOwnId(s, "ID", uuid, run.references.keyedUuid(uuid));
                }
            }

            @Override
            public void subject(String subjectId) throws DeidException {
                Subject s = run.engine.subject(subjectId);
                run.engine.noteSubject(subjectId, s);
            }

            @Override
            public void link(List<Deidentifier.LinkedId> ids) {
                run.engine.noteLink(ids);
            }

            @Override
            public void owned(String key, List<String> owners) {
                run.patients.owned(key, owner(owners));
            }
        };
    }

    /**
     * Whether a Patient's resource id is worth keeping as its subject's identifier: six characters or more with a digit
     * (a UUID, {@code pt00005}, a server's long number). Shorter ids and words ({@code 1}, {@code example}) are found in
     * text by chance, and scrubbing or looking for them would hit values that are not this patient's.
     */
    static boolean significantId(String id) {
        if (id.length() < 6) {
            return false;
        }
        for (int i = 0; i < id.length(); i++) {
            if (id.charAt(i) >= '0' && id.charAt(i) <= '9') {
                return true;
            }
        }
        return false;
    }

    /** Reports nothing (explaining a file learns nothing). */
    static ScanSink none() {
        return new ScanSink() {
            @Override
            public void patient(String key, String subjectId) {
            }

            @Override
            public void identifier(ActionSpec spec, String label, String value, String subjectId, List<String> owners) {
            }

            @Override
            public void subject(String subjectId) {
            }
        };
    }

    /**
     * Keeps what is reported until {@link #replay}: what a file teaches is only passed on once the
     * whole file was read, as when it is parsed whole. Not thread-safe.
     */
    final class Buffer implements ScanSink {
        private interface Effect {
            void to(ScanSink sink) throws DeidException;
        }

        private final List<Effect> effects = new ArrayList<>();

        @Override
        public void patient(String key, String subjectId) {
            effects.add(s -> s.patient(key, subjectId));
        }

        @Override
        public void identifier(ActionSpec spec, String label, String value, String subjectId, List<String> owners) {
            effects.add(s -> s.identifier(spec, label, value, subjectId, owners));
        }

        @Override
        public void ownIds(String subjectId, String id, String fullUrl) {
            effects.add(s -> s.ownIds(subjectId, id, fullUrl));
        }

        @Override
        public void subject(String subjectId) {
            effects.add(s -> s.subject(subjectId));
        }

        @Override
        public void link(List<Deidentifier.LinkedId> ids) {
            effects.add(s -> s.link(ids));
        }

        @Override
        public void owned(String key, List<String> owners) {
            effects.add(s -> s.owned(key, owners));
        }

        /** Reports everything kept, in order, to {@code sink}, and forgets it. */
        void replay(ScanSink sink) throws DeidException {
            for (Effect e : effects) {
                e.to(sink);
            }
            effects.clear();
        }

        @Override
        public String toString() {
            return "ScanSink.Buffer[" + effects.size() + " effects]";
        }
    }
}
