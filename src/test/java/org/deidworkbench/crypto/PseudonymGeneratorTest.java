package org.deidworkbench.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.deidworkbench.model.PseudonymFormat;
import org.deidworkbench.model.PseudonymFormat.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PseudonymGeneratorTest {

    private static final String CHECK_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private final PseudonymGenerator generator = new PseudonymGenerator(TestSupport.vectorSecret());

    @Test
    void sameValueAndDomainGiveTheSamePseudonym() {
        PseudonymGenerator second = new PseudonymGenerator(TestSupport.vectorSecret());
        assertEquals(generator.pseudonym("patient", "Jane Roe", PseudonymFormat.DEFAULT),
                second.pseudonym("patient", "Jane Roe", PseudonymFormat.DEFAULT));
    }

    @Test
    void differentDomainGivesADifferentPseudonym() {
        assertNotEquals(generator.pseudonym("patient", "12345678", PseudonymFormat.DEFAULT),
                generator.pseudonym("mrn", "12345678", PseudonymFormat.DEFAULT));
    }

    @Test
    void differentSecretGivesADifferentPseudonym() {
        PseudonymGenerator other = new PseudonymGenerator(TestSupport.otherSecret());
        assertNotEquals(generator.pseudonym("patient", "Jane Roe", PseudonymFormat.DEFAULT),
                other.pseudonym("patient", "Jane Roe", PseudonymFormat.DEFAULT));
    }

    @Test
    void differentValuesGiveDifferentPseudonyms() {
        assertNotEquals(generator.pseudonym("patient", "Jane Roe", PseudonymFormat.DEFAULT),
                generator.pseudonym("patient", "Jane Rowe", PseudonymFormat.DEFAULT));
    }

    @Test
    void caseAndWhitespaceDoNotChangeThePseudonym() {
        assertEquals(generator.pseudonym("patient", "Roe, Jane", PseudonymFormat.DEFAULT),
                generator.pseudonym("patient", "  ROE,\t  jane\n", PseudonymFormat.DEFAULT));
    }

    @Test
    void unicodeCompatibilityFormsDoNotChangeThePseudonym() {
        // Full-width letters and digits (as typed with an East Asian input method) are NFKC-equal to ASCII.
        assertEquals(generator.pseudonym("mrn", "MRN123", PseudonymFormat.DEFAULT),
                generator.pseudonym("mrn", "\uFF2D\uFF32\uFF2E\uFF11\uFF12\uFF13", PseudonymFormat.DEFAULT));
    }

    @Test
    void domainIsCaseSensitive() {
        assertNotEquals(generator.pseudonym("patient", "Jane Roe", PseudonymFormat.DEFAULT),
                generator.pseudonym("Patient", "Jane Roe", PseudonymFormat.DEFAULT));
    }

    @Test
    void domainWithNulIsRejected() {
        CryptoException e = assertThrows(CryptoException.class,
                () -> generator.pseudonym("pat\0ient", "Jane Roe", PseudonymFormat.DEFAULT));
        assertEquals(CryptoException.PSEUDONYM_DOMAIN_INVALID, e.code());
    }

    @Test
    void normalizeTrimsCollapsesWhitespaceAndUpperCases() {
        assertEquals("ROE, JANE Q", PseudonymGenerator.normalize(" \t roe,   jane\r\n q  "));
    }

    @Test
    void normalizeAppliesNfkc() {
        // U+FB01 LATIN SMALL LIGATURE FI, U+00A0 NO-BREAK SPACE, U+2460 CIRCLED DIGIT ONE
        assertEquals("FILE 1", PseudonymGenerator.normalize("\uFB01le\u00A0\u2460"));
    }

    @Test
    void normalizeOfBlankTextIsEmpty() {
        assertEquals("", PseudonymGenerator.normalize(" \t\n "));
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void pseudonymHasThePrefixLengthAndAlphabetOfItsFormat(Encoding encoding) {
        PseudonymFormat format = new PseudonymFormat(encoding, encoding.minLength() + 4, "ID-", false);
        String pseudonym = generator.pseudonym("patient", "Jane Roe", format);
        assertTrue(pseudonym.startsWith("ID-"), pseudonym);
        assertEquals(3 + encoding.minLength() + 4, pseudonym.length());
        String alphabet = alphabetOf(encoding);
        for (char c : pseudonym.substring(3).toCharArray()) {
            assertTrue(alphabet.indexOf(c) >= 0, pseudonym);
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void longestPseudonymHasTheMaximumLength(Encoding encoding) {
        PseudonymFormat format = new PseudonymFormat(encoding, encoding.maxLength(), "", true);
        String pseudonym = generator.pseudonym("patient", "Jane Roe", format);
        assertEquals(encoding.maxLength() + 1, pseudonym.length());
        assertTrue(PseudonymGenerator.hasValidCheck(pseudonym, format));
    }

    @Test
    void lastBase32CharacterOfTheFullTagCarriesOnlyOneBit() {
        PseudonymFormat format = new PseudonymFormat(Encoding.BASE32, 52, "", false);
        Set<Character> lastCharacters = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            String pseudonym = generator.pseudonym("patient", "value " + i, format);
            lastCharacters.add(pseudonym.charAt(51));
        }
        assertEquals(Set.of('0', 'G'), lastCharacters);
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void generatedPseudonymsPassTheirCheck(Encoding encoding) {
        PseudonymFormat format = new PseudonymFormat(encoding, encoding.minLength() + 2, "P", true);
        for (String pseudonym : samplePseudonyms(format)) {
            assertTrue(PseudonymGenerator.hasValidCheck(pseudonym, format), pseudonym);
        }
    }

    @ParameterizedTest
    @EnumSource(Encoding.class)
    void checkCharacterCatchesEverySingleSubstitution(Encoding encoding) {
        PseudonymFormat format = new PseudonymFormat(encoding, encoding.minLength() + 2, "P-", true);
        String bodyAlphabet = alphabetOf(encoding);
        String checkAlphabet = encoding == Encoding.DIGITS ? "0123456789" : CHECK_ALPHABET;
        int tested = 0;
        for (String pseudonym : samplePseudonyms(format)) {
            for (int i = 2; i < pseudonym.length(); i++) {
                String alphabet = i == pseudonym.length() - 1 ? checkAlphabet : bodyAlphabet;
                for (char c : alphabet.toCharArray()) {
                    if (c != pseudonym.charAt(i)) {
                        String wrong = pseudonym.substring(0, i) + c + pseudonym.substring(i + 1);
                        assertFalse(PseudonymGenerator.hasValidCheck(wrong, format), pseudonym + " -> " + wrong);
                        tested++;
                    }
                }
            }
        }
        assertTrue(tested > 1000, "substitutions tested: " + tested);
    }

    @Test
    void dammCheckDigitCatchesEveryAdjacentTransposition() {
        PseudonymFormat format = new PseudonymFormat(Encoding.DIGITS, 8, "P-", true);
        int[] result = adjacentTranspositions(format, 200);
        assertEquals(0, result[1], "undetected transpositions out of " + result[0]);
        assertTrue(result[0] > 1000, "transpositions tested: " + result[0]);
    }

    /**
     * ISO 7064 hybrid systems (MOD 37,36) detect every single substitution but not quite every
     * adjacent transposition: for some (running value, a, b) swapping a and b gives the same check.
     * Exhaustively about 0.16% of the body pairs for base32 and 0.35% for hex slip through.
     */
    @ParameterizedTest
    @EnumSource(value = Encoding.class, names = {"BASE32", "HEX"})
    void mod3736CheckCharacterCatchesAtLeast99PercentOfAdjacentTranspositions(Encoding encoding) {
        PseudonymFormat format = new PseudonymFormat(encoding, 12, "P-", true);
        int[] result = adjacentTranspositions(format, 200);
        assertTrue(result[0] > 1000, "transpositions tested: " + result[0]);
        assertTrue(result[1] <= result[0] / 100, result[1] + " of " + result[0] + " transpositions undetected");
    }

    @Test
    void hasValidCheckRejectsAWrongPrefix() {
        PseudonymFormat format = new PseudonymFormat(Encoding.BASE32, 12, "PAT-", true);
        String pseudonym = generator.pseudonym("patient", "Jane Roe", format);
        assertFalse(PseudonymGenerator.hasValidCheck("PAX-" + pseudonym.substring(4), format));
    }

    @Test
    void hasValidCheckRejectsAWrongLength() {
        PseudonymFormat format = new PseudonymFormat(Encoding.BASE32, 12, "", true);
        String pseudonym = generator.pseudonym("patient", "Jane Roe", format);
        assertFalse(PseudonymGenerator.hasValidCheck(pseudonym.substring(1), format));
        assertFalse(PseudonymGenerator.hasValidCheck(pseudonym + "0", format));
    }

    @Test
    void hasValidCheckRejectsLowerCaseBase32() {
        PseudonymFormat format = new PseudonymFormat(Encoding.BASE32, 12, "", true);
        String pseudonym = generator.pseudonym("patient", "Jane Roe", format);
        String lower = pseudonym.substring(0, 12).toLowerCase(java.util.Locale.ROOT) + pseudonym.charAt(12);
        assertNotEquals(pseudonym, lower, "sample must contain a letter");
        assertFalse(PseudonymGenerator.hasValidCheck(lower, format));
    }

    @Test
    void hasValidCheckRejectsExcludedCrockfordLetters() {
        PseudonymFormat format = new PseudonymFormat(Encoding.BASE32, 8, "", false);
        assertFalse(PseudonymGenerator.hasValidCheck("0123456I", format));
        assertFalse(PseudonymGenerator.hasValidCheck("0123456U", format));
    }

    @Test
    void hasValidCheckWithoutCheckCharacterVerifiesPrefixLengthAndAlphabet() {
        PseudonymFormat format = new PseudonymFormat(Encoding.DIGITS, 8, "MRN", false);
        assertTrue(PseudonymGenerator.hasValidCheck(generator.pseudonym("mrn", "4711", format), format));
        assertTrue(PseudonymGenerator.hasValidCheck("MRN01234567", format));
        assertFalse(PseudonymGenerator.hasValidCheck("MRN0123456A", format));
    }

    @Test
    void sixtyBitPseudonymsOfAHundredThousandValuesDoNotCollide() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            seen.add(generator.pseudonym("mrn", Integer.toString(i), PseudonymFormat.DEFAULT));
        }
        assertEquals(100_000, seen.size());
    }

    @Test
    void parallelCallsGiveTheSameResultsAsSequentialCalls() throws Exception {
        PseudonymFormat format = new PseudonymFormat(Encoding.DIGITS, 10, "", true);
        List<String> sequential = TestSupport.sequential(5_000, i -> generator.pseudonym("mrn", "v" + i, format));
        PseudonymGenerator shared = new PseudonymGenerator(TestSupport.vectorSecret());
        assertEquals(sequential, TestSupport.parallel(5_000, i -> shared.pseudonym("mrn", "v" + i, format)));
    }

    /** Swaps every pair of adjacent, different characters after the prefix: {tested, undetected}. */
    private int[] adjacentTranspositions(PseudonymFormat format, int samples) {
        int tested = 0;
        int undetected = 0;
        int from = format.prefix().length();
        for (int n = 0; n < samples; n++) {
            String pseudonym = generator.pseudonym("sample", "subject " + n, format);
            for (int i = from; i + 1 < pseudonym.length(); i++) {
                char a = pseudonym.charAt(i);
                char b = pseudonym.charAt(i + 1);
                if (a != b) {
                    String swapped = pseudonym.substring(0, i) + b + a + pseudonym.substring(i + 2);
                    tested++;
                    if (PseudonymGenerator.hasValidCheck(swapped, format)) {
                        undetected++;
                    }
                }
            }
        }
        return new int[] {tested, undetected};
    }

    private List<String> samplePseudonyms(PseudonymFormat format) {
        return TestSupport.sequential(40, i -> generator.pseudonym("sample", "subject " + i, format));
    }

    private static String alphabetOf(Encoding encoding) {
        return switch (encoding) {
            case BASE32 -> PseudonymGenerator.CROCKFORD;
            case HEX -> "0123456789abcdef";
            case DIGITS -> "0123456789";
        };
    }

    /** Decision 0108: a subject id written in groups of digits is one id with or without its separators. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            999 001 2342  | 9990012342
            999-001-2342  | 9990012342
            9990012342    | 9990012342
            12-345678     | 12345678
            580412-3921   | 5804123921
            AB 123 456    | AB 123 456
            1EG4-TE5-MK73 | 1EG4-TE5-MK73
            2023-01-09    | 20230109
            12.5          | 12.5
            03/04/2021    | 03/04/2021
            999  001      | 999  001
            -123          | -123
            123-          | 123-
            12--34        | 12--34
            """)
    void digitGroupsLoseTheirSeparators(String normalized, String expected) {
        assertEquals(expected, PseudonymGenerator.digitGroupsJoined(normalized));
    }

    /** Decision 0120: a whole number written with a fraction of zeros (an Oracle NUMBER id as exported) is the integer. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} -> {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            18830412.00   | 18830412
            40112233.0    | 40112233
            0012.000      | 0012
            18830412      | 18830412
            12.50         | 12.50
            12.05         | 12.05
            .00           | .00
            12.           | 12.
            -12.00        | -12.00
            1.2.00        | 1.2.00
            A12.00        | A12.00
            """)
    void aWholeNumbersFractionOfZerosIsDropped(String value, String expected) {
        assertEquals(expected, PseudonymGenerator.zeroFractionDropped(value));
    }

    /** Decision 0120: {@code 18830412.00} and {@code 18830412} are one id in every domain, other decimals are not. */
    @Test
    void anIdWrittenAsAnOracleNumberHasTheIntegersPseudonym() {
        PseudonymFormat f = PseudonymFormat.DEFAULT;
        assertEquals(generator.pseudonym("encounter", "40112233", f), generator.pseudonym("encounter", "40112233.00", f));
        assertEquals(generator.pseudonym("patient", "18830412", f), generator.pseudonym("patient", " 18830412.0 ", f));
        assertNotEquals(generator.pseudonym("lab", "12.5", f), generator.pseudonym("lab", "12.50", f));
        assertEquals("18830412", PseudonymGenerator.normalizeSubjectId("18830412.00"));
    }
}
