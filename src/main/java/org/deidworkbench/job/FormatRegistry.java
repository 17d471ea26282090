package org.deidworkbench.job;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.format.csv.CsvFormat;
import org.deidworkbench.format.fhir.FhirFormat;
import org.deidworkbench.format.hl7.Hl7Format;
import org.deidworkbench.format.dicom.DicomFormat;

/**
 * The formats this version can de-identify: adding a format is one {@code format.<fmt>} package and
 * one line in {@link #HANDLERS}. Runs, previews and {@code --help} ask this class; nothing else in
 * {@code job} names a format. Immutable and thread-safe.
 */
public final class FormatRegistry {

    /** One line per format. */
    private static final List<FormatHandler> HANDLERS = List.of(
            new CsvFormat(),
            new FhirFormat(),
            new DicomFormat(),
            new Hl7Format());

    private static final Map<FileFormat, FormatHandler> BY_FORMAT = index();

    private FormatRegistry() {
    }

    private static Map<FileFormat, FormatHandler> index() {
        Map<FileFormat, FormatHandler> map = new EnumMap<>(FileFormat.class);
        for (FormatHandler h : HANDLERS) {
            for (FileFormat f : h.formats()) {
                if (map.putIfAbsent(f, h) != null) {
                    throw new IllegalStateException("two handlers registered for " + f);
                }
            }
        }
        return map;
    }

    /** Every registered handler, in registration order. */
    public static List<FormatHandler> handlers() {
        return HANDLERS;
    }

    /** The handler that cleans files of {@code format}, if this version has one. */
    public static Optional<FormatHandler> handler(FileFormat format) {
        return Optional.ofNullable(BY_FORMAT.get(format));
    }

    /** Whether files of {@code format} can be de-identified by this version. */
    public static boolean supported(FileFormat format) {
        return BY_FORMAT.containsKey(format);
    }

    /** Readable list of what this version cleans, e.g. {@code CSV exports}. */
    public static String supportedDescription() {
        return BY_FORMAT.keySet().stream().map(FileFormat::description).collect(Collectors.joining(", "));
    }

    /** Recognised formats this version cannot clean yet, e.g. {@code DICOM files, FHIR resources (JSON)}. */
    public static String withheldDescription() {
        return java.util.Arrays.stream(FileFormat.values())
                .filter(f -> f != FileFormat.UNKNOWN && !BY_FORMAT.containsKey(f))
                .map(FileFormat::description).collect(Collectors.joining(", "));
    }

    /** Code and message for a file of {@code format} that no handler cleans: it is withheld, never copied. */
    static String[] withheldReason(FileFormat format) {
        return withheldReason(format, null);
    }

    /**
     * As {@link #withheldReason(FileFormat)}, saying for a file whose name shows what it is (an Excel workbook, a SAS or
     * SPSS data set, a PDF) how to give it to deid, or that deid does not clean it.
     */
    static String[] withheldReason(FileFormat format, java.nio.file.Path file) {
        if (format == FileFormat.UNKNOWN) {
            return new String[] {"FORMAT-UNKNOWN", "not a format deid can clean (" + supportedDescription()
                    + "); withheld, never copied" + hint(file)};
        }
        return new String[] {"FORMAT-NOT-YET-SUPPORTED", format.description()
                + " are recognised but cannot be de-identified by this version; withheld"};
    }

    /** What to do with a file of a kind its extension names, after "; ", or "". */
    private static String hint(java.nio.file.Path file) {
        if (file == null || file.getFileName() == null) {
            return "";
        }
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        String ext = name.substring(name.lastIndexOf('.') + 1);
        return switch (ext) {
            case "xlsx", "xlsm", "xls", "xlsb", "ods", "numbers" ->
                    "; a spreadsheet workbook: save each sheet as \"CSV UTF-8\" and run again";
            case "sas7bdat", "xpt", "sav", "zsav", "dta", "rds", "rdata" ->
                    "; a statistics package's data set: export it as CSV (UTF-8, a header row) and run again";
            case "parquet", "orc", "avro" -> "; a columnar data file: export it as CSV and run again";
            case "pdf", "doc", "docx", "rtf", "odt" ->
                    "; a document: deid does not read documents; share its text as a CSV column or a FHIR attachment";
            case "zip", "gz", "tgz", "7z", "rar", "tar" -> "; an archive: unpack it and give deid the folder";
            case "hl7", "er7" -> "; HL7 v2 message files are not read: an interface log exported as CSV, the messages"
                    + " in a column, is";
            default -> "";
        };
    }
}
