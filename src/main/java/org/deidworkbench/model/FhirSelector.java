package org.deidworkbench.model;

import java.util.Objects;

/**
 * Which FHIR elements a rule of the {@code fhir:} section applies to. Sealed so that every place
 * that interprets FHIR selectors is found by the compiler when a kind is added.
 */
public sealed interface FhirSelector permits FhirSelector.FhirPath, FhirSelector.DataType, FhirSelector.ElementName {

    /** A readable form for reports and {@code profile explain}, e.g. {@code type HumanName}. */
    String describe();

    /**
     * The elements a FHIRPath expression returns when evaluated on each resource (HAPI's engine),
     * e.g. {@code Patient.identifier.where(system = 'http://hl7.org/fhir/sid/us-ssn')}.
     */
    record FhirPath(String expression) implements FhirSelector {
        public FhirPath {
            Objects.requireNonNull(expression, "expression");
        }

        @Override
        public String describe() {
            return "fhirpath " + expression;
        }
    }

    /**
     * Every element of a FHIR data type, complex ({@code HumanName}, {@code Address},
     * {@code Identifier}) or primitive ({@code string}, {@code dateTime}); compared exactly.
     */
    record DataType(String type) implements FhirSelector {
        public DataType {
            Objects.requireNonNull(type, "type");
        }

        @Override
        public String describe() {
            return "type " + type;
        }
    }

    /**
     * Elements by name: {@code note} (any element named so), or {@code Address.postalCode} (only
     * where the parent element or resource is of that type). A choice element is named without its
     * type suffix ({@code value}, {@code effective}).
     *
     * @param parentType the type the parent must have, or {@code null} for any
     * @param name the element name
     */
    record ElementName(String parentType, String name) implements FhirSelector {
        public ElementName {
            Objects.requireNonNull(name, "name");
        }

        /** Parses {@code name} or {@code Type.name}. */
        public static ElementName of(String text) {
            int dot = text.lastIndexOf('.');
            return dot < 0 ? new ElementName(null, text) : new ElementName(text.substring(0, dot), text.substring(dot + 1));
        }

        @Override
        public String describe() {
            return "element " + (parentType == null ? name : parentType + "." + name);
        }
    }
}
