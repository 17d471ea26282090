package org.deidworkbench.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The per-action data the profile schema reads from {@link Action}. */
class ActionTest {

    @ParameterizedTest
    @EnumSource(Action.class)
    void yamlNameFindsTheAction(Action action) {
        assertEquals(Optional.of(action), Action.fromYamlName(action.yamlName()));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void requiredParametersAreAmongTheParameters(Action action) {
        assertTrue(action.parameters().containsAll(action.requiredParameters()), action::toString);
    }

    @Test
    void parametersAreListedInParameterOrder() {
        assertEquals(List.of(Action.Parameter.DOMAIN, Action.Parameter.ALPHABET),
                List.copyOf(Action.ENCRYPT.parameters()));
    }

    @Test
    void pseudonymizeNeedsADomainAndMayHaveAFormat() {
        assertEquals(List.of(Action.Parameter.DOMAIN), List.copyOf(Action.PSEUDONYMIZE.requiredParameters()));
        assertEquals(List.of(Action.Parameter.DOMAIN, Action.Parameter.FORMAT),
                List.copyOf(Action.PSEUDONYMIZE.parameters()));
    }

    @Test
    void keepShowsTheValue() {
        assertFalse(Action.KEEP.hidesValue());
    }

    @Test
    void pseudonymizeHidesTheValueAndMarksAnIdentifier() {
        assertTrue(Action.PSEUDONYMIZE.hidesValue() && Action.PSEUDONYMIZE.identifierByDefault());
    }
}
