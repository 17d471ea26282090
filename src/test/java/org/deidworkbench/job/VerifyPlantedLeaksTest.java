package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.crypto.ProjectSecret;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.DicomWriter;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.dicom.TransferSyntax;
import org.deidworkbench.dicom.VR;
import org.deidworkbench.keyfile.KeyFileContents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A leak of each kind (name, id, date of birth in several notations, phone, SSN, e-mail, address, and PHI
 * shapes no key file knows) planted in each place a verifier must look (CSV cell, DICOM element two
 * sequences deep, DICOM element of a deflated file, FHIR JSON, XML, NDJSON, a base64 text attachment, a
 * file name, a folder name) is found there, with its kind and location.
 */
class VerifyPlantedLeaksTest {

    @TempDir
    static Path shared;

    private static KeyFileContents keys;

    @BeforeAll
    static void keys() throws Exception {
        keys = KeyFileContents.create(ProjectSecret.of(new byte[32]), Instant.EPOCH);
        SampleData.addIdentifiersTo(keys);
    }

    /** Writes {@code text} into a file (or names) under the folder; returns the path and location the hit must have. */
    @FunctionalInterface
    interface Place {
        String[] plant(Path out, String text) throws Exception;
    }

    private static final int CONTENT_SEQUENCE = 0x0040A730;
    private static final int TEXT_VALUE = 0x0040A160;
    private static final int PATIENT_COMMENTS = 0x00104000;

    private static final List<Arguments> PLACES = List.of(
            Arguments.of("CSV cell", (Place) (out, text) -> {
                Files.writeString(out.resolve("extra.csv"), "id;note\nA1;seen: " + text + "\n");
                return new String[] {"extra.csv", "record 1, column note"};
            }),
            Arguments.of("DICOM nested sequence", (Place) (out, text) -> {
                Dataset ds = dataset();
                ds.addItem(CONTENT_SEQUENCE).addItem(CONTENT_SEQUENCE).putStrings(TEXT_VALUE, VR.UT, "seen: " + text);
                dicom(out.resolve("sr.dcm"), ds, TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
                return new String[] {"sr.dcm", "(0040,A730)[0]/(0040,A730)[0]/(0040,A160) TextValue"};
            }),
            Arguments.of("DICOM deflated", (Place) (out, text) -> {
                Dataset ds = dataset();
                ds.putStrings(PATIENT_COMMENTS, VR.LT, "seen: " + text);
                dicom(out.resolve("deflated.dcm"), ds, TransferSyntax.DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN);
                return new String[] {"deflated.dcm", "(0010,4000) PatientComments"};
            }),
            Arguments.of("FHIR JSON", (Place) (out, text) -> {
                Files.writeString(out.resolve("obs.json"), observation(text));
                return new String[] {"obs.json", "Observation.note[0].text"};
            }),
            Arguments.of("FHIR NDJSON", (Place) (out, text) -> {
                Files.writeString(out.resolve("Observation.ndjson"), observation("nothing") + "\n" + observation(text) + "\n");
                return new String[] {"Observation.ndjson", "line 2, Observation.note[0].text"};
            }),
            Arguments.of("FHIR XML", (Place) (out, text) -> {
                Files.writeString(out.resolve("obs.xml"), "<Observation xmlns=\"http://hl7.org/fhir\"><status value=\"final\"/>"
                        + "<note><text value=\"seen: " + text.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></note></Observation>");
                return new String[] {"obs.xml", "Observation.note.text"};
            }),
            Arguments.of("FHIR base64 attachment", (Place) (out, text) -> {
                Files.writeString(out.resolve("doc.json"), "{\"resourceType\":\"DocumentReference\",\"status\":\"current\","
                        + "\"content\":[{\"attachment\":{\"contentType\":\"text/plain\",\"data\":\"" + Base64.getEncoder()
                        .encodeToString(("Letter: " + text).getBytes(StandardCharsets.UTF_8)) + "\"}}]}");
                return new String[] {"doc.json", "DocumentReference.content[0].attachment.data"};
            }),
            Arguments.of("file name", (Place) (out, text) -> {
                Files.writeString(out.resolve("scan " + text.replace('/', '-') + ".txt"), "clean\n");
                return new String[] {VerifyJob.WITHHELD_NAME, "file name"};
            }),
            Arguments.of("folder name", (Place) (out, text) -> {
                Files.writeString(Files.createDirectories(out.resolve(text.replace('/', '-'))).resolve("a.txt"), "clean\n");
                return new String[] {VerifyJob.WITHHELD_NAME, "folder name"};
            }));

    /** What is planted, and the kind of hit it must give. */
    private static final List<String[]> LEAKS = List.of(
            new String[] {"name", "Quillfeather, Avery", "ORIGINAL"},
            new String[] {"id", "chart 100200", "ORIGINAL"},
            new String[] {"date of birth, ISO", "1933-02-05", "ORIGINAL"},
            new String[] {"date of birth, US", "02/05/1933", "ORIGINAL"},
            new String[] {"date of birth, German", "05.02.1933", "ORIGINAL"},
            new String[] {"date of birth, DICOM", "19330205", "ORIGINAL"},
            new String[] {"date of birth, month name", "Feb 5, 1933", "ORIGINAL"},
            new String[] {"phone", "(555) 604-6018", "ORIGINAL"},
            new String[] {"SSN", "996 47 3574", "ORIGINAL"},
            new String[] {"e-mail", "AVERY.QUILLFEATHER@example.org", "ORIGINAL"},
            new String[] {"address", "877  OAK-STREET", "ORIGINAL"},
            new String[] {"SSN no key file knows", "321-54-9876", "SSN"},
            new String[] {"phone no key file knows", "(555) 777-1234", "PHONE"},
            new String[] {"e-mail no key file knows", "someone@example.net", "EMAIL"},
            new String[] {"labelled MRN", "MRN: 4412345", "MRN"},
            new String[] {"labelled date of birth", "DOB 03/14/1956", "DATE_OF_BIRTH"},
            // decision 0124
            new String[] {"Medicare Beneficiary Identifier", "MBI 1EG4TE5MK73", "MBI"},
            new String[] {"Medicare Beneficiary Identifier, dashed", "1EG4-TE5-MK73", "MBI"},
            new String[] {"IPv6 address", "2001:db8:85a3::8a2e:370:7334", "IP_ADDRESS"},
            new String[] {"MAC address", "00:1A:2B:3C:4D:5E", "MAC_ADDRESS"},
            new String[] {"NHS number", "943 476 5919", "NATIONAL_ID"},
            new String[] {"labelled NHS number", "NHS no. 9434765919", "NATIONAL_ID"},
            // decision 0128: what deid run finds by shape and check digit
            new String[] {"Australian IHI", "IHI 8003 6055 4433 2212", "HEALTH_NUMBER"},
            new String[] {"Australian Medicare card", "Medicare 2123 45670 1", "HEALTH_NUMBER"},
            new String[] {"DVA file number", "DVA Gold Card NX901667", "HEALTH_NUMBER"},
            new String[] {"NHI, old format", "NHI ZZZ0016", "HEALTH_NUMBER"},
            new String[] {"NHI, new format", "NHI ZSC21TN", "HEALTH_NUMBER"},
            new String[] {"Ontario health number", "OHIP 4532-128-875-AB", "HEALTH_NUMBER"},
            new String[] {"British Columbia PHN", "PHN 9698 658 215", "HEALTH_NUMBER"},
            new String[] {"RAMQ number", "RAMQ TREM 6252 1412", "HEALTH_NUMBER"},
            new String[] {"Canadian SIN", "SIN 130 692 544", "NATIONAL_ID"},
            new String[] {"CPF", "CPF 529.982.247-25", "NATIONAL_ID"},
            new String[] {"CNS", "Cartao SUS 898 0011 2345 6781", "HEALTH_NUMBER"},
            new String[] {"TC Kimlik No", "TC 12345678028", "NATIONAL_ID"},
            new String[] {"Aadhaar", "Aadhaar 2345 6789 0124", "NATIONAL_ID"},
            new String[] {"CEP", "CEP 01304-001", "POSTCODE"},
            new String[] {"PIN code", "PIN 600017", "POSTCODE"},
            new String[] {"IPv4 address", "from 192.168.10.27", "IP_ADDRESS"},
            // decision 0137: what deid run learned since, by shape and check digit
            new String[] {"CURP", "CURP PEXM900101HDFRRR01", "NATIONAL_ID"},
            new String[] {"RFC", "RFC PEXM900101A19", "NATIONAL_ID"},
            new String[] {"IMSS number", "IMSS 12-34-56-7890-3", "NATIONAL_ID"},
            new String[] {"RUT", "RUT 9.876.545-K", "NATIONAL_ID"},
            new String[] {"CUIL", "CUIL 27-12345678-0", "NATIONAL_ID"},
            new String[] {"SNILS", "СНИЛС 112-233-445 95", "NATIONAL_ID"},
            new String[] {"OMS policy", "полис ОМС 7700 1234 5678 9013", "HEALTH_NUMBER"},
            new String[] {"AMKA", "ΑΜΚΑ 12035801237", "NATIONAL_ID"},
            new String[] {"AFM", "ΑΦΜ 123456783", "NATIONAL_ID"},
            new String[] {"Korean RRN", "주민등록번호 580312-2345674", "NATIONAL_ID"},
            new String[] {"Chinese resident ID", "身份证 44030519670905002X", "NATIONAL_ID"},
            new String[] {"My Number", "マイナンバー 4071 0325 8467", "NATIONAL_ID"},
            new String[] {"Thai ID", "เลขบัตร 1101700123456", "NATIONAL_ID"},
            new String[] {"Thai ID in Thai digits", "เลขบัตร ๑-๑๐๑๗-๐๐๑๒๓-๔๕-๖", "NATIONAL_ID"},
            new String[] {"CPF in Arabic-Indic digits", "رقم ٥٢٩٩٨٢٢٤٧-٢٥", "NATIONAL_ID"},
            new String[] {"TC Kimlik No in Persian digits", "کد ۱۲۳۴۵۶۷۸۰۲۸", "NATIONAL_ID"},
            new String[] {"CPF in full-width digits", "番号 ５２９９８２２４７２５", "NATIONAL_ID"});

    /** Shapes that merely look like the patterns of decision 0124: codes, UIDs, hashes, times, a wrong check digit. */
    private static final List<String> LOOK_ALIKES = List.of("LOINC 4548-4 ICD10:E11.9 SNOMED 1019431000000105",
            "1.2.840.10008.5.1.4.1.1.2 2.25.329800735698586629295641978511506172918",
            "sha256 9bb6da5b516826e6d0cc5482daaefac89479fb4e758a98904023a490836d9f7f",
            "550E8400-E29B-41D4-A716-446655440000 TWGAYFDZH67PK50M3KP6 1EG4TE5MK7",
            "2023-02-06T23:05:00-05:00 08:00 10:30 12:15 14:00 16:45", "NHS 9434765918 ratio 00:1A:2B:3C:4D",
            // decision 0128: codes, values and numbers one check digit off
            "SIGTAP 0303060212 ACHI 13882-00 CID I50.0 Lot 4532-128-876 CPF 529.982.247-26 IHI 8003 6055 4433 2213",
            "Hb 12,5 g/dL, R$ 2.345,67, 1.2.840.113619.2.55.3.604688119, v1.2.3.4.5, Abc1234, T2N1M0, ZZZ0017",
            // decision 0137: one check digit off, or outside the script the run looks for them in
            "CURP PEXM900101HDFRRR02 RUT 12.345.678-4 IMSS 12-34-56-7890-4 CUIL 27-12345678-1 RRN 580312-2345675",
            "СНИЛС 112-233-445 96 ОМС 7700 1234 5678 9014 ΑΦΜ 123456784; lot 1101700123456 ts 407103258467");

    static Stream<Arguments> lookAlikesInPlaces() {
        List<Arguments> out = new ArrayList<>();
        for (Arguments place : PLACES) {
            for (int i = 0; i < LOOK_ALIKES.size(); i++) {
                out.add(Arguments.of(i, place.get()[0], LOOK_ALIKES.get(i), place.get()[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "look-alike {0} in {1}")
    @MethodSource("lookAlikesInPlaces")
    void aCodeUidHashOrTimeIsNoMbiAddressOrNhsNumber(int index, String place, String text, Place planter) throws Exception {
        Path out = Files.createDirectories(shared.resolve(("clean " + index + " in " + place).replaceAll("[^A-Za-z0-9]+", "-")));
        planter.plant(out, text);
        VerifyReport r = new VerifyJob(out, keys, false, 1).run();
        List<String> kinds = r.hits().stream().flatMap(f -> f.listed().stream()).map(VerifyReport.Hit::kind)
                .filter(k -> List.of("MBI", "IP_ADDRESS", "MAC_ADDRESS", "NATIONAL_ID", "HEALTH_NUMBER", "POSTCODE").contains(k))
                .toList();
        assertTrue(kinds.isEmpty(), () -> "found " + kinds + " in " + place);
    }

    static Stream<Arguments> leaksInPlaces() {
        List<Arguments> out = new ArrayList<>();
        for (Arguments place : PLACES) {
            for (String[] leak : LEAKS) {
                out.add(Arguments.of(leak[0], place.get()[0], leak[1], leak[2], place.get()[1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} in {1}")
    @MethodSource("leaksInPlaces")
    void aPlantedLeakIsFoundWithItsKindAndLocation(String leak, String place, String text, String kind, Place planter)
            throws Exception {
        Path out = Files.createDirectories(shared.resolve((leak + " in " + place).replaceAll("[^A-Za-z0-9]+", "-")));
        String[] expected = planter.plant(out, text);
        VerifyReport r = new VerifyJob(out, keys, false, 1).run();
        assertTrue(r.complete(), () -> "every file read value by value: " + r.notScanned());
        List<VerifyReport.Hit> hits = r.hits().stream().filter(f -> f.path().equals(expected[0]))
                .flatMap(f -> f.listed().stream()).toList();
        assertTrue(hits.stream().anyMatch(h -> h.kind().equals(kind) && h.location().equals(expected[1])),
                () -> "expected " + kind + " at " + expected[1] + " in " + expected[0] + "; found " + r.hits());
        assertTrue(hits.stream().allMatch(h -> h.value() == null), () -> "a hit of " + leak + " carries its value");
    }

    private static Dataset dataset() {
        Dataset ds = new Dataset();
        ds.putStrings(Tag.SPECIFIC_CHARACTER_SET, VR.CS, "ISO_IR 192"); // UTF-8: the Cyrillic, Greek, CJK and Thai leaks
        ds.putStrings(Tag.SOP_CLASS_UID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
        ds.putStrings(Tag.SOP_INSTANCE_UID, VR.UI, "2.25.1234");
        return ds;
    }

    private static void dicom(Path file, Dataset ds, TransferSyntax ts) throws Exception {
        try (OutputStream o = Files.newOutputStream(file)) {
            new DicomWriter().write(new DicomFile(DicomWriter.fileMeta(new Dataset(), ds, ts), ds, ts), ts, o);
        }
    }

    private static String observation(String text) {
        return "{\"resourceType\":\"Observation\",\"status\":\"final\",\"note\":[{\"text\":\"seen: "
                + text.replace("\"", "\\\"") + "\"}]}";
    }
}
