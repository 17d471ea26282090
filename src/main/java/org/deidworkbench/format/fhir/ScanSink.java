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

    /** A value of an identifier field, with the (effective) action and upper-case label of its rule. */
    void identifier(ActionSpec spec, String label, String value) throws DeidException;

    /** A Patient's subject id, found in one of its elements (the MRN): replaced by the patient pseudonym. */
    void subject(String subjectId) throws DeidException;

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
            public void identifier(ActionSpec spec, String label, String value) throws DeidException {
                run.engine.noteIdentifier(spec, label, value);
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
        };
    }

    /** Reports nothing (explaining a file learns nothing). */
    static ScanSink none() {
        return new ScanSink() {
            @Override
            public void patient(String key, String subjectId) {
            }

            @Override
            public void identifier(ActionSpec spec, String label, String value) {
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
        public void identifier(ActionSpec spec, String label, String value) {
            effects.add(s -> s.identifier(spec, label, value));
        }

        @Override
        public void subject(String subjectId) {
            effects.add(s -> s.subject(subjectId));
        }

        @Override
        public void link(List<Deidentifier.LinkedId> ids) {
            effects.add(s -> s.link(ids));
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
