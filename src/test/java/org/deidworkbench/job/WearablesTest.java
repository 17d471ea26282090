package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decision 0238: a participant's wearable and glucose-monitor exports, each exported alone, as a study coordinator
 * receives them. Dexcom Clarity writes the patient's first and last name and birth date as rows ({@code Event Type}
 * FirstName, LastName, DateOfBirth, the value under {@code Patient Info}) and names its file after her: both kept her
 * name before. Apple Health's {@code sourceName} names the watch and the phone after their owner ("Cosima’s Apple
 * Watch"): kept as categories before. Its times carry their zone after a space ({@code 2024-01-08 07:00:00 -0500}):
 * emptied as no date before, which left a heart rate without its time. Decision 0239: Garmin Connect titles each
 * workout after its town ("Toledo Running"), kept as a category before. The data are synthetic; messages name files,
 * columns and rows, never values.
 */
class WearablesTest {

    private static final char[] PASSPHRASE = "wearables-test-passphrase".toCharArray();

    @TempDir
    Path dir;

    @Test
    void aGlucoseMonitorsExportAloneKeepsNeitherTheNameInItsRowsNorInItsFileName() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder csv = new StringBuilder("Index,Timestamp (YYYY-MM-DDThh:mm:ss),Event Type,Event Subtype,Patient Info,"
                + "Device Info,Source Device ID,Glucose Value (mg/dL),Insulin Value (u),Carb Value (grams),"
                + "Duration (hh:mm:ss),Glucose Rate of Change (mg/dL/min),Transmitter Time (Long Integer),Transmitter ID\n"
                + "1,,FirstName,,Leocadia,,,,,,,,,\n2,,LastName,,Haverkamp-Nwosu,,,,,,,,,\n"
                + "3,,DateOfBirth,,1979-06-23,,,,,,,,,\n4,,Device,,,Dexcom G7 Mobile App,iOS G7,,,,,,,\n");
        int[] glucose = {112, 131, 152, 138, 117, 101};
        for (int k = 0; k < glucose.length; k++) {
            csv.append(5 + k).append(",2024-02-13T07:").append(String.format(Locale.ROOT, "%02d", k * 5))
                    .append(":11,EGV,,,,iOS G7,").append(glucose[k]).append(",,,,,").append(4410700 + 300 * k)
                    .append(",8M4KQ7\n");
        }
        Files.writeString(in.resolve("CLARITY_Export_Haverkamp-Nwosu_Leocadia_2024-02-14_101502.csv"), csv,
                StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);

        List<Path> written;
        try (Stream<Path> files = Files.list(out)) {
            written = files.filter(p -> p.getFileName().toString().startsWith("CLARITY")).toList();
        }
        assertEquals(1, written.size(), "one cleaned export");
        String name = written.get(0).getFileName().toString();
        for (String planted : List.of("Leocadia", "Haverkamp", "Nwosu")) {
            assertFalse(name.contains(planted), "the file name keeps a name of the patient");
        }
        String text = Files.readString(written.get(0), StandardCharsets.UTF_8);
        for (String planted : List.of("Leocadia", "Haverkamp", "Nwosu", "1979-06-23", "8M4KQ7")) {
            assertFalse(text.contains(planted), "a planted identifier is in the output");
        }
        List<CSVRecord> rows = SampleData.records(written.get(0));
        assertEquals(List.of("FirstName", "LastName", "DateOfBirth", "Device"),
                rows.subList(0, 4).stream().map(r -> r.get("Event Type")).toList(), "the rows' kinds are kept");
        assertEquals("Dexcom G7 Mobile App", rows.get(3).get("Device Info"));
        for (int k = 0; k < glucose.length; k++) {
            assertEquals(String.valueOf(glucose[k]), rows.get(4 + k).get("Glucose Value (mg/dL)"), "row " + (4 + k));
        }
        assertEquals(5, java.time.Duration.between(
                java.time.LocalDateTime.parse(rows.get(4).get("Timestamp (YYYY-MM-DDThh:mm:ss)")),
                java.time.LocalDateTime.parse(rows.get(5).get("Timestamp (YYYY-MM-DDThh:mm:ss)"))).toMinutes(),
                "five minutes between two readings, as in the input");
    }

    @Test
    void aHealthExportsSourcesLoseTheirOwnerAndItsZonedTimesAreShiftedNotEmptied() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder csv = new StringBuilder("type,sourceName,sourceVersion,unit,creationDate,startDate,endDate,value\n");
        for (int k = 0; k < 12; k++) {
            String t = String.format(Locale.ROOT, "2024-01-%02d %02d:00:00 -0500", 8 + k / 6, 7 + (k % 6) * 2);
            csv.append("HKQuantityTypeIdentifierHeartRate,").append(k % 4 == 3 ? "Cosima Tremblay-Oyelowo’s iPhone"
                    : "Cosima’s Apple Watch").append(",10.2,count/min,").append(t).append(',').append(t).append(',')
                    .append(t).append(',').append(58 + k).append('\n');
        }
        csv.append("HKWorkoutActivityTypeRunning,Strava,1.0,min,2024-01-10 07:00:00 -0500,2024-01-10 06:10:00 -0500,"
                + "2024-01-10 06:55:00 -0500,45\n");
        Files.writeString(in.resolve("apple_health_export.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);

        String text = Files.readString(out.resolve("apple_health_export.csv"), StandardCharsets.UTF_8);
        assertFalse(text.contains("Cosima") || text.contains("Tremblay") || text.contains("Oyelowo"),
                "an owner's name is in the output");
        List<CSVRecord> rows = SampleData.records(out.resolve("apple_health_export.csv"));
        assertEquals("[NAME]’s Apple Watch", rows.get(0).get("sourceName"), "the device stays, its owner goes");
        assertEquals("[NAME]’s iPhone", rows.get(3).get("sourceName"));
        assertEquals("Strava", rows.get(12).get("sourceName"), "an app's name is kept");
        for (int k = 0; k < rows.size(); k++) {
            String start = rows.get(k).get("startDate");
            assertTrue(start.matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:00 -0500"), "row " + k + ": a date in its notation");
            assertFalse(start.startsWith("2024-01-08") || start.startsWith("2024-01-09") || start.startsWith("2024-01-10"),
                    "row " + k + ": shifted");
        }
        assertEquals(" 07:00:00 -0500", rows.get(0).get("startDate").substring(10), "the time and zone as written");
        long days = java.time.temporal.ChronoUnit.DAYS.between(LocalDate.parse("2024-01-08"),
                LocalDate.parse(rows.get(0).get("startDate").substring(0, 10)));
        assertEquals(LocalDate.parse("2024-01-10").plusDays(days).toString(),
                rows.get(12).get("startDate").substring(0, 10), "one offset for the file's days");
        assertEquals("45", rows.get(12).get("value"));
    }
    @Test
    void aSportsWatchsTitlesLoseTheirTownsHoweverOftenTheyRepeat() throws Exception {
        // decision 0239: a runner's year of "Toledo Running" repeats like a category, which the classifier kept as one
        Path in = Files.createDirectories(dir.resolve("in"));
        StringBuilder csv = new StringBuilder("Activity Type,Date,Favorite,Title,Distance,Calories,Time,Avg HR\n");
        String[][] titles = {{"Running", "Toledo Running"}, {"Road Cycling", "Sylvania Road Cycling"},
            {"Running", "Morning Run"}, {"Trail Running", "Oak Openings Preserve Trail Running"}};
        for (int k = 0; k < 60; k++) {
            String[] t = titles[k % titles.length];
            csv.append(t[0]).append(String.format(Locale.ROOT, ",2024-%02d-%02d 06:10:31,false,", 1 + k / 28, 1 + k % 28))
                    .append(t[1]).append(',').append(5 + k % 7).append(".02,412,00:27:45,151\n");
        }
        Files.writeString(in.resolve("Activities.csv"), csv, StandardCharsets.UTF_8);
        Path out = dir.resolve("out");
        SampleData.runCsvTemplate(in, out, dir.resolve("k.deidkey"), PASSPHRASE);

        String text = Files.readString(out.resolve("Activities.csv"), StandardCharsets.UTF_8);
        for (String town : List.of("Toledo", "Sylvania", "Oak Openings")) {
            assertFalse(text.contains(town), "a workout's town is in the output");
        }
        List<CSVRecord> rows = SampleData.records(out.resolve("Activities.csv"));
        assertEquals(List.of("[LOCATION] Running", "[LOCATION] Road Cycling", "Morning Run",
                "[LOCATION] Trail Running"), rows.subList(0, 4).stream().map(r -> r.get("Title")).toList(),
                "the activity stays, the place goes");
        assertEquals("Road Cycling", rows.get(1).get("Activity Type"));
        assertEquals("151", rows.get(0).get("Avg HR"));
    }
}
