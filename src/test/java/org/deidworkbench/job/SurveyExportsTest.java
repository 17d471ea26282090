package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.deidworkbench.model.FieldSummary;
import org.deidworkbench.model.FileReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0162: a Qualtrics export writes two rows under its header, each question's text and its import ids as JSON
 * (a SurveyMonkey export one, each column's answer type or choice).
 * Read as answers, they made every date column fail on them (`VALUE-NOT-A-DATE`, emptied), and their texts in every
 * column's sample left the classifier unsure of columns of scores, durations and names. The data are synthetic, in
 * Qualtrics' layout (`ResponseId`, `Recipient…`, `Location…`, `Q1…`); failure messages name columns, never values.
 */
class SurveyExportsTest {

    private static final char[] PASSPHRASE = "survey-exports-test".toCharArray();

    private static final String EXPORT = """
            StartDate,EndDate,Status,IPAddress,Progress,Duration (in seconds),Finished,RecordedDate,ResponseId,\
            RecipientLastName,RecipientFirstName,RecipientEmail,ExternalReference,LocationLatitude,LocationLongitude,\
            Q1,Q2,Q3_1,Q4
            Start Date,End Date,Response Type,IP Address,Progress,Duration (in seconds),Finished,Recorded Date,\
            Response ID,Recipient Last Name,Recipient First Name,Recipient Email,External Data Reference,\
            Location Latitude,Location Longitude,Please enter your full name,What is your date of birth?,\
            How would you rate your pain today? - Morning,Any other comments?
            "{""ImportId"":""startDate"",""timeZone"":""America/Denver""}","{""ImportId"":""endDate""}",\
            "{""ImportId"":""status""}","{""ImportId"":""ipAddress""}","{""ImportId"":""progress""}",\
            "{""ImportId"":""duration""}","{""ImportId"":""finished""}","{""ImportId"":""recordedDate""}",\
            "{""ImportId"":""_recordId""}","{""ImportId"":""recipientLastName""}","{""ImportId"":""recipientFirstName""}",\
            "{""ImportId"":""recipientEmail""}","{""ImportId"":""externalDataReference""}",\
            "{""ImportId"":""locationLatitude""}","{""ImportId"":""locationLongitude""}","{""ImportId"":""QID1_TEXT""}",\
            "{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3_1""}","{""ImportId"":""QID4_TEXT""}"
            2026-11-10 09:10:33,2026-11-10 09:20:01,IP Address,73.14.201.9,100,600,True,2026-11-10 09:20:02,\
            R_3kTq9mLw2xPz7aB,Okonkwo-Barrett,Wilhelmina,wilhelmina.ob@example.org,MRN00482913,39.7412,-104.9870,\
            Wilhelmina Okonkwo-Barrett,07/19/1948,9,My daughter Rosa helps me.
            2026-11-11 09:11:33,2026-11-11 09:21:01,IP Address,73.2.88.140,100,613,True,2026-11-11 09:21:02,\
            R_1bXy5nQe8sVu3cD,Villasenor,Tadeo,tadeo.v@example.org,MRN01937755,39.7733,-104.9502,\
            Tadeo Villasenor,02/03/1961,8,
            2026-11-12 09:12:33,2026-11-12 09:22:01,IP Address,73.90.4.17,100,626,True,2026-11-12 09:22:02,\
            R_7hJk2pRt6yWm1eF,Lindqvist,Ingrid,ingrid.l@example.org,MRN02266104,39.7591,-104.9931,\
            Ingrid Lindqvist,11/30/1977,0,
            2026-11-13 09:13:33,2026-11-13 09:23:01,IP Address,73.41.77.203,100,639,True,2026-11-13 09:23:02,\
            R_9dFg4sHj7kLz2mN,Mensah,Kwame,kwame.m@example.org,MRN03371822,39.7206,-104.9688,\
            Kwame Mensah,05/02/1990,4,
            """;

    @TempDir
    Path dir;

    @Test
    void theLabelRowsAreWrittenAsTheyAreAndTheAnswersAreDeidentified() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("Pain_Survey.csv"), EXPORT);
        Path out = dir.resolve("out");
        RunResult result = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("Pain_Survey.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("Wilhelmina", "Okonkwo", "Villasenor", "Lindqvist", "Mensah", "example.org",
                "MRN0", "73.14.201.9", "39.7412", "-104.9870", "R_3kTq9mLw2xPz7aB", "07/19/1948", "Rosa")) {
            assertFalse(text.contains(planted), "a planted identifier is in the output");
        }
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            rows = p.getRecords();
        }
        List<String> header = rows.get(0).toList();
        assertEquals(7, rows.size(), "header, two label rows, four answers");
        int score = header.indexOf("Q3_1");
        int started = header.indexOf("StartDate");
        assertEquals("How would you rate your pain today? - Morning", rows.get(1).get(score), "the question row");
        assertEquals("{\"ImportId\":\"QID3_1\"}", rows.get(2).get(score), "the import id row");
        assertEquals("Start Date", rows.get(1).get(started));
        assertEquals(List.of("9", "8", "0", "4"), rows.subList(3, 7).stream().map(r -> r.get(score)).toList(),
                "the scores kept");
        assertEquals("600", rows.get(3).get(header.indexOf("Duration (in seconds)")));
        assertTrue(rows.get(3).get(started).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d"), "a shifted date");
        FileReport report = result.report().fileResults().get(0);
        assertEquals(4, report.records(), "the label rows are no records");
        assertTrue(report.problems().isEmpty(), "no date column failed on a label: " + report.problems());
        Map<String, String> classes = report.fields().stream()
                .collect(Collectors.toMap(FieldSummary::name, FieldSummary::fieldClass));
        assertEquals("number", classes.get("Q3_1"));
        assertEquals("person-name", classes.get("Q1"));
        assertEquals("date", classes.get("Q2"));
    }

    @Test
    void aSurveyMonkeyExportsAnswerTypeRowIsWrittenAsItIs() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("Satisfaction.csv"), """
                Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,Last Name,\
                How satisfied were you with your visit?,Which services did you use?,,What is your date of birth?
                ,,,,,,,,Response,Pharmacy,Lab,Open-Ended Response
                114254889012,431882201,12/01/2026 09:14:22 AM,12/01/2026 09:20:05 AM,73.14.201.9,\
                wilhelmina.ob@quillmail.net,Wilhelmina,Okonkwo-Barrett,Very satisfied,Pharmacy,,07/19/1948
                114254889013,431882201,12/02/2026 10:01:10 AM,12/02/2026 10:09:44 AM,73.2.88.140,\
                tadeo.v@quillmail.net,Tadeo,Villasenor,Satisfied,,Lab,02/03/1961
                """);
        Path out = dir.resolve("out");
        RunResult result = SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);
        String text = Files.readString(out.resolve("Satisfaction.csv"), StandardCharsets.UTF_8);
        for (String planted : List.of("Wilhelmina", "Okonkwo", "Villasenor", "quillmail", "73.14.201.9", "07/19/1948",
                "114254889012")) {
            assertFalse(text.contains(planted), "a planted identifier is in the output");
        }
        List<CSVRecord> rows;
        try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT)) {
            rows = p.getRecords();
        }
        List<String> header = rows.get(0).toList();
        int satisfied = header.indexOf("How satisfied were you with your visit?");
        assertEquals("Response", rows.get(1).get(satisfied), "the answer type row");
        assertEquals(List.of("Very satisfied", "Satisfied"), List.of(rows.get(2).get(satisfied), rows.get(3).get(satisfied)));
        assertEquals(2, result.report().fileResults().get(0).records());
        assertTrue(rows.get(1).get(0).isEmpty(), "the label row has no respondent to pseudonymize");
    }
}
