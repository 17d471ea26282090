package org.deidworkbench.format.fhir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.fhirpath.ExpressionNode;

/**
 * What a FHIRPath branch needs to find among a resource's values before it can select anything (decision 0240):
 * clauses, each a set of string constants of which at least one must be the whole value of some primitive of the
 * resource. {@code Observation.where(code.coding.where(system = 'http://loinc.org' and (code = '30525-0' or code =
 * '21611-9')).exists()).value} needs {@code {http://loinc.org}} and {@code {30525-0, 21611-9}}: an Observation holding
 * neither code selects nothing, and its tree need not be walked for it. No clause: nothing is known (the branch is
 * evaluated).
 *
 * <p>Only what holds under FHIRPath's own semantics, so HAPI's engine would find nothing either: {@code x = 'c'} is
 * true only if {@code x} is not empty and each of its values equals {@code 'c'}; where {@code x} is a path of member
 * names, {@code where()} and {@code ofType()} its values are the resource's own elements, so a primitive reading
 * {@code c} must be there ({@code lower() = 'c'} computes its value and is not read). {@code where(p)} selects
 * something only if {@code p} is true for an item; {@code exists()} is true only on something; {@code a and b} needs
 * what both need, {@code a or b} what either needs (a clause of each, joined). Anything else — other functions and
 * operators, constants, variables — adds nothing and stops the reading there.
 */
final class ValueNeeds {

    /** Clause pairs joined for an {@code or}, at most (the rest are left out: fewer clauses only need less). */
    private static final int MAX_JOINED = 16;

    private ValueNeeds() {
    }

    /** What {@code node} (with what follows it) needs to give a non-empty collection. */
    static List<Set<String>> toSelect(ExpressionNode node) {
        return node == null ? List.of() : List.copyOf(expression(node, false));
    }

    /**
     * Whether every clause has one of its constants among {@code present} (the few needed values a resource holds,
     * each once).
     */
    static boolean met(List<Set<String>> needs, java.util.Collection<String> present) {
        for (Set<String> clause : needs) {
            boolean any = false;
            for (String v : present) {
                if (clause.contains(v)) {
                    any = true;
                    break;
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    /** A node with its operators, as {@code JsonTransform.eval} folds them: for a true result, or a non-empty one. */
    private static List<Set<String>> expression(ExpressionNode node, boolean truth) {
        if (!node.isProximal() || node.getOperation() == null) {
            return chain(node, truth);
        }
        if (!truth) {
            return List.of(); // an operator's result: "=" and "and" give false as readily as true
        }
        List<ExpressionNode> operands = new ArrayList<>();
        List<ExpressionNode.Operation> ops = new ArrayList<>();
        operands.add(node);
        for (ExpressionNode n = node; n.getOperation() != null; n = n.getOpNext()) {
            ops.add(n.getOperation());
            if (n.getOpNext() == null) {
                return List.of();
            }
            operands.add(n.getOpNext());
        }
        if (ops.size() == 1 && ops.get(0) == ExpressionNode.Operation.Equals) {
            String constant = stringConstant(operands.get(1));
            if (constant == null || !readsElements(node)) {
                return List.of();
            }
            List<Set<String>> out = new ArrayList<>(chain(node, false));
            out.add(Set.of(constant));
            return out;
        }
        List<Set<String>> acc = chain(node, true);
        for (int i = 0; i < ops.size(); i++) {
            List<Set<String>> right = chain(operands.get(i + 1), true);
            switch (ops.get(i)) {
                case And -> {
                    List<Set<String>> both = new ArrayList<>(acc);
                    both.addAll(right);
                    acc = both;
                }
                case Or -> acc = either(acc, right);
                default -> {
                    return List.of();
                }
            }
        }
        return acc;
    }

    /**
     * A path of steps (the node, its inner node, …) read from its end: what its last step needs, then what the step
     * before must give for that, until a step that gives something of nothing.
     */
    private static List<Set<String>> chain(ExpressionNode node, boolean truth) {
        List<ExpressionNode> steps = new ArrayList<>();
        for (ExpressionNode n = node; n != null; n = n.getInner()) {
            if (n != node && n.getOperation() != null) {
                return List.of(); // an operator inside the path: not read here
            }
            steps.add(n);
        }
        List<Set<String>> out = new ArrayList<>();
        boolean wantTrue = truth;
        for (int i = steps.size() - 1; i >= 0; i--) {
            ExpressionNode s = steps.get(i);
            switch (s.getKind()) {
                case Name -> wantTrue = false; // its values come from what came before: that must not be empty
                case Group -> {
                    // its value is the group's, of the same focus, followed by the steps after it
                    if (s.getGroup() != null) {
                        out.addAll(expression(s.getGroup(), wantTrue));
                    }
                    return out;
                }
                case Function -> {
                    switch (s.getFunction()) {
                        case Where -> {
                            if (s.getParameters().size() != 1) {
                                return out;
                            }
                            out.addAll(expression(s.getParameters().get(0), true));
                            wantTrue = false;
                        }
                        case Exists -> {
                            if (!wantTrue || !s.getParameters().isEmpty()) {
                                return out; // exists() gives true or false: something either way
                            }
                            wantTrue = false; // true only on something
                        }
                        case OfType, Descendants -> wantTrue = false;
                        default -> {
                            return out;
                        }
                    }
                }
                default -> {
                    return out;
                }
            }
        }
        return out;
    }

    /** The clauses of {@code a or b}: each joins a clause of one with a clause of the other. */
    private static List<Set<String>> either(List<Set<String>> a, List<Set<String>> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return List.of();
        }
        List<Set<String>> out = new ArrayList<>();
        for (Set<String> x : a) {
            for (Set<String> y : b) {
                if (out.size() == MAX_JOINED) {
                    return out;
                }
                Set<String> joined = new LinkedHashSet<>(x);
                joined.addAll(y);
                out.add(Set.copyOf(joined));
            }
        }
        return out;
    }

    /**
     * A string constant standing alone ({@code 'c'}) that only a value written the same equals, else null. HAPI
     * compares a decimal with a string as numbers ({@code 5.0 = '5'} and {@code = '5.00'} are true) and dates and
     * times by their instants, so a constant that reads as a number, a date, a time or a boolean is not read.
     */
    private static String stringConstant(ExpressionNode n) {
        if (n.getKind() == ExpressionNode.Kind.Constant && n.getInner() == null && n.getOperation() == null
                && n.getConstant() instanceof org.hl7.fhir.r4.model.StringType s && s.getValue() != null
                && !s.getValue().isBlank() && !COMPARED_AS_VALUE.matcher(s.getValue().strip()).matches()) {
            return s.getValue();
        }
        return null;
    }

    /** Numbers, dates, date-times, times and booleans, which HAPI may find equal to a value written otherwise. */
    private static final java.util.regex.Pattern COMPARED_AS_VALUE = java.util.regex.Pattern.compile(
            "[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?|@?\\d{4}([-T].*)?|@?T?\\d{1,2}:.*|(?i:true|false)");

    /**
     * Whether the path at {@code node} (its operators aside) only selects elements of the resource: member names,
     * {@code where()}, {@code ofType()} and {@code descendants()}, no variable and no computed value.
     */
    private static boolean readsElements(ExpressionNode node) {
        for (ExpressionNode n = node; n != null; n = n.getInner()) {
            if (n != node && n.getOperation() != null) {
                return false;
            }
            boolean element = switch (n.getKind()) {
                case Name -> n.getName() != null && !n.getName().isEmpty() && !n.getName().startsWith("$")
                        && !n.getName().startsWith("%");
                case Function -> n.getFunction() == ExpressionNode.Function.Where
                        || n.getFunction() == ExpressionNode.Function.OfType
                        || n.getFunction() == ExpressionNode.Function.Descendants;
                default -> false;
            };
            if (!element) {
                return false;
            }
        }
        return true;
    }

    /** Every constant the clauses name. */
    static Set<String> constants(List<Set<String>> needs) {
        Set<String> out = new HashSet<>();
        needs.forEach(out::addAll);
        return out;
    }
}
