package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deidworkbench.deid.classify.NameWithId;
import org.junit.jupiter.api.Test;

class KnownIdentifiersTest {

    /** Decision 0174: the words of a name the verifier looks for alone, as the scrubber removes them alone. */
    @Test
    void aNamesWordsAloneAreTheSurnameAndGivenNamesNotInitialsOrWords() {
        assertEquals(List.of("GRUNDLEBY", "ISADORA"), KnownIdentifiers.nameWords("GRUNDLEBY, ISADORA P"));
        assertEquals(List.of("Fairweather", "Quill", "Octavia"), KnownIdentifiers.nameWords("Fairweather-Quill, Octavia M."));
        assertEquals(List.of("Kühnapfel", "Wendelin"), KnownIdentifiers.nameWords("Kühnapfel Wendelin"));
        assertEquals(List.of("QUERNBY", "ALOYSIUS"), KnownIdentifiers.nameWords("QUERNBY^ALOYSIUS^T"), "a DICOM name");
        // an ordinary word in a name is not looked for alone ("Young" in "young adult"); nor are institutions' names,
        // one-word values (looked for as they are) and values that are not names
        assertEquals(List.of("Bartholomew"), KnownIdentifiers.nameWords("Bartholomew Young"));
        assertEquals(List.of(), KnownIdentifiers.nameWords("Harrowgate Memorial Hospital"));
        assertEquals(List.of(), KnownIdentifiers.nameWords("GRUNDLEBY"));
        assertEquals(List.of(), KnownIdentifiers.nameWords("41 Foxglove Terrace"));
        assertEquals(List.of(), KnownIdentifiers.nameWords("i.grundleby@example.org"));
    }

    /** Decision 0230: a name noted in DICOM's notation (a RIS export's column) is found word by word in a note. */
    @Test
    void aDicomNamesWordsAreFoundAloneAsAnyNamesAre() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("QUILLFEATHER^ROSALIND^M", "[NAME]");
        assertEquals("[NAME]", ids.replacement("QUILLFEATHER"), "the surname alone (\"pt QUILLFEATHER c/o SOB\")");
        assertEquals("[NAME]", ids.replacement("ROSALIND"), "the given name alone");
        assertEquals("[NAME]", ids.replacement("ROSALIND M QUILLFEATHER"), "rotated, as a spaced name of three words");
    }

    @Test
    void numericValueWithThreeDigitsIsIgnored() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("123", "[ID]");
        ids.add("1-2-3", "[ID]");
        assertEquals(0, ids.size());
    }

    @Test
    void numericValueWithFourDigitsIsKept() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("4711", "[ID]");
        assertEquals("[ID]", ids.replacement("4711"));
    }

    @Test
    void singleCharacterIsIgnoredAndTwoLettersAreKept() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("A", "[NAME]");
        assertEquals(0, ids.size());
        ids.add("Li", "[NAME]");
        assertEquals("[NAME]", ids.replacement("LI"));
    }

    @Test
    void uuidOfThirtyTwoTokensIsKnownAndALongerValueIsNot() {
        // Synthea, FHIR servers and many EHRs key patients by UUID: letters and digits alternate, up
        // to 32 tokens for the 32 hex digits. They must be found again in notes and file names.
        KnownIdentifiers ids = new KnownIdentifiers();
        String uuid = "a1b2c3d4-e5f6-a7b8-c9d0-e1f2a3b4c5d6";
        assertEquals(32, KnownIdentifiers.tokens(uuid).size());
        ids.add(uuid, "PAT-U");
        assertEquals("PAT-U", ids.replacement(String.join(" ", KnownIdentifiers.tokens(uuid))));
        String longer = uuid + "-e7";
        ids.add(longer, "[ID]");
        assertNull(ids.replacement(String.join(" ", KnownIdentifiers.tokens(longer))));
    }

    @Test
    void blankValueIsIgnored() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("  -- ", "[NAME]");
        assertEquals(0, ids.size());
    }

    @Test
    void commonWordAloneIsIgnored() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Unknown", "[NAME]");
        ids.add("patient", "[NAME]");
        ids.add("Female", "[SEX]");
        assertEquals(0, ids.size());
    }

    @Test
    void multiWordNameAlsoContributesEachUncommonWord() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Jorge van Okonkwo", "PAT-1");
        assertEquals("PAT-1", ids.replacement("JORGE VAN OKONKWO"));
        assertEquals("PAT-1", ids.replacement("JORGE"));
        assertEquals("PAT-1", ids.replacement("OKONKWO"));
        assertNull(ids.replacement("VAN"));
    }

    @Test
    void nameThatIsAlsoAWordIsKeptForCapitalisedMatchesOnly() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Hill", "[NAME]");
        assertNull(ids.replacement("HILL"));
        assertEquals("[NAME]", ids.capitalOnlyReplacement("HILL"));
    }

    @Test
    void ordinaryWordOfAnIdentifierValueIsNotAnIdentifier() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Springfield General Hospital", "[NAME]");
        assertNull(ids.replacement("GENERAL"));
        assertNull(ids.capitalOnlyReplacement("GENERAL"));
        assertEquals("[NAME]", ids.replacement("SPRINGFIELD"));
    }

    /** Decision 0180: an EHR's patient list prints its patients surname first with their record's number. */
    @Test
    void aNameWithItsRecordsNumberGivesTheNameAndTheNumberAlone() {
        assertEquals(List.of("QUACKENBOSS, PERPETUA", "00458812"),
                List.of(NameWithId.parts("QUACKENBOSS, PERPETUA (MRN 00458812)")));
        assertEquals(List.of("Fairbrother-Quaile, Anna M.", "00123456"),
                List.of(NameWithId.parts("Fairbrother-Quaile, Anna M. [00123456]")));
        assertEquals(List.of("SMITH, JOHN", "E4471205"), List.of(NameWithId.parts("SMITH, JOHN - E4471205")));
        assertNull(NameWithId.parts("Pneumonia, left lower lobe (J18.9)"), "a code is no record's number");
        assertNull(NameWithId.parts("QUACKENBOSS, PERPETUA"));
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("QUACKENBOSS, PERPETUA (MRN 00458812)", "[NAME]");
        assertEquals("[NAME]", ids.replacement("PERPETUA QUACKENBOSS"), "the name rotated, as a note writes it");
        assertEquals("[NAME]", ids.replacement("QUACKENBOSS"));
        assertEquals("[ID]", ids.replacement("00458812"), "the number alone, labelled as a number");
    }

    @Test
    void aSchoolsNameGivesItsOwnWordsAndTheWordsOfAFormAreNoIdentifiers() {
        // decision 0176: a pediatric REDCap project's school field ("<b>School</b> attended" lost its word to [NAME]);
        // a REDCap data dictionary's validation column taken for ids ("Phone number" came out as "Phone [ID]")
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Lowell Catholic High School", "[NAME]");
        ids.add("Hawthorne Brook Middle School", "[NAME]");
        for (String word : List.of("SCHOOL", "CATHOLIC", "HIGH", "MIDDLE")) {
            assertNull(ids.replacement(word), word);
            assertNull(ids.capitalOnlyReplacement(word), word);
        }
        assertEquals("[NAME]", ids.replacement("LOWELL"));
        assertEquals("[NAME]", ids.replacement("HAWTHORNE BROOK MIDDLE SCHOOL"));
        for (String word : List.of("number", "email", "zipcode", "integer", "phone")) {
            ids.add(word, "[ID]");
            assertNull(ids.replacement(word.toUpperCase(java.util.Locale.ROOT)), word);
        }
        ids.add("number_1dp", "[ID]");
        assertEquals("[ID]", ids.replacement("NUMBER 1 DP"), "a code with a word in it is still one");
    }

    @Test
    void theNameOfAnInstitutionGivesItsOwnWordsNotItsVocabulary() {
        // A real Synthea export: organisations' and payers' NAME columns are identifier columns, and their
        // words were scrubbed from clinical text ("Seasonique 91 [NAME] Pack", "prison", "Medicare").
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Forensic Mental Health Prison Health Service", "[NAME]");
        ids.add("Vision Day Surgery", "[NAME]");
        ids.add("Medicare", "[NAME]");
        ids.add("NO_INSURANCE", "[NAME]");
        ids.add("Springfield Quagmire Clinic", "[NAME]");
        ids.add("info@quagmire-clinic.example", "[EMAIL]");
        // Only the vocabulary of institutions: what the institution is, not which one.
        assertNull(ids.replacement("FORENSIC MENTAL HEALTH PRISON HEALTH SERVICE"));
        for (String word : List.of("PRISON", "FORENSIC", "MENTAL", "DAY", "VISION", "MEDICARE", "INSURANCE")) {
            assertNull(ids.replacement(word), word);
            assertNull(ids.capitalOnlyReplacement(word), word);
        }
        assertNull(ids.replacement("VISION DAY SURGERY"));
        assertEquals("[NAME]", ids.replacement("SPRINGFIELD QUAGMIRE CLINIC"));
        assertEquals("[NAME]", ids.replacement("QUAGMIRE"));
        assertEquals("[NAME]", ids.replacement("SPRINGFIELD"));
        assertNull(ids.replacement("INFO"));
        assertNull(ids.replacement("EXAMPLE"));

        // A person's name keeps its words, whatever they are.
        ids.add("Doris Day", "PAT-1", "[NAME]");
        assertEquals("PAT-1", ids.replacement("DORIS DAY"));
        assertEquals("[NAME]", ids.replacement("DORIS"));
        assertEquals("[NAME]", ids.capitalOnlyReplacement("DAY"));
    }

    @Test
    void shortMultiWordNameAlsoMatchesRotated() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Smith, John Paul", "PAT-1");
        assertEquals("PAT-1", ids.replacement("JOHN PAUL SMITH"));
        assertEquals("PAT-1", ids.replacement("PAUL SMITH JOHN"));
        assertNull(ids.replacement("JOHN SMITH PAUL"));
    }

    @Test
    void wordsOfANameCanHaveTheirOwnReplacement() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Okonkwo, Jorge", "PAT-1", "[NAME]");
        assertEquals("PAT-1", ids.replacement("OKONKWO JORGE"));
        assertEquals("PAT-1", ids.replacement("JORGE OKONKWO"));
        assertEquals("[NAME]", ids.replacement("JORGE"));
    }

    @Test
    void mixedValueDoesNotContributeSingleWords() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("12 Main Street", "[ADDRESS]");
        assertEquals("[ADDRESS]", ids.replacement("12 MAIN STREET"));
        assertNull(ids.replacement("MAIN"));
    }

    @Test
    void valuesAreComparedWithoutCaseAndPunctuation() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("o'brien-SMITH", "[NAME]");
        assertEquals("[NAME]", ids.replacement("O BRIEN SMITH"));
    }

    @Test
    void smallestReplacementWinsWhateverTheOrderOfAdding() {
        KnownIdentifiers forward = new KnownIdentifiers();
        forward.add("Jane Roe", "[NAME]");
        forward.add("Jane Roe", "B-PSEUDO");
        forward.add("Jane Roe", "A-PSEUDO");
        KnownIdentifiers backward = new KnownIdentifiers();
        backward.add("Jane Roe", "A-PSEUDO");
        backward.add("Jane Roe", "B-PSEUDO");
        backward.add("Jane Roe", "[NAME]");
        assertEquals("A-PSEUDO", forward.replacement("JANE ROE"));
        assertEquals("A-PSEUDO", backward.replacement("JANE ROE"));
        assertEquals(forward.replacement("ROE"), backward.replacement("ROE"));
    }

    @Test
    void replacementChoiceIsTheSameWhenAddedFromManyThreads() throws Exception {
        List<String> replacements = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            replacements.add(String.format("P%03d", i));
        }
        Collections.shuffle(replacements, new Random(42));
        KnownIdentifiers ids = new KnownIdentifiers();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (String r : replacements) {
                futures.add(pool.submit(() -> {
                    ids.add("Jane Roe", r);
                    ids.add("555-201-3344", r);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals("P000", ids.replacement("JANE ROE"));
        assertEquals("P000", ids.replacement("ROE"));
        assertEquals("P000", ids.replacement("555 201 3344"));
    }

    @Test
    void snapshotDoesNotSeeLaterAdditions() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Jane Roe", "P1");
        KnownIdentifiers frozen = ids.snapshot();
        int size = frozen.size();
        ids.add("Max Mustermann", "P2");
        ids.add("Jane Roe", "P0");
        assertEquals(size, frozen.size());
        assertNull(frozen.replacement("MAX MUSTERMANN"));
        assertEquals("P1", frozen.replacement("JANE ROE"));
        assertEquals("P0", ids.replacement("JANE ROE"));
    }

    @Test
    void aSnapshotAnswersEveryLookUpAsTheGrowingCollectionDoes() {
        // The snapshot turns most look-ups away by the keys' hashes: no known key and no first token may be lost.
        java.util.Random random = new java.util.Random(58);
        KnownIdentifiers ids = new KnownIdentifiers();
        List<String> probes = new java.util.ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            String value = switch (i % 4) {
                case 0 -> "MRN" + (100_000 + random.nextInt(900_000));
                case 1 -> java.util.UUID.nameUUIDFromBytes(new byte[] {(byte) i, (byte) (i >> 8), 7}).toString();
                case 2 -> (1 + random.nextInt(999)) + " Oak Street";
                default -> "Kim" + (char) ('a' + random.nextInt(26)) + " Lee" + (char) ('a' + random.nextInt(26));
            };
            ids.add(value, "P" + i, "[ID]");
            List<String> tokens = KnownIdentifiers.tokens(value);
            probes.add(String.join(" ", tokens));
            probes.add(tokens.get(0));
            probes.add(tokens.get(0) + " X");
            probes.add(String.join(" ", tokens) + "0");
        }
        KnownIdentifiers growing = new KnownIdentifiers();
        growing.addAll(ids);
        KnownIdentifiers frozen = ids.snapshot();
        for (String key : probes) {
            assertEquals(growing.replacement(key), frozen.replacement(key), key);
            assertEquals(growing.longestStartingWith(key), frozen.longestStartingWith(key), key);
        }
    }

    @Test
    void lettersAndDigitsGluedTogetherAreSeparateTokens() {
        assertEquals(List.of("MRN", "123456", "A", "1"), KnownIdentifiers.tokens("mrn123456 a1"));
    }

    @Test
    void aSnapshotKeepsWhatItHadAndTheCollectionGoesOnOverItWithTheSamePrecedence() throws Exception {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Desmond Delacroix", "PAT-B", "[NAME]");
        ids.add("555-201-3344", "[PHONE]");
        KnownIdentifiers first = ids.snapshot();
        ids.add("Desmond Delacroix", "PAT-A", "[NAME]"); // smaller: wins in the collection from now on
        ids.add("Ada Lovelace Byron", "[NAME]");
        KnownIdentifiers second = ids.snapshot();
        ids.add("Zed Zulu", "[NAME]");

        assertEquals("PAT-B", first.replacement("DESMOND DELACROIX"), "the first snapshot is unchanged");
        assertEquals(null, first.replacement("ADA LOVELACE BYRON"));
        assertEquals(2, first.longestStartingWith("DESMOND"));
        assertEquals(0, first.longestStartingWith("ADA"));
        assertEquals("PAT-A", second.replacement("DESMOND DELACROIX"));
        assertEquals("PAT-A", second.replacement("DELACROIX DESMOND"), "rotated, from the lower layer's key");
        assertEquals("[PHONE]", second.replacement("555 201 3344"), "from the lower layer");
        assertEquals(3, second.longestStartingWith("ADA"));
        assertEquals(null, second.replacement("ZED ZULU"));
        assertEquals("[NAME]", ids.replacement("ZED ZULU"));
        // As one collection with every value added: a copy merged from all layers answers the same.
        KnownIdentifiers merged = new KnownIdentifiers();
        merged.addAll(ids);
        for (String key : List.of("DESMOND DELACROIX", "DELACROIX DESMOND", "555 201 3344", "ADA LOVELACE BYRON",
                "ZED ZULU", "DESMOND", "DELACROIX", "NOBODY")) {
            assertEquals(merged.replacement(key), ids.replacement(key), key);
        }
        assertEquals(merged.size(), ids.size());
        // Serializable as before (a cluster ships snapshots to its workers).
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(second);
        }
        KnownIdentifiers back;
        try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(
                new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            back = (KnownIdentifiers) in.readObject();
        }
        assertEquals("PAT-A", back.replacement("DESMOND DELACROIX"));
        assertEquals("[PHONE]", back.replacement("555 201 3344"));
    }

    @Test
    void spilledIdentifiersAnswerExactlyAsIdentifiersInMemory(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.util.Random r = new java.util.Random(11);
        String[] first = {"Desmond", "Ada", "Hill", "Young", "Nia", "Jürgen", "Zoë"};
        String[] last = {"Delacroix", "Lovelace", "Müller", "Noor", "Smith", "Byron"};
        List<String[]> values = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            String v = switch (r.nextInt(4)) {
                case 0 -> first[r.nextInt(first.length)] + " " + last[r.nextInt(last.length)] + " " + r.nextInt(200);
                case 1 -> last[r.nextInt(last.length)] + ", " + first[r.nextInt(first.length)];
                case 2 -> "MRN" + (100000 + r.nextInt(5000));
                default -> "555-" + (100 + r.nextInt(900)) + "-" + (1000 + r.nextInt(9000));
            };
            String replacement = r.nextBoolean() ? "[NAME]" : "PAT-" + r.nextInt(400);
            values.add(new String[] {v, replacement, "[WORD" + r.nextInt(3) + "]"});
        }
        KnownIdentifiers memory = new KnownIdentifiers();
        KnownIdentifiers spilled = new KnownIdentifiers();
        try (org.deidworkbench.deid.spill.SpillArea area =
                org.deidworkbench.deid.spill.SpillArea.create(dir.resolve("spill"))) {
            spilled.spillTo(area, 50);
            for (String[] v : values) {
                memory.add(v[0], v[1], v[2]);
                spilled.add(v[0], v[1], v[2]);
            }
            KnownIdentifiers a = memory.snapshot();
            KnownIdentifiers b = spilled.snapshot();
            // Noted after the snapshot, then frozen again: a layer over the compact one.
            memory.add("Desmond Delacroix", "AAA-1", "[NAME]");
            spilled.add("Desmond Delacroix", "AAA-1", "[NAME]");
            KnownIdentifiers a2 = memory.snapshot();
            KnownIdentifiers b2 = spilled.snapshot();
            int found = 0;
            java.util.Set<String> probes = new java.util.TreeSet<>();
            for (String[] v : values) {
                List<String> tokens = KnownIdentifiers.tokens(v[0]);
                probes.add(String.join(" ", tokens));
                probes.addAll(tokens);
                probes.add(String.join(" ", tokens) + " X");
            }
            for (String key : probes) {
                assertEquals(a.replacement(key), b.replacement(key), key);
                assertEquals(a2.replacement(key), b2.replacement(key), key);
                assertEquals(a.longestStartingWith(key), b.longestStartingWith(key), key);
                assertEquals(a2.capitalOnlyReplacement(key), b2.capitalOnlyReplacement(key), key);
                found += a.replacement(key) == null ? 0 : 1;
            }
            assertTrue(found > 1000, "most probes are identifiers: " + found);
            assertEquals(a.size(), b.size());
            org.deidworkbench.deid.TextScrubber sa = new org.deidworkbench.deid.TextScrubber(a2);
            org.deidworkbench.deid.TextScrubber sb = new org.deidworkbench.deid.TextScrubber(b2);
            for (String[] v : values.subList(0, 300)) {
                String text = "Seen with " + v[0] + " and Hill on Monday; call " + v[0].toLowerCase();
                assertEquals(sa.scrubKnownIdentifiers(text), sb.scrubKnownIdentifiers(text));
            }
            org.junit.jupiter.api.Assertions.assertThrows(java.io.NotSerializableException.class,
                    () -> new java.io.ObjectOutputStream(new java.io.ByteArrayOutputStream()).writeObject(b2));
        }
    }

    @Test
    void aRepeatedValueStillTakesTheSmallestReplacement() {
        KnownIdentifiers ids = new KnownIdentifiers();
        ids.add("Quillfeather, Avery", "PSEUDO-Z", "[NAME]");
        ids.add("Quillfeather, Avery", "PSEUDO-A", "[NAME]");
        ids.add("Quillfeather, Avery", "PSEUDO-Z", "[NAME]");
        assertEquals("PSEUDO-A", ids.replacement("QUILLFEATHER AVERY"));
        KnownIdentifiers frozen = ids.snapshot();
        // After the snapshot the collection goes on in new maps: the same additions land there again.
        ids.add("Quillfeather, Avery", "PSEUDO-Z", "[NAME]");
        ids.add("Quillfeather, Avery", "PSEUDO-0", "[NAME]");
        assertEquals("PSEUDO-A", frozen.replacement("QUILLFEATHER AVERY"));
        assertEquals("PSEUDO-0", ids.replacement("QUILLFEATHER AVERY"));
        assertEquals("PSEUDO-0", ids.snapshot().replacement("AVERY QUILLFEATHER"));
    }

    /**
     * The scrubber joins a text's tokens only for a sequence the identifiers' hash tables may hold (decision 0151): a
     * multi-word identifier of every layer (frozen, growing under a later snapshot, spilled) is still found in a text,
     * and a sequence no layer holds is turned away before it is joined.
     */
    @Test
    void aMultiWordIdentifierOfEveryLayerIsFoundByItsJoinedHash(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        KnownIdentifiers growing = new KnownIdentifiers();
        growing.add("Anna Maria Vandersloot", "PAT-1");
        KnownIdentifiers first = growing.snapshot();
        growing.add("Jo Ann Lee-Brown", "PAT-2");
        growing.add("12 Hawthorn Close Pemberton Falls", "[ADDRESS]");
        KnownIdentifiers frozen = growing.snapshot();
        assertTrue(first.mayHaveReplacement("ANNA MARIA VANDERSLOOT".hashCode()));
        assertTrue(!first.mayHaveReplacement("JO ANN LEE BROWN".hashCode()), "a later layer's value in an earlier snapshot");
        for (KnownIdentifiers k : List.of(frozen, growing)) {
            assertTrue(k.mayHaveReplacement("ANNA MARIA VANDERSLOOT".hashCode()));
            assertTrue(k.mayHaveReplacement("JO ANN LEE BROWN".hashCode()));
            assertTrue(k.mayHaveReplacement("12 HAWTHORN CLOSE PEMBERTON FALLS".hashCode()));
        }
        assertTrue(!frozen.mayHaveReplacement("SEEN IN CLINIC".hashCode()));
        String scrubbed = new TextScrubber(frozen).scrub(
                "Anna Maria Vandersloot (sister of Jo Ann Lee-Brown) lives at 12 Hawthorn Close, Pemberton Falls.", null);
        for (String original : List.of("Anna", "Maria", "Vandersloot", "Jo Ann", "Lee-Brown", "Hawthorn", "Pemberton")) {
            assertTrue(!scrubbed.contains(original), "a known identifier's word is left: " + scrubbed);
        }
        try (org.deidworkbench.deid.spill.SpillArea area =
                org.deidworkbench.deid.spill.SpillArea.create(dir.resolve("spill"))) {
            KnownIdentifiers spilled = new KnownIdentifiers();
            spilled.spillTo(area, 2);
            for (int i = 0; i < 10; i++) {
                spilled.add("Quintessa Okonkwo Halloran " + (1000 + i), "PAT-" + i);
            }
            KnownIdentifiers s = spilled.snapshot();
            assertTrue(s.mayHaveReplacement("QUINTESSA OKONKWO HALLORAN 1003".hashCode()), "a spilled layer cannot tell");
            String text = new TextScrubber(s).scrub("Call Quintessa Okonkwo Halloran 1007 back", null);
            assertTrue(!text.contains("Okonkwo") && !text.contains("1007"), text);
        }
    }

    /** The hashes the scrubber probes with are those of the tokens joined by single spaces, in any script. */
    @Test
    void joinedHashesAreTheHashesOfTheJoinedTokens() {
        Random r = new Random(5);
        String[] words = {"ANNA", "MÜLLER", "СМИРНОВА", "ΠΑΠΑΔΟΠΟΥΛΟΥ", "12", "A", "诸葛明月", "O", "1234567890", "Ç"};
        int[] into = null;
        for (int round = 0; round < 500; round++) {
            List<String> tokens = new ArrayList<>();
            for (int i = 1 + r.nextInt(40); i > 0; i--) {
                tokens.add(words[r.nextInt(words.length)] + (r.nextInt(3) == 0 ? words[r.nextInt(words.length)] : ""));
            }
            int t = r.nextInt(tokens.size());
            int longest = 1 + r.nextInt(tokens.size() - t);
            into = TextScrubber.joinedHashes(tokens, t, longest, into);
            for (int k = 1; k <= longest; k++) {
                assertEquals(String.join(" ", tokens.subList(t, t + k)).hashCode(), into[k]);
            }
        }
    }

    /**
     * Decision 0169: a note names the street of a patient's address without its number ("lives on Foxglove Terrace");
     * the street is known as a phrase, in the notations of several countries, and neither a word of it alone nor a
     * postal box, a flat or a street of one ordinary word.
     */
    @Test
    void theStreetOfAKnownAddressIsKnownWithoutItsNumber() {
        KnownIdentifiers ids = new KnownIdentifiers();
        for (String address : List.of("41 Foxglove Terrace", "2201 Juniper Ave Apt 4B", "Hauptstraße 12a",
                "Calle de Hortaleza 57, 3º B", "12 bis, avenue Foch", "Flat 2, 18 Hawthorn Close", "PO Box 4127",
                "Apt 4B", "88 Broadway", "5 Main St", "Am Kirschgarten 7", "7 Larkspur Lane, Springfield, IL 62704")) {
            ids.add(address, "[ADDRESS]");
        }
        for (String street : List.of("FOXGLOVE TERRACE", "JUNIPER AVE", "HAUPTSTRASSE", "CALLE DE HORTALEZA",
                "AVENUE FOCH", "HAWTHORN CLOSE", "MAIN ST", "AM KIRSCHGARTEN", "LARKSPUR LANE")) {
            assertEquals("[ADDRESS]", ids.replacement(street), street);
        }
        for (String none : List.of("FOXGLOVE", "TERRACE", "CALLE", "DE", "PO BOX", "BOX", "APT", "BROADWAY", "MAIN",
                "FLAT")) {
            assertNull(ids.replacement(none), none);
        }
        assertEquals("[ADDRESS]", ids.replacement("41 FOXGLOVE TERRACE"), "the address as a whole, as before");
        KnownIdentifiers names = new KnownIdentifiers();
        names.add("41 Foxglove Terrace", "[ID]");
        assertNull(names.replacement("FOXGLOVE TERRACE"), "only a value noted as an address");
        TextScrubber s = new TextScrubber(ids);
        assertEquals("She lives on [ADDRESS] in town; a terrace garden; wohnt in der [ADDRESS].",
                s.scrub("She lives on Foxglove Terrace in town; a terrace garden; wohnt in der Hauptstraße.", null));
    }
}
