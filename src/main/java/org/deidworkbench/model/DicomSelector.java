package org.deidworkbench.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Which DICOM data elements a rule of a profile's {@code dicom:} section applies to. Sealed so that
 * every place that matches selectors handles every kind (the compiler lists them).
 *
 * <ul>
 *   <li>{@link Attribute}: one attribute (by tag, keyword or private creator + element) wherever it
 *       occurs, at the top level or nested in sequence items at any depth;</li>
 *   <li>{@link ByVr}: every element of a Value Representation, at any depth;</li>
 *   <li>{@link Path}: an element at one place of the nesting, from the top level down through
 *       sequences ({@code *} one sequence of any tag, {@code **} any number of sequences).</li>
 * </ul>
 */
public sealed interface DicomSelector permits DicomSelector.Attribute, DicomSelector.ByVr, DicomSelector.Path {

    /** A readable form for reports and {@code profile explain}, e.g. {@code keyword PatientName}. */
    String describe();

    /** One step of a selector: it matches one data element (at one nesting level). */
    sealed interface Step permits TagStep, PrivateStep, AnyElement, AnyDepth {
        /** The step as a profile spells it. */
        String spelled();
    }

    /**
     * Elements whose tag, masked, equals {@code value}: an exact tag has mask {@code 0xFFFFFFFF};
     * a repeating group such as {@code (60xx,3000)} has the group's low byte masked out.
     *
     * @param spelled how the profile wrote it, e.g. {@code PatientName} or {@code (0010,0010)}
     */
    record TagStep(int value, int mask, String spelled) implements Step {
        public TagStep {
            Objects.requireNonNull(spelled, "spelled");
        }

        /** Whether {@code tag} is selected. */
        public boolean matches(int tag) {
            return (tag & mask) == value;
        }
    }

    /**
     * A private data element by its private creator and the low byte of its element number
     * (PS3.5 §7.8.1), in one odd group, whatever block the creator was given in the file.
     *
     * @param group the odd group, e.g. {@code 0x0019}
     * @param creator the Private Creator value, compared after trimming trailing spaces
     * @param offset the element's low byte, {@code 0x00}..{@code 0xFF}
     */
    record PrivateStep(int group, String creator, int offset, String spelled) implements Step {
        public PrivateStep {
            Objects.requireNonNull(creator, "creator");
            Objects.requireNonNull(spelled, "spelled");
        }

        /** Whether an element of {@code group} with low byte {@code elementLowByte} in a block of {@code blockCreator} is selected. */
        public boolean matches(int elementGroup, String blockCreator, int elementLowByte) {
            return elementGroup == group && elementLowByte == offset && blockCreator != null
                    && creator.equals(blockCreator.strip());
        }
    }

    /** {@code *}: any one element (in a path, a sequence of any tag). */
    record AnyElement() implements Step {
        @Override
        public String spelled() {
            return "*";
        }
    }

    /** {@code **}: any number (zero or more) of nested sequences. */
    record AnyDepth() implements Step {
        @Override
        public String spelled() {
            return "**";
        }
    }

    /** One attribute wherever it occurs. */
    record Attribute(Step step, String how) implements DicomSelector {
        public Attribute {
            Objects.requireNonNull(step, "step");
            Objects.requireNonNull(how, "how");
        }

        @Override
        public String describe() {
            return how + " " + step.spelled();
        }
    }

    /** Every element of one VR (two upper-case letters, e.g. {@code PN}), at any depth. */
    record ByVr(String vr) implements DicomSelector {
        public ByVr {
            Objects.requireNonNull(vr, "vr");
        }

        @Override
        public String describe() {
            return "vr " + vr;
        }
    }

    /** An element at one place of the nesting, from the top level down. */
    record Path(List<Step> steps) implements DicomSelector {
        public Path {
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a path has at least one step");
            }
        }

        @Override
        public String describe() {
            return "path " + steps.stream().map(Step::spelled).collect(Collectors.joining("/"));
        }
    }
}
