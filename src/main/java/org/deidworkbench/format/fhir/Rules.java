package org.deidworkbench.format.fhir;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.deidworkbench.model.FhirRule;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.FhirSelector;
import org.deidworkbench.model.SourceLocation;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.model.Base;

/**
 * The rules of a {@code fhir:} section compiled for matching: type and element selectors in hash
 * maps, FHIRPath selectors parsed once per thread and evaluated once per resource. "First match
 * wins" is "lowest rule index wins"; {@link #NONE} means the default applies. Thread-safe; the
 * per-thread FHIRPath state lives in {@link Evaluator}.
 */
final class Rules {

    /** No rule matches: the section's default applies. */
    static final int NONE = Integer.MAX_VALUE;

    private final List<FhirRule> rules;
    private final Map<String, Integer> byType = new HashMap<>();
    private final Map<String, Integer> byName = new HashMap<>();
    private final Map<String, Integer> byQualifiedName = new HashMap<>();
    private final List<Integer> pathRules = new ArrayList<>();
    private final ThreadLocal<Evaluator> evaluators;

    Rules(FhirSection section) {
        this.rules = section.rules();
        for (int i = 0; i < rules.size(); i++) {
            FhirSelector s = rules.get(i).selector();
            if (s instanceof FhirSelector.DataType t) {
                byType.putIfAbsent(t.type(), i);
            } else if (s instanceof FhirSelector.ElementName n) {
                if (n.parentType() == null) {
                    byName.putIfAbsent(n.name(), i);
                } else {
                    byQualifiedName.putIfAbsent(n.parentType() + "." + n.name(), i);
                }
            } else if (s instanceof FhirSelector.FhirPath) {
                pathRules.add(i);
            } else {
                throw new IllegalStateException("unhandled selector " + s.getClass().getSimpleName());
            }
        }
        this.evaluators = ThreadLocal.withInitial(Evaluator::new);
    }

    /** The rule at {@code index}. */
    FhirRule rule(int index) {
        return rules.get(index);
    }

    /**
     * The lowest index of a type or element rule matching an element.
     *
     * @param type the element's FHIR type ({@code HumanName}, {@code string})
     * @param name the element's name without a choice suffix ({@code value}); {@code null} for a resource root
     * @param choiceName the element's name with its type suffix ({@code valueString}), or {@code null}
     * @param parentType the FHIR type of the enclosing element or resource
     */
    int match(String type, String name, String choiceName, String parentType) {
        int best = NONE;
        Integer i = byType.get(type);
        if (i != null) {
            best = i;
        }
        if (name != null) {
            best = min(best, byName.get(name));
            if (choiceName != null) {
                best = min(best, byName.get(choiceName));
            }
            if (parentType != null && !byQualifiedName.isEmpty()) {
                best = min(best, byQualifiedName.get(parentType + "." + name));
                if (choiceName != null) {
                    best = min(best, byQualifiedName.get(parentType + "." + choiceName));
                }
            }
        }
        return best;
    }

    private static int min(int best, Integer candidate) {
        return candidate != null && candidate < best ? candidate : best;
    }

    /**
     * Evaluates every FHIRPath rule on {@code root} and adds the elements each returns to
     * {@code hits}, keeping the lowest rule index per element (identity, not equality).
     *
     * @throws RuleFailure when an expression fails on this resource
     */
    void evaluate(Base root, IdentityHashMap<Base, Integer> hits) throws RuleFailure {
        if (pathRules.isEmpty()) {
            return;
        }
        Evaluator e = evaluators.get();
        for (int k = 0; k < pathRules.size(); k++) {
            int index = pathRules.get(k);
            List<Base> found;
            try {
                found = e.engine.evaluate(root, e.expression(k, index));
            } catch (RuntimeException x) {
                throw new RuleFailure(rules.get(index), x);
            }
            for (Base b : found) {
                hits.merge(b, index, Math::min);
            }
        }
    }

    /** One thread's FHIRPath engine and parsed expressions. */
    private final class Evaluator {
        final FHIRPathEngine engine = Fhir.newPathEngine();
        final ExpressionNode[] parsed = new ExpressionNode[pathRules.size()];

        ExpressionNode expression(int k, int index) {
            if (parsed[k] == null) {
                parsed[k] = engine.parse(((FhirSelector.FhirPath) rules.get(index).selector()).expression());
            }
            return parsed[k];
        }
    }

    /** A FHIRPath rule failed on a resource (its message never quotes data). */
    static final class RuleFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient FhirRule rule;

        RuleFailure(FhirRule rule, RuntimeException cause) {
            super("the fhirpath of rule '" + rule.id() + "' failed on this resource (" + cause.getClass().getSimpleName()
                    + ")");
            this.rule = rule;
        }

        FhirRule rule() {
            return rule;
        }
    }

    /** Readable reason for explain: which rule and where it is written. */
    static String reason(FhirRule rule) {
        SourceLocation at = rule.location();
        return "rule '" + rule.id() + "' (" + rule.selector().describe() + " at "
                + (at.line() > 0 ? at.file() + ":" + at.line() : at.file()) + ")";
    }
}
