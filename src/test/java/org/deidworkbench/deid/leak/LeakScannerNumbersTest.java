package org.deidworkbench.deid.leak;

import static org.deidworkbench.deid.leak.PatternScans.EMPTY;
import static org.deidworkbench.deid.leak.PatternScans.bytes;
import static org.deidworkbench.deid.leak.PatternScans.raw;
import static org.deidworkbench.deid.leak.PatternScans.sources;
import static org.deidworkbench.deid.leak.PatternScans.value;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier finds the health and national numbers, postcodes and IPv4 addresses {@code deid run} finds (decision
 * 0128), in a value, in its bytes and in a raw stream, and stays quiet on codes, values and numbers whose check digit
 * is wrong. Failure messages name the kind and the text's case, which are made up.
 */
class LeakScannerNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            IHI 8003 6055 4433 2212 on file         | pattern health number (IHI)
            ihi 8003605544332212                    | pattern health number (IHI)
            Medicare 2123 45670 1/2 seen            | pattern health number (Medicare)
            card 2123 45670 1 expired               | pattern health number (Medicare)
            NHI ZZZ0016 reviewed                    | pattern health number (NHI)
            transferred (ZSC21TN) today             | pattern health number (NHI)
            ref zbn77vl.                            | pattern health number (NHI)
            DVA Gold Card NX901667.                 | pattern health number (DVA)
            DVA file no. VX123467                   | pattern health number (DVA)
            OHIP 4532-128-875-AB                    | pattern health number (Canadian health number)
            card 4532128875AB                       | pattern health number (Canadian health number)
            HCN 4532 128 875 noted                  | pattern health number (Canadian health number)
            PHN 9698 658 215, day surgery           | pattern health number (Canadian health number)
            RAMQ TREM 6252 1412.                    | pattern health number (RAMQ)
            RAMQ TREM62521412                       | pattern health number (RAMQ)
            SIN 130 692 544 on file                 | pattern national id (SIN)
            numbers 130-692-544 given               | pattern national id (SIN)
            CPF 529.982.247-25, internada           | pattern national id (CPF)
            (CPF 52998224725)                       | pattern national id (CPF)
            CPF 529982247-25                        | pattern national id (CPF)
            Cartão SUS 898 0011 2345 6781.          | pattern health number (CNS)
            Cartão SUS 700003471255804              | pattern health number (CNS)
            TC 12345678028 ile                      | pattern national id (TC Kimlik No)
            Aadhaar 2345 6789 0124, ABHA            | pattern national id (Aadhaar)
            Aadhaar 4567-8901-2341.                 | pattern national id (Aadhaar)
            Aadhaar 456789012341                    | pattern national id (Aadhaar)
            CEP 01304-001, São Paulo/SP             | pattern postcode (CEP)
            PIN 600017.                             | pattern postcode (PIN code)
            Pincode: 560 001                        | pattern postcode (PIN code)
            Malleswaram, Bengaluru - 560003.        | pattern postcode (PIN code)
            from 192.168.10.27 at night             | pattern ip address (IPv4)
            host=10.0.0.1                           | pattern ip address (IPv4)
            """)
    void findsEachNumberInAValueItsBytesAndARawStream(String text, String source) {
        assertEquals(List.of(source), sources(value(text)), "value: " + source);
        assertEquals(List.of(source), sources(bytes(text)), "bytes: " + source);
        List<LeakScanner.Hit> raw = raw(text);
        assertEquals(List.of(source), sources(raw), "raw: " + source);
        assertEquals("line 2", raw.get(0).location());
        assertNull(raw.get(0).value(), "a hit carries no value unless revealing");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // wrong check digits (each one digit off a number above)
        "IHI 8003 6055 4433 2213", "card 2123 45679 1", "NHI ZZZ0017", "Batch ZZZ0017 released.", "DVA Gold Card",
        "Lot 4532-128-876 received.", "Total 130 692 545 cells.", "CPF 529.982.247-26", "TC 12345678029",
        "Aadhaar 2345 6789 0123", "Cartão SUS 898 0011 2345 6782", "RAMQ TREM 6272 1412", "SIN 130 692 545",
        // codes, values, dates, identifiers of other things
        "SIGTAP 0303060212", "SNOMED 12345678028", "CID I50.0, E11.9", "LOINC 2345-7", "ZIP 45402-1234",
        "2019-2023 Lisboa", "Hb 12,5 g/dL, 7,9 %", "14.03.1952", "14/03/1952", "PIN not set", "pH 7.35 - 123456 cells",
        "R$ 2.345,67", "20230312 1100-2323", "Platelets 130 692 544 counted.", "AR-DRG E62A, F62B and L61Z",
        "ACHI 13882-00 and 38497-00; CCI 1.GZ.31.CA-ND; ICD-10-CA E11.52 and K80.20.", "Staged T2N1M0 and pT2N0.",
        "Abc1234 reagent kit.", "Code ABCD 1234 5678 used.", "Ref 3168 24104796 x", "Aadhaar 2345-6789 0124", "version 1.2.3.4.5", "UID 1.2.840.10008.5.1.4.1.1.2",
        "1.3.6.1.4.1.9590.100.1.2.1", "address 300.1.1.1", "550e8400-e29b-41d4-a716-446655440000",
        "total 1234,56 EUR, 2019-06-12T10:30:00.123", "Ref 12345678901234567890", "Room 12 at 09:30",
        // a manifest's SHA-256 in hex whose digits hold a valid Aadhaar number between letters (CI, 2026-12-03)
        "e3b0c442456789012341fb92427ae41e4649b934ca495991b7852b855  patients.csv",
        "sha256 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", "a456789012341b",
        // a § 21 data set's admission time yyyyMMddHHmm whose digits pass Verhoeff's check (decision 0150)
        "202303120809", "Aufnahme 202303120813;E;0101"})
    void staysQuietOnCodesValuesAndWrongCheckDigits(String text) {
        assertEquals(List.of(), value(text), "value");
        assertEquals(List.of(), raw(text), "raw");
    }

    @Test
    void aNumberThatIsAKnownPseudonymIsNoLeak() {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        new LeakScanner(EMPTY, Set.of("52998224725"), false, hits::add).value("CPF 52998224725", () -> "cell");
        assertEquals(List.of(), hits);
    }

    @Test
    void aRevealingScannerShowsTheNumber() {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        new LeakScanner(EMPTY, Set.of(), true, hits::add).value("NHI ZZZ0016 reviewed", () -> "cell");
        assertEquals(1, hits.size());
        assertEquals("ZZZ0016", hits.get(0).value());
        assertEquals(LeakScanner.Kind.HEALTH_NUMBER, hits.get(0).kind());
    }

    @Test
    void theGateLosesNoNumberTheUngatedSearchFinds() {
        // numbers glued to words, in long texts, after other numbers: what the scanner's token shapes let through is
        // what PhiPatterns finds with every condition true
        String[] texts = {
            "a 12 b 8003 6055 4433 2212 c", "x1 4532-128-875-AB y", "note: 2123 45670 1 / 3, Medicare",
            "2019-06-12 ZZZ0016", "1234 5678 then 52998224725", "ok 10.0.0.1.", "DVA NX901667", "x 9 TREM 6252 1412",
            "2345-6789-0124", "Bengaluru - 560003", "130-692-544", "01304-001", "4532128875AB", "zsc21tn"};
        for (String t : texts) {
            List<String> all = new ArrayList<>();
            PhiPatterns.find(t, true, true, true, (kind, name, found) -> all.add(LeakScanner.source(kind, name)));
            assertTrue(!all.isEmpty(), "the ungated search finds a number in case " + t.length());
            assertEquals(all, sources(value(t)), "value, case of length " + t.length());
            assertEquals(all, sources(raw(t)), "raw, case of length " + t.length());
        }
    }
}
