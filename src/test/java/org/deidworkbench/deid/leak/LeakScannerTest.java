package org.deidworkbench.deid.leak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The matcher finds each original in the notations output may use, and PHI shapes, and nothing else. */
class LeakScannerTest {

    private static LeakDictionary dictionary(String... originals) {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        for (String o : originals) {
            b.add(o, "test");
        }
        return b.build();
    }

    private static List<LeakScanner.Hit> scan(LeakDictionary d, String text) {
        return scan(d, text, Set.of(), false);
    }

    private static List<LeakScanner.Hit> scan(LeakDictionary d, String text, Set<String> pseudonyms, boolean reveal) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        new LeakScanner(d, pseudonyms, reveal, hits::add).value(text, () -> "here");
        return hits;
    }

    private static long originals(LeakDictionary d, String text) {
        return scan(d, text).stream().filter(h -> h.kind() == LeakScanner.Kind.ORIGINAL).count();
    }

    @Test
    void findsAValueWhateverItsCaseSpacingAndPunctuation() {
        LeakDictionary d = dictionary("Avery Quillfeather");
        assertEquals(1, originals(d, "seen: AVERY   quillfeather, today"));
        assertEquals(1, originals(d, "avery-quillfeather"));
        assertEquals(1, originals(d, "Avery\nQuillfeather"));
    }

    @Test
    void findsValuesAnchoredOnALongTokenAndAShortOneAfterIt() {
        // each original's only pair of tokens is a long token then a short one: anchors of the filter keyed by the pair
        // (decision 0066); among many such anchors ending in the same short tokens, each found only where it occurs
        List<String> originals = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            originals.add("Lindenweg" + (char) ('A' + i % 26) + (char) ('A' + i / 26 % 26) + " " + (i % 10));
        }
        originals.add("Quillfeather B");
        LeakDictionary d = dictionary(originals.toArray(String[]::new));
        assertEquals(1, originals(d, "lives at lindenwegcb 8, since 2001"));
        assertEquals(1, originals(d, "QUILLFEATHER-B"));
        assertEquals(0, originals(d, "lives at lindenwegcb 3 and Quillfeather C"));
        assertEquals(2, originals(d, "Lindenwegzz 5; lindenwegaa 0"));
    }

    @Test
    void fourDigitSurrogateKeysDoNotMakeEveryYearAHitButFiveDigitValuesAreStillFound() {
        // an OMOP-like export's condition_occurrence_id 2021 and a ZIP code 02139 among the originals
        LeakDictionary d = dictionary("2021", "02139");
        assertEquals(0, originals(d, "onset 2021-05-03, seen 05/03/2021, id 2021"));
        assertEquals(1, originals(d, "lives in 02139"));
    }

    @Test
    void findsANameInTheOtherOrderAsDicomWritesIt() {
        assertEquals(1, originals(dictionary("MÜLLER^JÜRGEN"), "Patient Jürgen Müller"));
        assertEquals(1, originals(dictionary("Jürgen Müller"), "MUELLER? no: MULLER^JURGEN^^"));
    }

    @Test
    void accentsAndFullWidthFormsDoNotHideAValue() {
        assertEquals(1, originals(dictionary("Müller"), "MULLER"));
        assertEquals(1, originals(dictionary("Muller"), "müller"));
        assertEquals(1, originals(dictionary("100353"), "ＭＲＮ １００３５３"));
    }

    @Test
    void findsDigitGroupsWrittenAsOneRunAndTheRunWrittenInGroups() {
        assertEquals(1, originals(dictionary("555-510-3014"), "call 5555103014"));
        assertEquals(1, originals(dictionary("555-510-3014"), "call (555) 510 3014"));
    }

    @Test
    void findsTheLongDigitGroupOfAPrefixedIdentifierAlone() {
        assertEquals(1, originals(dictionary("MRN-004711"), "chart 004711 reviewed"));
    }

    /**
     * Decision 0164: a UDI's human-readable carrier is kept as its patient's identifier; its GTIN names the device's
     * model (the output keeps it as the UDI's device identifier) and is no leak alone, while its serial and lot are.
     */
    @Test
    void aUdiCarriersSerialIsFoundAloneAndItsModelsGtinIsNot() {
        String carrier = "(01)00643169007222(17)260430(10)LOT7731X(21)SN44820917(21)448209170";
        assertEquals(0, originals(dictionary(carrier), "deviceIdentifier 00643169007222"));
        assertEquals(1, originals(dictionary(carrier), "serial 448209170 read off the box"));
        assertEquals(2, originals(dictionary(carrier), "label (01)00643169007222(17)260430(10)LOT7731X(21)SN44820917"
                + "(21)448209170"), "the whole carrier, and its serial");
        assertEquals(1, originals(dictionary("MRN 00643169007222 (01)"), "chart 00643169007222"),
                "a digit group is a product code only after its application identifier");
    }

    @Test
    void findsADateInOtherNotations() {
        LeakDictionary d = dictionary("1933-02-05");
        for (String text : List.of("02/05/1933", "05.02.1933", "19330205", "Feb 5, 1933", "5 February 1933",
                "5. Februar 1933", "1933-2-5")) {
            assertEquals(1, originals(d, "born " + text), text);
        }
    }

    @Test
    void doesNotMatchInsideALongerNumberOrWord() {
        assertEquals(0, originals(dictionary("100353"), "1003531 and 2100353"));
        assertEquals(0, originals(dictionary("Ann Lee"), "Annabel Leeds"));
    }

    @Test
    void findsANumberGluedToLetters() {
        assertEquals(1, originals(dictionary("100353"), "CT100353.dcm"));
    }

    @Test
    void digitsInsideAPseudonymAreNotAnOriginalButInsideAnotherWordAre() {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        b.add("100353", "test");
        b.pseudonym("XQ100353RT");
        LeakDictionary d = b.build();
        assertEquals(0, originals(d, "patient XQ100353RT"));
        assertEquals(1, originals(d, "patient XQ100353RZ"));
    }

    @Test
    void aCandidateDroppedInItsWordNeverAsksWhereItIs() {
        // the location is asked only on a hit (decision 0082): for an NDJSON part it means counting the lines of every
        // part before it, so a pseudonym holding an original's digits must not ask it
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        b.add("100353", "test");
        b.pseudonym("XQ100353RT");
        LeakDictionary d = b.build();
        List<LeakScanner.Hit> hits = new ArrayList<>();
        int[] asked = new int[1];
        LeakScanner scanner = new LeakScanner(d, Set.of(), false, hits::add);
        scanner.value("patient XQ100353RT", () -> "value " + ++asked[0]);
        assertEquals(List.of(), hits);
        assertEquals(0, asked[0]);
        scanner.value("seen XQ100353RZ", () -> "value " + ++asked[0]);
        assertEquals(List.of("value 1"), hits.stream().map(LeakScanner.Hit::location).toList());
    }

    @Test
    void valuesTooShortToTellFromTextAreNotLookedFor() {
        LeakDictionary d = dictionary("123", "Li", "unknown");
        assertEquals(0, d.patterns());
        assertEquals(0, originals(d, "123 Li unknown"));
    }

    @Test
    void aHitCarriesTheValueOnlyWhenRevealing() {
        LeakDictionary d = dictionary("Quillfeather");
        assertNull(scan(d, "Quillfeather", Set.of(), false).get(0).value());
        assertEquals("Quillfeather", scan(d, "quillfeather", Set.of(), true).get(0).value());
    }

    @Test
    void manyValuesAreFoundInOnePass() {
        LeakDictionary.Builder b = new LeakDictionary.Builder();
        for (int i = 0; i < 10_000; i++) {
            b.add("P" + (1_000_000 + i), "test");
        }
        LeakDictionary d = b.build();
        assertEquals(2, originals(d, "ids P1000007 and p1009999 but not P1010000"));
    }

    @Test
    void findsPhiShapes() {
        LeakDictionary d = dictionary();
        List<LeakScanner.Kind> kinds = scan(d, "SSN 123-45-6789, call (555) 201-3344, mail a.b@example.org, "
                + "MRN: 4412345, DOB 03/14/1956").stream().map(LeakScanner.Hit::kind).toList();
        assertTrue(kinds.containsAll(List.of(LeakScanner.Kind.SSN, LeakScanner.Kind.PHONE, LeakScanner.Kind.EMAIL,
                LeakScanner.Kind.MRN, LeakScanner.Kind.DATE_OF_BIRTH)), kinds::toString);
    }

    /** Each PHI shape as a whole value, in each notation its pattern has, scanned as a string and in a char buffer. */
    @Test
    void findsEachPhiShapeAloneInEachNotationFromAStringAndFromACharBuffer() {
        LeakDictionary d = dictionary();
        String[][] cases = {
            {"SSN", "123-45-6789"}, {"SSN", "123 45 6789"}, {"PHONE", "555.201.3344"}, {"PHONE", "(555) 201-3344"},
            {"PHONE", "+1 555 201 3344"}, {"EMAIL", "a.b@example.org"}, {"MRN", "MRN 44123"},
            {"MRN", "Patient ID: 4412345"}, {"MRN", "medical record number 123456"},
            {"DATE_OF_BIRTH", "DOB 3/14/56"}, {"DATE_OF_BIRTH", "born 3-4-1956"}, {"DATE_OF_BIRTH", "dob: 1956-3-14"},
            {"DATE_OF_BIRTH", "DOB 19560314"}, {"DATE_OF_BIRTH", "born on March 14th, 1956"},
            {"DATE_OF_BIRTH", "geb. 14. März 1956"}, {"DATE_OF_BIRTH", "Geburtsdatum 14.3.56"},
            // Italian, Spanish, French, Dutch and Polish labels and month names (decision 0119)
            {"DATE_OF_BIRTH", "data di nascita 14 marzo 1956"}, {"DATE_OF_BIRTH", "nata il 14/03/1956"},
            {"DATE_OF_BIRTH", "fecha de nacimiento: 14 de marzo de 1956"}, {"DATE_OF_BIRTH", "nacido el 14-MAR-1956"},
            {"DATE_OF_BIRTH", "née le 14 mars 1956"}, {"DATE_OF_BIRTH", "geboortedatum 14-03-1956"},
            {"DATE_OF_BIRTH", "data urodzenia 14 marca 1956"}, {"DATE_OF_BIRTH", "urodzona 14.03.1956"},
        };
        for (String[] c : cases) {
            List<String> expected = List.of(c[0]);
            assertEquals(expected, scan(d, c[1]).stream().map(h -> h.kind().name()).toList(), c[1]);
            List<LeakScanner.Hit> hits = new ArrayList<>();
            char[] buffer = ("x" + c[1] + "yz").toCharArray();
            new LeakScanner(d, Set.of(), true, hits::add).value(buffer, 1, c[1].length(), () -> "here");
            assertEquals(scan(d, c[1], Set.of(), true), hits, c[1] + " in a buffer");
        }
        // labels and digit groups with no pattern's digits: a FHIR reference, a decimal, a short date
        for (String clean : List.of("Patient/NA0C987BWZ8AHHRRA5VM", "178.25", "DOB 3/14", "MRN 4412", "123 45 678")) {
            assertEquals(List.of(), scan(d, clean), clean);
        }
    }

    @Test
    void cleanTextHasNoHits() {
        LeakDictionary d = dictionary("Avery Quillfeather", "100353", "1933-02-05");
        assertEquals(List.of(), scan(d, "Pt seen on 05/31/2023 by Dr. [NAME]. MRN 6TNS2EGT6NEX. Call back at [PHONE]."
                + " Creatinine 1.2 mg/dL, range 0.6-1.3; 2024-03-21 13:39"));
    }

    @Test
    void aPseudonymShapedLikeAPatternIsNotAHit() {
        assertEquals(List.of(), scan(dictionary(), "MRN 48213975", Set.of("48213975"), false));
        assertEquals(1, scan(dictionary(), "MRN 48213975", Set.of(), false).size());
    }

    private static List<LeakScanner.Hit> raw(LeakDictionary d, byte[] bytes, int chunk) {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        LeakScanner s = new LeakScanner(d, Set.of(), false, hits::add);
        s.startRaw();
        for (int i = 0; i < bytes.length; i += chunk) {
            s.rawBytes(bytes, i, Math.min(chunk, bytes.length - i));
        }
        s.endRaw();
        return hits;
    }

    @Test
    void rawTextIsDecodedAsUtf8AcrossChunksAndLocatedByLine() {
        byte[] text = "first line\nsecond: Jürgen Müller\n".getBytes(StandardCharsets.UTF_8);
        List<LeakScanner.Hit> hits = raw(dictionary("Müller, Jürgen"), text, 1);
        assertEquals(1, hits.size());
        assertEquals("line 2", hits.get(0).location());
    }

    @Test
    void rawLatin1BytesAreReadAsLatin1() {
        byte[] text = "Name;M\u00fcller\n".getBytes(Charset.forName("ISO-8859-1"));
        assertEquals(1, raw(dictionary("Müller"), text, 4096).size());
    }

    @Test
    void rawPhiPatternsAreFoundInLongLines() {
        String padding = "x ".repeat(5000);
        byte[] text = (padding + " SSN 123-45-6789 " + padding).getBytes(StandardCharsets.UTF_8);
        assertTrue(raw(dictionary(), text, 1000).stream().anyMatch(h -> h.kind() == LeakScanner.Kind.SSN));
    }

    /** Shapes of other countries' exports: a French phone in pairs and a Swedish personnummer or Danish CPR. */
    @Test
    void findsFrenchPhonesAndNordicPersonalNumbers() {
        LeakDictionary d = dictionary();
        List<LeakScanner.Kind> kinds = scan(d, "Épouse joignable au 06 12 34 56 78.").stream()
                .map(LeakScanner.Hit::kind).toList();
        assertEquals(List.of(LeakScanner.Kind.PHONE), kinds);
        for (String other : List.of("tél. 01.42.68.53.00", "portable +33 6 12 34 56 78", "fixe 04-72-11-22-33")) {
            assertEquals(List.of(LeakScanner.Kind.PHONE), scan(d, other).stream().map(LeakScanner.Hit::kind).toList(), other);
        }
        kinds = scan(d, "pnr 580412-3921, CPR 010179-2286").stream().map(LeakScanner.Hit::kind).toList();
        assertEquals(List.of(LeakScanner.Kind.NATIONAL_ID, LeakScanner.Kind.NATIONAL_ID), kinds);
        assertTrue(scan(d, "glycémie 7,4 mmol/L le 05/03/2021, LOINC 2345-7").isEmpty());
    }

    /** UK phones in the groupings the UK writes them in (the US and French shapes miss them). */
    @Test
    void findsUkPhones() {
        LeakDictionary d = dictionary();
        for (String text : List.of("Her daughter can be reached on 07700 900456.", "tel. 029 2087 4411", "01865 741166",
                "+44 (0)29 2087 4000", "mobile +44 7700 900123", "(01865) 741166")) {
            assertEquals(List.of(LeakScanner.Kind.PHONE), scan(d, text).stream().map(LeakScanner.Hit::kind).toList(), text);
        }
        for (String text : List.of("SNOMED 1019431000000105", "HbA1c 58 mmol/mol on 05/03/2021", "ISO 9001 2015",
                "EPIKEY 300012345671")) {
            assertTrue(scan(d, text).isEmpty(), text);
        }
    }

    /**
     * Decision 0124: a US Medicare Beneficiary Identifier (with or without its dashes), an IPv6 address (full or with
     * {@code ::}), a MAC address (colons or dashes) and a UK NHS number with a valid check digit (3-3-4, which is a US
     * phone's shape too, or after the word NHS) are reported, in a value and in a raw line.
     */
    @Test
    void findsMbisIpv6AndMacAddressesAndNhsNumbers() {
        LeakDictionary d = dictionary();
        String[][] cases = {
            {"MBI", "MBI 1EG4TE5MK73"}, {"MBI", "Medicare 1EG4-TE5-MK73 on file"}, {"MBI", "9AA0A00AA00"},
            {"IP_ADDRESS", "from 2001:db8:85a3:0:0:8a2e:370:7334 at login"}, {"IP_ADDRESS", "host fe80::1ff:fe23:4567:890a"},
            {"IP_ADDRESS", "2001:DB8::8A2E:370:7334"},
            {"MAC_ADDRESS", "wifi 00:1A:2B:3C:4D:5E"}, {"MAC_ADDRESS", "mac 3c-22-fb-9a-01-7d"},
            {"NATIONAL_ID", "NHS 9434765919"}, {"NATIONAL_ID", "NHS number: 943-476-5919"},
        };
        for (String[] c : cases) {
            assertEquals(List.of(c[0]), scan(d, c[1]).stream().map(h -> h.kind().name()).toList(), c[1]);
            assertEquals(List.of(c[0]), raw(d, (c[1] + "\n").getBytes(StandardCharsets.UTF_8), 7).stream()
                    .map(h -> h.kind().name()).toList(), c[1] + " raw");
        }
        // the NHS's own grouping is a US phone's too: with a valid check digit it is the NHS number, once; with a country
        // code or an invalid check digit a phone
        assertEquals(List.of("NATIONAL_ID"), scan(d, "943 476 5919").stream().map(h -> h.kind().name()).toList());
        assertEquals(List.of("PHONE"), scan(d, "943 476 5918").stream().map(h -> h.kind().name()).toList());
        assertEquals(List.of("PHONE"), scan(d, "+1 943 476 5919").stream().map(h -> h.kind().name()).toList());
    }

    /** Decision 0124: what merely looks like those shapes stays silent. */
    @Test
    void codesUidsHashesAndTimesAreNotMbisAddressesOrNhsNumbers() {
        LeakDictionary d = dictionary();
        for (String clean : List.of(
                "1EG4TE5MK7", "1EG4TE5MK734", "1SG4TE5MK73", "0EG4TE5MK73", "1eg4te5mk73", "1EG4-TE5MK73", // not MBIs
                "TWGAYFDZH67PK50M3KP6", "Patient/NA0C987BWZ8AHHRRA5VM", "LOINC 4548-4", "ICD10:E11.9",
                "1.2.840.10008.5.1.4.1.1.2", "2.25.329800735698586629295641978511506172918",
                "9bb6da5b516826e6d0cc5482daaefac89479fb4e758a98904023a490836d9f7f",
                "550E8400-E29B-41D4-A716-446655440000", "2023-02-06T23:05:00-05:00", "08:00 10:30 12:15 14:00 16:45 18:00",
                "std::vector", "::1", "a:b:c", "2019-06-12 10:30:00",
                "NHS 9434765918", "NHS 1234567890", "9434765919", "ratio 00:1A:2B:3C:4D", "ISBN 978-3-16-148410-0")) {
            assertEquals(List.of(), scan(d, clean), clean);
            assertEquals(List.of(), raw(d, (clean + "\n").getBytes(StandardCharsets.UTF_8), 5), clean + " raw");
        }
    }

    /**
     * Decision 0108: the key file records a subject id of digit groups without its separators as the pseudonym's
     * original, and the spelling the input used among the subject's known identifiers: both spellings are hits.
     */
    @Test
    void aSubjectIdRecordedWithoutItsSeparatorsIsFoundInTheSpellingsTheInputUsed() {
        LeakDictionary d = dictionary("9990012342", "999 001 2342");
        for (String text : List.of("NHS 999 001 2342 seen", "NHS 9990012342 seen", "NHS 999-001-2342 seen")) {
            assertTrue(originals(d, text) > 0, text);
        }
        assertEquals(0, originals(d, "NHS 999 001 2343 seen"));
    }
}
