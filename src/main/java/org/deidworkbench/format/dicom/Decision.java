package org.deidworkbench.format.dicom;

import java.util.Objects;
import org.deidworkbench.model.ActionSpec;

/**
 * What happens to one data element and why: made by {@link DicomPolicy} for transform, preview and
 * explain alike.
 *
 * @param ruleId the deciding rule's id, or the policy's own reason: {@code subject}, {@code annex-e},
 *     {@code private}, {@code safe-private}, {@code declared-private}, {@code unknown-tag},
 *     {@code uid}, {@code free-text}, {@code not-listed}
 * @param treatment what is done to the value
 * @param spec the rule's action for {@link Treatment#APPLY}, else null
 * @param action the action as reports spell it: a profile action ({@code pseudonymize}) or a PS3.15
 *     code ({@code X}, {@code Z}, {@code D}, {@code K}, {@code C}, {@code U})
 * @param reason a readable explanation for {@code profile explain}, free of data values
 * @param identifier whether values of this element are identifiers of the patient, to be scrubbed from
 *     every kept text
 * @param label the category used when such an identifier is scrubbed from text, e.g. {@code NAME}
 */
record Decision(String ruleId, Treatment treatment, ActionSpec spec, String action, String reason, boolean identifier,
        String label) {

    Decision {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(treatment, "treatment");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(label, "label");
    }

    /** The counter key of reports: {@code ruleId (action)}. */
    String counterKey() {
        return ruleId + " (" + action + ")";
    }

    /** What the policy does to a value. */
    enum Treatment {
        /** Written as read; sequences keep their items, which are cleaned; text loses known identifiers. */
        KEEP,
        /** Not written (PS3.15 X). */
        REMOVE,
        /** Written with no value, or as a sequence without items (PS3.15 Z). */
        EMPTY,
        /** Replaced by a dummy value valid for the VR; a sequence keeps its items, which are cleaned (PS3.15 D). */
        DUMMY,
        /** Cleaned by VR: dates shifted, text scrubbed, ages over 89 grouped, bitmaps removed (PS3.15 C). */
        CLEAN,
        /** A UID replaced by its keyed {@code 2.25} UID; a sequence keeps its items, which are cleaned (PS3.15 U). */
        UID,
        /** The patient id: replaced by the patient's pseudonym in the profile's subject domain. */
        SUBJECT,
        /** A profile rule's action ({@link Decision#spec()}). */
        APPLY,
        /** A private creator element: kept exactly when an element of its block is kept. */
        CREATOR
    }
}
