package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.config.ProfileLoader;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.config.ProfileProblem;
import org.deidworkbench.deid.method.DeidMethod;
import org.deidworkbench.model.Action;
import org.deidworkbench.model.ActionSpec;
import org.deidworkbench.model.Profile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every {@link Action} has every piece CONTRIBUTING.md's "Adding a de-identification action" lists:
 * a record in {@link ActionSpec}, a place in the profile schema, a method in the engine, a
 * {@code …MethodTest}, and a row in {@code actions.md} and {@code profiles.md}.
 */
class ActionCompletenessTest {

    private static final Path ACTIONS_MD = Path.of("src/site/markdown/actions.md");
    private static final Path PROFILES_MD = Path.of("src/site/markdown/profiles.md");

    /** A value a test profile may give for a parameter; a new parameter must be added here. */
    private static String exampleValue(Action.Parameter parameter) {
        return switch (parameter) {
            case DOMAIN -> "test-domain";
            case FORMAT -> "{encoding: digits, length: 8}";
            case ALPHABET -> "digits";
            case VALUE -> "REDACTED";
            case KIND -> "year";
        };
    }

    private static String profileUsing(Action action) {
        StringBuilder rule = new StringBuilder("  - id: under-test\n    column: c\n    action: " + action.yamlName() + "\n");
        for (Action.Parameter p : action.requiredParameters()) {
            rule.append("    ").append(p.yamlName()).append(": ").append(exampleValue(p)).append('\n');
        }
        return "deid-profile: 1\n"
                + "name: action-" + action.yamlName() + "\n"
                + "subject:\n  columns: [pid]\n"
                + "rules:\n"
                + "  - id: subject\n    column: pid\n    action: pseudonymize\n    domain: patient\n"
                + rule
                + "default:\n  action: remove\n";
    }

    // ------------------------------------------------------------------ model

    @ParameterizedTest
    @EnumSource(Action.class)
    void actionHasExactlyOneActionSpecRecord(Action action) throws Exception {
        List<Class<?>> records = new ArrayList<>();
        for (Class<?> record : ActionSpec.class.getPermittedSubclasses()) {
            if (sampleOf(record).action() == action) {
                records.add(record);
            }
        }
        assertEquals(1, records.size(), () -> "ActionSpec records for " + action + ": " + records);
        assertTrue(records.get(0).isRecord(), records.get(0) + " is a record");
    }

    // ------------------------------------------------------------------ config

    @ParameterizedTest
    @EnumSource(Action.class)
    void profileRuleWithTheActionParses(Action action) {
        // every action may be a CSV rule's since decision 0232 (remap-uid gives a PACS list's UIDs the images' UIDs)
        String yaml = profileUsing(action);
        Profile p = assertDoesNotThrow(() -> ProfileLoader.parse(yaml, "test.yaml"), yaml);
        assertEquals(action, p.rules().get(1).action());
    }

    @Test
    void remapUidIsRefusedAsTheCsvDefaultAndProfilesMdSaysSo() throws IOException {
        String yaml = profileUsing(Action.KEEP).replace("default:\n  action: remove\n", "default:\n  action: remap-uid\n");
        ProfileException e = assertThrows(ProfileException.class, () -> ProfileLoader.parse(yaml, "test.yaml"));
        String messages = e.problems().stream().map(ProfileProblem::message).collect(Collectors.joining("\n"));
        assertTrue(messages.contains("applies to DICOM UIDs only"), messages);
        String doc = Files.readString(PROFILES_MD, StandardCharsets.UTF_8);
        String row = doc.lines().filter(l -> l.startsWith("| `remap-uid` |")).findFirst().orElse("");
        assertTrue(row.contains("refused as the CSV default"), () -> "profiles.md row of remap-uid: " + row);
    }

    // ------------------------------------------------------------------ engine

    @ParameterizedTest
    @EnumSource(Action.class)
    void engineGivesTheActionAMethodInDeidMethod(Action action) throws Exception {
        DeidMethod method = engine().method(specFor(action));
        assertNotNull(method);
        assertEquals(DeidMethod.class.getPackageName(), method.getClass().getPackageName());
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void methodOfTheActionHasATestClass(Action action) throws Exception {
        DeidMethod method = engine().method(specFor(action));
        String test = method.getClass().getName() + "Test";
        assertDoesNotThrow(() -> Class.forName(test), () -> "missing " + test + " for " + action);
    }

    // ------------------------------------------------------------------ docs

    @ParameterizedTest
    @EnumSource(Action.class)
    void actionsMdHasARowForTheAction(Action action) throws IOException {
        assertTrue(Files.readString(ACTIONS_MD, StandardCharsets.UTF_8).contains("\n| `" + action.yamlName() + "` |"),
                () -> ACTIONS_MD + " has no table row for " + action);
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void profilesMdHasARowForTheAction(Action action) throws IOException {
        assertTrue(Files.readString(PROFILES_MD, StandardCharsets.UTF_8).contains("\n| `" + action.yamlName() + "` |"),
                () -> PROFILES_MD + " has no table row for " + action);
    }

    // ------------------------------------------------------------------ helpers

    private static Deidentifier engine() throws Exception {
        Profile profile = ProfileLoader.parse("deid-profile: 1\nname: t\ndefault:\n  action: keep\n", "t.yaml");
        Deidentifier engine = new Deidentifier(profile, TestKeys.keyRing(), new PseudonymLedger(), 2026);
        engine.freezeIdentifiers();
        return engine;
    }

    private static ActionSpec specFor(Action action) throws Exception {
        for (Class<?> record : ActionSpec.class.getPermittedSubclasses()) {
            ActionSpec spec = sampleOf(record);
            if (spec.action() == action) {
                return spec;
            }
        }
        return fail("no ActionSpec record for " + action);
    }

    /** An instance of an ActionSpec record built from sample values of its components. */
    private static ActionSpec sampleOf(Class<?> record) throws Exception {
        RecordComponent[] components = record.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = sampleValue(types[i]);
        }
        return (ActionSpec) record.getDeclaredConstructor(types).newInstance(values);
    }

    private static Object sampleValue(Class<?> type) throws IllegalAccessException {
        if (type == String.class) {
            return "0123456789";
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        for (Field f : type.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == type) {
                return f.get(null); // e.g. PseudonymFormat.DEFAULT
            }
        }
        return fail("no sample value for a parameter of type " + type.getName() + ": extend sampleValue");
    }
}
