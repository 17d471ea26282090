package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Stream;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run over the sample CSV and FHIR exports with one key file: patient 100251 (Tobias Brannigan)
 * gets the same pseudonym and the same date offset in the CSV output and in the FHIR output.
 */
class CrossFormatConsistencyTest {

    private static final DateTimeFormatter US = DateTimeFormatter.ofPattern("MM/dd/yyyy");

    @TempDir
    static Path dir;

    private static Path out;

    @BeforeAll
    static void runOnce() throws Exception {
        Path in = dir.resolve("in");
        Files.createDirectories(in);
        SampleData.copyTree(Path.of("sample-data", "csv"), in.resolve("csv"));
        SampleData.copyTree(Path.of("sample-data", "fhir"), in.resolve("fhir"));
        out = dir.resolve("out");
        RunResult r = new RunJob(new RunRequest(List.of(in), out, dir.resolve("k.deidkey"), true,
                "correct horse battery".toCharArray(), ProfileLoader.read("csv-template"), 2),
                RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
    }

    private static List<String> csvLines(String name) throws Exception {
        return Files.readAllLines(out.resolve("csv").resolve(name), StandardCharsets.UTF_8);
    }

    private static int row(String inputName, String mrn) throws Exception {
        List<String> lines = Files.readAllLines(Path.of("sample-data", "csv", inputName), StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains("," + mrn + ",") || lines.get(i).replace("\uFEFF", "").startsWith(mrn + ",")) {
                return i;
            }
        }
        throw new AssertionError("patient not in " + inputName);
    }

    private static JsonNode bundle() throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("fhir"))) {
            Path json = files.filter(p -> p.toString().endsWith("_bundle.json")).findFirst().orElseThrow();
            return new ObjectMapper().readTree(json.toFile());
        }
    }

    @Test
    void patientGetsTheSamePseudonymInCsvAndFhir() throws Exception {
        String csvPseudonym = csvLines("patients.csv").get(row("patients.csv", "100251")).replace("\uFEFF", "").split(",")[0];
        JsonNode patient = bundle().get("entry").get(0).get("resource");
        assertEquals("Patient", patient.get("resourceType").asText());
        assertEquals(csvPseudonym, patient.get("identifier").get(0).get("value").asText());
    }

    @Test
    void encounterGetsTheSameShiftedDateInCsvAndFhir() throws Exception {
        int r = row("encounters.csv", "100251");
        String[] csv = csvLines("encounters.csv").get(r).split(",");
        String encounterPseudonym = csv[0];
        LocalDate csvAdmit = LocalDate.parse(csv[2], US);
        JsonNode match = null;
        for (JsonNode e : bundle().get("entry")) {
            JsonNode res = e.get("resource");
            if (res.get("resourceType").asText().equals("Encounter")
                    && res.get("identifier").get(0).get("value").asText().equals(encounterPseudonym)) {
                match = res;
            }
        }
        assertTrue(match != null, "the encounter has the same pseudonym in CSV and FHIR");
        assertEquals(csvAdmit.toString(), match.get("period").get("start").asText());
        LocalDate original = LocalDate.parse(Files.readAllLines(Path.of("sample-data", "csv", "encounters.csv")).get(r)
                .split(",")[2], US);
        assertTrue(!original.equals(csvAdmit), "the date was shifted");
    }

    @Test
    void fhirFileNameLosesThePatientsNameAndMrn() throws Exception {
        try (Stream<Path> files = Files.list(out.resolve("fhir"))) {
            assertTrue(files.map(p -> p.getFileName().toString())
                    .noneMatch(n -> n.toLowerCase().contains("brannigan") || n.contains("100251")));
        }
    }

    /**
     * Decision 0091: a patient's birth date is shifted in CSV and reduced to a year in FHIR; the year must be the
     * shifted date's, or the two exports together tell how far the patient's dates were moved. Birth dates on the last
     * and first day of a year make every non-zero shift cross into another year for half of the patients.
     */
    @Test
    void birthYearInFhirIsTheYearOfTheShiftedBirthDateInCsv(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        StringBuilder csv = new StringBuilder("mrn,first_name,last_name,date_of_birth\n");
        StringBuilder ndjson = new StringBuilder();
        List<String> births = new java.util.ArrayList<>();
        for (int i = 0; i < 24; i++) {
            String mrn = Integer.toString(770100 + i);
            String birth = (1950 + i) + (i % 2 == 0 ? "-12-31" : "-01-01");
            births.add(birth);
            csv.append(mrn).append(",Ilse").append(i).append(",Quendelmoor,").append(birth).append('\n');
            ndjson.append(patientLine("q" + i, mrn, birth));
        }
        Files.writeString(in.resolve("patients.csv"), csv);
        Files.writeString(in.resolve("Patient.ndjson"), ndjson);
        Path o = tmp.resolve("out");
        runDefault(in, o, tmp.resolve("k.deidkey"));
        java.util.Map<String, String> shiftedByPseudonym = new java.util.HashMap<>();
        List<String> rows = Files.readAllLines(o.resolve("patients.csv"), StandardCharsets.UTF_8);
        for (String line : rows.subList(1, rows.size())) {
            String[] cells = line.split(",");
            shiftedByPseudonym.put(cells[0], cells[cells.length - 1]);
        }
        int crossed = 0;
        int i = 0;
        for (String line : Files.readAllLines(o.resolve("Patient.ndjson"), StandardCharsets.UTF_8)) {
            JsonNode patient = new ObjectMapper().readTree(line);
            String shifted = shiftedByPseudonym.get(patient.get("identifier").get(0).get("value").asText());
            assertTrue(shifted != null, "the Patient's pseudonym is the CSV row's");
            assertEquals(shifted.substring(0, 4), patient.get("birthDate").asText(), "line " + i);
            if (!shifted.substring(0, 4).equals(births.get(i).substring(0, 4))) {
                crossed++;
            }
            i++;
        }
        assertEquals(24, i);
        assertTrue(crossed > 0, "some shift crossed a new year, so the test tells the years apart");
    }

    /**
     * Decision 0152: a month and its year without a day, in a CSV column ({@code 10/1995}), in a CSV note
     * ("Diagnosed in October 1995") and in FHIR ({@code onsetDateTime} "1995-10" and its note), is moved as the
     * middle of its month is by the patient's offset, the same in both formats; the original month is left nowhere.
     */
    @Test
    void aMonthAndItsYearMoveAlikeInCsvColumnsNotesAndFhir(@TempDir Path tmp) throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        StringBuilder csv = new StringBuilder("mrn,first_name,last_name,date_of_birth,diagnosed,note\n");
        StringBuilder patients = new StringBuilder();
        StringBuilder conditions = new StringBuilder();
        int n = 16;
        for (int i = 0; i < n; i++) {
            String mrn = Integer.toString(880200 + i);
            String birth = (1950 + i) + "-06-15";
            LocalDate month = LocalDate.of(1990 + i, 1 + i % 12, 1);
            String word = month.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
            csv.append(mrn).append(",Ilse").append(i).append(",Quendelmoor,").append(birth).append(',')
                    .append(String.format("%02d/%d", month.getMonthValue(), month.getYear()))
                    .append(",Diagnosed in ").append(word).append(' ').append(month.getYear()).append(" at the clinic.\n");
            patients.append(patientLine("q" + i, mrn, birth));
            conditions.append("{\"resourceType\":\"Condition\",\"id\":\"c").append(i)
                    .append("\",\"subject\":{\"reference\":\"Patient/q").append(i).append("\"},\"onsetDateTime\":\"")
                    .append(String.format("%d-%02d", month.getYear(), month.getMonthValue()))
                    .append("\",\"note\":[{\"text\":\"Onset in ").append(word).append(' ').append(month.getYear())
                    .append(".\"}]}\n");
        }
        Files.writeString(in.resolve("patients.csv"), csv);
        Files.writeString(in.resolve("Patient.ndjson"), patients);
        Files.writeString(in.resolve("Condition.ndjson"), conditions);
        Path o = tmp.resolve("out");
        runDefault(in, o, tmp.resolve("k.deidkey"));
        List<String> rows = Files.readAllLines(o.resolve("patients.csv"), StandardCharsets.UTF_8);
        List<String> fhir = Files.readAllLines(o.resolve("Condition.ndjson"), StandardCharsets.UTF_8);
        assertEquals(n + 1, rows.size());
        assertEquals(n, fhir.size());
        int moved = 0;
        for (int i = 0; i < n; i++) {
            String[] cells = rows.get(i + 1).split(",");
            int offset = (int) java.time.temporal.ChronoUnit.DAYS.between(LocalDate.of(1950 + i, 6, 15),
                    LocalDate.parse(cells[cells.length - 3]));
            LocalDate original = LocalDate.of(1990 + i, 1 + i % 12, 15);
            LocalDate expected = original.plusDays(offset);
            String word = expected.getMonth().getDisplayName(java.time.format.TextStyle.FULL, java.util.Locale.ENGLISH);
            assertEquals(String.format("%02d/%d", expected.getMonthValue(), expected.getYear()), cells[cells.length - 2],
                    "row " + i);
            assertEquals("Diagnosed in " + word + " " + expected.getYear() + " at the clinic.", cells[cells.length - 1],
                    "row " + i);
            JsonNode condition = new ObjectMapper().readTree(fhir.get(i));
            assertEquals(String.format("%d-%02d", expected.getYear(), expected.getMonthValue()),
                    condition.get("onsetDateTime").asText(), "Condition " + i);
            assertEquals("Onset in " + word + " " + expected.getYear() + ".",
                    condition.get("note").get(0).get("text").asText(), "Condition " + i);
            if (expected.getMonthValue() != original.getMonthValue()) {
                moved++;
            }
        }
        assertTrue(moved > n / 2, "most offsets move the month, so the test tells moved from kept apart: " + moved);
    }

    /** A FHIR Patient as one NDJSON line, its MRN typed {@code MR} as the CSV's {@code mrn} column joins it. */
    private static String patientLine(String id, String mrn, String birth) {
        return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\",\"identifier\":[{\"type\":{\"coding\":[{\"system\":"
                + "\"http://terminology.hl7.org/CodeSystem/v2-0203\",\"code\":\"MR\"}]},"
                + "\"system\":\"http://hospital.example.org/mrn\",\"value\":\"" + mrn + "\"}],\"birthDate\":\"" + birth
                + "\"}\n";
    }

    /** One run of the default profile over {@code in}, every file written. */
    private static void runDefault(Path in, Path out, Path key) throws Exception {
        RunResult r = new RunJob(new RunRequest(List.of(in), out, key, true, "correct horse battery".toCharArray(),
                ProfileLoader.read("csv-template"), 2), RunListener.NONE).run();
        assertTrue(r.allWritten(), () -> r.files().toString());
    }
}
