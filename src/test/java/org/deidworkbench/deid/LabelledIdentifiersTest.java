package org.deidworkbench.deid;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Licence, plate, vehicle, device and passport numbers after their labels, and web addresses without their scheme
 * (HIPAA Safe Harbor's 11th to 14th identifiers; decision 0154): a battery of note phrasings run through
 * {@code deid run} found them kept.
 */
class LabelledIdentifiersTest {

    private static String scrub(String note) {
        return new TextScrubber(new KnownIdentifiers().snapshot(), 2026).scrub(note, null);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "DL# D1234-5678-9012 on file|DL# [ID] on file",
        "Driver's license: S530-4417-8812 expired|Driver's license: [ID] expired",
        "License plate ABC-1234 seen in the lot|License plate [ID] seen in the lot",
        "Kennzeichen HD-XY 123 falsch geparkt|Kennzeichen [ID] falsch geparkt",
        "VIN 1HGCM82633A004352 registered|VIN [ID] registered",
        "Pacemaker S/N PJN123456R, lot 4471|Pacemaker S/N [ID], lot 4471",
        "Pump serial no. 44-1187-A replaced|Pump serial no. [ID] replaced",
        "Seriennummer 7731-0098 des Implantats|Seriennummer [ID] des Implantats",
        "Passport No. X1234567 (UK)|Passport No. [ID] (UK)",
        "See portal.klinikum-nord.de/patient/123 for images.|See [URL] for images.",
        "Upload to files.example.com/u/q88/scan.pdf|Upload to [URL]",
        // a licence or a certificate by its own label, a ZIP code after its label (decision 0184)
        "License # 123456 on file. Lic# 123456.|License # [ID] on file. Lic# [ID].",
        "license no. A1234567; Certificate no. 55-1234|license no. [ID]; Certificate no. [ID]",
        "zip code 98284. ZIP: 98284, zipcode 98284|zip code [ZIP]. ZIP: [ZIP], zipcode [ZIP]",
        // an insurer's number after the insurer's name, New York's CIN by its shape (decision 0186)
        "Medicaid # AB12345C on file. CIN AB12345C.|Medicaid # [ID] on file. CIN [ID].",
        "Medi-Cal # 90000000A; Medicare number 1EG4TE5MK73|Medi-Cal # [ID]; Medicare number [ID]",
        "subscriber ID XJH12345; insurance no. 4471-22|subscriber ID [ID]; insurance no. [ID]",
        // a long number's check letter goes with it, without a label too; a DNI (its letter checks) stays an [ID]
        "Chart 12345678A scanned, 12345678Z faxed.|Chart [NUMBER] scanned, [ID] faxed.",
    })
    void labelledNumbersAndAddressesAreRemoved(String note, String expected) {
        assertEquals(expected, scrub(note));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "serial troponins 12 h apart", "serial ECG 12-lead in the morning", "LCP plate 3.5 mm, 8 holes",
        "Platelets: 250", "SN: 2 beats dropped", "Kennzeichen: J", "passport photo taken", "Hb 12.5 g/dl, 3.5/10 pain",
        "e.g./i.e. as above", "mg/dl and mmol/l",
        "license to practice since 2012", "Certificate: 2 copies", "Zipper 12345 stuck", "zip lock bag",
        "Medicaid eligible since 2019, Medicare Part D 2020", "CIN 2 on biopsy, CIN 3 excluded", "insurance 2 plans",
    })
    void wordsThatAreNoLabelsOrAddressesStay(String note) {
        assertEquals(note, scrub(note));
    }
}
