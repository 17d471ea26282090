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
 * The verifier finds the numbers {@code deid run} learned after decision 0128 (decision 0137): the Latin American, Russian,
 * Greek, East Asian and Thai numbers by their shapes and check digits, also written in digits of other scripts, where
 * the run finds them; and stays quiet on the same numbers one check digit off, and on the numbers the run looks for
 * only in a text of their script when the text has none. Failure messages name the kind and the case, never a value.
 */
class LeakScannerMoreNumbersTest {

    private static void assertFoundInValueAndRaw(String text, String source, String what) {
        assertEquals(List.of(source), sources(value(text)), "value: " + what);
        List<LeakScanner.Hit> raw = raw(text);
        assertEquals(List.of(source), sources(raw), "raw: " + what);
        assertEquals("line 2", raw.get(0).location());
        assertNull(raw.get(0).value(), "a hit carries no value unless revealing");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Paciente con CURP PEXM900101HDFRRR01, estable.   | pattern national id (CURP)
            curp pexm900101hdfrrr01 verificada                | pattern national id (CURP)
            CURP GOSA051231MJCNNLA4                           | pattern national id (CURP)
            RFC PEXM900101A19.                                | pattern national id (RFC)
            afiliación IMSS 12-34-56-7890-3 vigente           | pattern national id (NSS)
            IMSS 12 34 56 7890 3                              | pattern national id (NSS)
            RUT 12.345.678-5 ingreso                          | pattern national id (RUT)
            (12345678-5)                                      | pattern national id (RUT)
            rut 7.654.321-6, fractura                         | pattern national id (RUT)
            RUN 9.876.545-K.                                  | pattern national id (RUT)
            run 12345670-k                                    | pattern national id (RUT)
            CUIL 27-12345678-0 y obra social                  | pattern national id (CUIL)
            SNILS 112-233-445 95, policy                      | pattern national id (SNILS)
            snils 112 233 445 95                              | pattern national id (SNILS)
            RRN 580312-2345674 seen                           | pattern national id (RRN)
            ID 110108195803120028, phone                      | pattern national id (Chinese resident ID)
            ID 44030519670905002X.                            | pattern national id (Chinese resident ID)
            Thai ID 1-1017-00123-45-6 on file                 | pattern national id (Thai ID)
            """)
    void findsEachNumberInAValueItsBytesAndARawStream(String text, String source) {
        assertFoundInValueAndRaw(text, source, source);
        assertEquals(List.of(source), sources(bytes(text)), "bytes: " + source);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            СНИЛС 11223344595.                                | pattern national id (SNILS)
            СНИЛС 112233445 95                                | pattern national id (SNILS)
            полис ОМС 7700 1234 5678 9013 действителен         | pattern health number (OMS)
            полис ОМС 7700123456789013                         | pattern health number (OMS)
            ΑΜΚΑ 12035801237 ασθενής                           | pattern national id (AMKA)
            ΑΦΜ 123456783.                                    | pattern national id (AFM)
            123456783 (ΑΦΜ)                                   | pattern national id (AFM)
            주민등록번호 6709051123453 확인                       | pattern national id (RRN)
            マイナンバー 407103258467 確認                        | pattern national id (My Number)
            個人番号 4071 0325 8467                             | pattern national id (My Number)
            เลขบัตร 1101700123456                              | pattern national id (Thai ID)
            เลขบัตร ๑๑๐๑๗๐๐๑๒๓๔๕๖                              | pattern national id (Thai ID)
            เลขบัตร ๑-๑๐๑๗-๐๐๑๒๓-๔๕-๖                          | pattern national id (Thai ID)
            رقم ٥٢٩٩٨٢٢٤٧٢٥                                   | pattern national id (CPF)
            کد ملی ۱۲۳۴۵۶۷۸۰۲۸                                | pattern national id (TC Kimlik No)
            番号 ５２９９８２２４７２５                           | pattern national id (CPF)
            ΑΜΚΑ ١٢٠٣٥٨٠١٢٣٧                                  | pattern national id (AMKA)
            """)
    void findsTheNumbersOfOtherScriptsAndInTheirDigits(String text, String source) {
        assertFoundInValueAndRaw(text, source, source + " (" + text.length() + " characters)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // one check digit (or character) off the numbers above
        "CURP PEXM900101HDFRRR02", "RFC PEXM900101A18", "IMSS 12-34-56-7890-4", "RUT 12.345.678-4", "RUN 9.876.545-5",
        "CUIL 27-12345678-1", "SNILS 112-233-445 96", "RRN 580312-2345675", "ID 110108195803120029",
        "Thai ID 1-1017-00123-45-7", "полис ОМС 7700 1234 5678 9014", "СНИЛС 11223344596", "ΑΜΚΑ 12035801238",
        "ΑΦΜ 123456784", "주민등록번호 6709051123454", "マイナンバー 407103258468", "เลขบัตร 1101700123457",
        "เลขบัตร ๑๑๐๑๗๐๐๑๒๓๔๕๗", "رقم ٥٢٩٩٨٢٢٤٧٢٦",
        // numbers the run takes only in a text of their script, in a text without it
        "lot 7700123456789013 ok", "ref 123456783", "order 407103258467", "ts 1101700123456", "batch 6709051123453",
        // values, codes and dates of the same shapes
        "creatinina 1.6, Hb 11.2, 12.345.678 pesos", "SNOMED 1101700123456", "2019-06-12 10:30:00 12 34",
        "1.2.840.10008.5.1.4.1.1.2", "ACCESSION ABCD900101XYZ", "v12.345.678-beta"})
    void staysQuietOnWrongCheckDigitsAndNumbersOutsideTheirScript(String text) {
        assertEquals(List.of(), value(text), "value, case of length " + text.length());
        assertEquals(List.of(), raw(text), "raw, case of length " + text.length());
    }

    @Test
    void theGateLosesNoNumberTheUngatedSearchFinds() {
        // what the scanner's token shapes let through is what PhiPatterns finds with every condition true
        String[] texts = {
            "x PEXM900101HDFRRR01 y", "9 RFC PEXM900101A19", "12 34 56 7890 3", "seen 12.345.678-5", "IMSS 12-34-56-7890-3", "a 9.876.545-K", "12345678-5",
            "27-12345678-0", "СНИЛС 112233445 95", "580312-2345674", "44030519670905002X", "1-1017-00123-45-6",
            "123456783 ΑΦΜ", "ΑΦΜ 123456783", "ОМС 7700123456789013", "マイナンバー 4071-0325-8467", "๑๑๐๑๗๐๐๑๒๓๔๕๖ ไทย",
            "۱۲۳۴۵۶۷۸۰۲۸", "５２９９８２２４７２５",
            // decision 0179: a fødselsnummer (grouped and not), a henkilötunnus, a rodné číslo, a rijksregisternummer
            "fnr 120361 12326", "12036112326", "Potilas 030456-123K.", "r. č. 615312/1238", "61.03.12-123.43 gemeld"};
        for (String t : texts) {
            List<String> all = new ArrayList<>();
            PhiPatterns.find(t, true, true, true, (kind, name, found) -> all.add(LeakScanner.source(kind, name)));
            assertTrue(!all.isEmpty(), "the ungated search finds a number in case of length " + t.length());
            assertEquals(all, sources(value(t)), "value, case of length " + t.length());
            assertEquals(all, sources(raw(t)), "raw, case of length " + t.length());
        }
    }

    @Test
    void aRevealingScannerShowsTheNumberAsWritten() {
        List<LeakScanner.Hit> hits = new ArrayList<>();
        new LeakScanner(EMPTY, Set.of(), true, hits::add).value("เลขบัตร ๑๑๐๑๗๐๐๑๒๓๔๕๖", () -> "cell");
        assertEquals(1, hits.size());
        assertEquals("๑๑๐๑๗๐๐๑๒๓๔๕๖", hits.get(0).value());
    }
}
