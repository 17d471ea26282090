package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.BaseRuntimeChildDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementCompositeDefinition;
import ca.uhn.fhir.context.BaseRuntimeElementDefinition;
import ca.uhn.fhir.context.FhirContext;
import java.util.Optional;
import org.deidworkbench.model.ExpressionSyntax;
import org.hl7.fhir.r4.fhirpath.FHIRLexer;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;

/**
 * The checkers {@code config} uses to validate the {@code fhir:} section of a profile with HAPI's
 * own FHIRPath parser and R4 model (registered in {@code META-INF/services}). Thread-safe.
 */
public abstract class FhirExpressionSyntax implements ExpressionSyntax {

    /** FHIRPath expressions, parsed by HAPI's engine. */
    public static final class Path extends FhirExpressionSyntax {
        private static final ThreadLocal<FHIRPathEngine> ENGINE = ThreadLocal.withInitial(Fhir::newPathEngine);

        @Override
        public String language() {
            return "fhirpath";
        }

        @Override
        public Optional<Error> check(String expression) {
            try {
                ENGINE.get().parse(expression);
                return Optional.empty();
            } catch (FHIRLexer.FHIRLexerException e) {
                org.hl7.fhir.utilities.SourceLocation at = e.getLocation();
                String message = e.getMessage() == null ? "does not parse" : e.getMessage();
                // HAPI prefixes "Error @line, column: " or "Error in <expr> at line, column: "; the place is given apart.
                message = message.replaceFirst("^Error (@\\d+, ?\\d+|in .* at \\d+, ?\\d+): ", "");
                return Optional.of(new Error(at == null ? 0 : at.getLine(), at == null ? 0 : at.getColumn(), message));
            } catch (RuntimeException e) {
                return Optional.of(new Error(0, 0, "does not parse (" + e.getClass().getSimpleName() + ")"));
            }
        }
    }

    /** FHIR R4 data type names ({@code HumanName}, {@code dateTime}, {@code xhtml}). */
    public static final class Type extends FhirExpressionSyntax {
        @Override
        public String language() {
            return "fhir-type";
        }

        @Override
        public Optional<Error> check(String expression) {
            return definition(expression) != null ? Optional.empty()
                    : Optional.of(new Error(0, 0, "'" + expression + "' is not a FHIR R4 data type or resource type"
                            + " (names are case-sensitive: HumanName, dateTime)"));
        }
    }

    /** Qualified element names: {@code Address.postalCode}, {@code Patient.birthDate}. */
    public static final class Element extends FhirExpressionSyntax {
        @Override
        public String language() {
            return "fhir-element";
        }

        @Override
        public Optional<Error> check(String expression) {
            String[] parts = expression.split("\\.");
            BaseRuntimeElementDefinition<?> def = definition(parts[0]);
            if (def == null) {
                return Optional.of(new Error(0, 0, "'" + parts[0] + "' is not a FHIR R4 data type or resource type"));
            }
            // Type.element, or Resource.backbone.element (the parent of a backbone element is named by its path).
            for (int i = 1; i < parts.length; i++) {
                BaseRuntimeChildDefinition child = def instanceof BaseRuntimeElementCompositeDefinition<?> c
                        ? c.getChildByName(parts[i]) : null;
                if (child == null && def instanceof BaseRuntimeElementCompositeDefinition<?> c) {
                    child = c.getChildByName(parts[i] + "[x]");
                }
                if (child == null) {
                    return Optional.of(new Error(0, 0, String.join(".", java.util.Arrays.copyOf(parts, i))
                            + " has no element '" + parts[i] + "'"));
                }
                if (i < parts.length - 1) {
                    def = child.getChildByName(parts[i]);
                    if (def == null) {
                        return Optional.of(new Error(0, 0, "'" + parts[i] + "' has no elements of its own"));
                    }
                }
            }
            return Optional.empty();
        }
    }

    /** The HAPI definition of a data type or resource type, or {@code null}. */
    static BaseRuntimeElementDefinition<?> definition(String type) {
        FhirContext ctx = Fhir.context();
        if (type.isEmpty()) {
            return null;
        }
        if (Character.isUpperCase(type.charAt(0)) && ctx.getResourceTypes().contains(type)) {
            return ctx.getResourceDefinition(type);
        }
        return ctx.getElementDefinition(type);
    }
}
