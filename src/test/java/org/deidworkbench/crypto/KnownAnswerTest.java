package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.model.DateShiftSettings;
import org.deidworkbench.model.PseudonymFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks every primitive against vectors computed independently in Python from the specification
 * (resource {@code known_answers.py}, output {@code known-answers.tsv}; secret = bytes 00..1f).
 */
class KnownAnswerTest {

    private static final ProjectSecret SECRET = TestSupport.vectorSecret();
    private static final PseudonymGenerator PSEUDONYMS = new PseudonymGenerator(SECRET);
    private static final DateShifter DATES = new DateShifter(SECRET);
    private static final UidDeriver UIDS = new UidDeriver(SECRET);
    private static final Ff1Cipher FF1 = new Ff1Cipher(SECRET);

    @ParameterizedTest
    @MethodSource("derive")
    void derivedKeyMatchesPython(String purpose, String length, String expectedHex) {
        assertEquals(expectedHex, TestSupport.hex(KeyDerivation.derive(SECRET, purpose, Integer.parseInt(length))));
    }

    @ParameterizedTest
    @MethodSource("pseudonym")
    void pseudonymMatchesPython(String domain, String value, String encoding, String length, String prefix,
            String check, String expected) {
        PseudonymFormat format = new PseudonymFormat(PseudonymFormat.Encoding.valueOf(encoding),
                Integer.parseInt(length), prefix, Boolean.parseBoolean(check));
        assertEquals(expected, PSEUDONYMS.pseudonym(domain, value, format));
        assertTrue(PseudonymGenerator.hasValidCheck(expected, format));
    }

    @ParameterizedTest
    @MethodSource("dateOffset")
    void dateOffsetMatchesPython(String subject, String min, String max, String expected) {
        DateShiftSettings range = new DateShiftSettings(Integer.parseInt(min), Integer.parseInt(max));
        assertEquals(Integer.parseInt(expected), DATES.offsetDays(subject, range));
    }

    @ParameterizedTest
    @MethodSource("uid")
    void uidMatchesPython(String uid, String expected) {
        assertEquals(expected, UIDS.derive(uid));
    }

    @ParameterizedTest
    @MethodSource("ff1")
    void ff1WithTheDerivedKeyMatchesPython(String domain, String value, String alphabetName, String expected) {
        String alphabet = switch (alphabetName) {
            case "DIGITS" -> Ff1Cipher.DIGITS;
            case "UPPER_ALPHANUMERIC" -> Ff1Cipher.UPPER_ALPHANUMERIC;
            case "ALPHANUMERIC" -> Ff1Cipher.ALPHANUMERIC;
            default -> throw new IllegalArgumentException("unknown alphabet " + alphabetName);
        };
        assertEquals(expected, FF1.encrypt(domain, value, alphabet));
        assertEquals(value, FF1.decrypt(domain, expected, alphabet));
    }

    static Stream<Arguments> derive() {
        return vectors("derive");
    }

    static Stream<Arguments> pseudonym() {
        return vectors("pseudonym");
    }

    static Stream<Arguments> dateOffset() {
        return vectors("date-offset");
    }

    static Stream<Arguments> uid() {
        return vectors("uid");
    }

    static Stream<Arguments> ff1() {
        return vectors("ff1");
    }

    private static Stream<Arguments> vectors(String kind) {
        List<Arguments> rows = new ArrayList<>();
        try (InputStream in = KnownAnswerTest.class.getResourceAsStream("known-answers.tsv")) {
            if (in == null) {
                throw new IllegalStateException("test resource known-answers.tsv is missing");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.startsWith("#") || line.isEmpty()) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields[0].equals(kind)) {
                    Object[] args = new Object[fields.length - 1];
                    for (int i = 1; i < fields.length; i++) {
                        args[i - 1] = unescape(fields[i]);
                    }
                    rows.add(Arguments.of(args));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rows.isEmpty()) {
            throw new IllegalStateException("no " + kind + " vectors in known-answers.tsv");
        }
        return rows.stream();
    }

    /** Reverses known_answers.py's escape(): \\ \t \0. */
    private static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && i + 1 < field.length()) {
                char next = field.charAt(++i);
                out.append(switch (next) {
                    case 't' -> '\t';
                    case '0' -> '\0';
                    default -> next;
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
