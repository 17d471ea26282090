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
        if (format == FileFormat.UNKNOWN && file != null) {
            String[] notAFile = notARegularFile(file);
            if (notAFile != null) {
                return notAFile;
            }
        }
        if (format == FileFormat.UNKNOWN) {
            return new String[] {"FORMAT-UNKNOWN", "not a format deid can clean (" + supportedDescription()
                    + "); withheld, never copied" + hint(file)};
        }
        return new String[] {"FORMAT-NOT-YET-SUPPORTED", format.description()
                + " are recognised but cannot be de-identified by this version; withheld"};
    }

    /**
     * Code and message for an input entry that is not a readable regular file, whatever its name says (a link to
     * a real export reads as "not a format" otherwise, and a steward looks for a fault in the export); null for a
     * regular file that can be read. Links are not followed (decision 0226): a link's target may lie outside
     * what the steward chose to give, or be another input read twice under two names.
     */
    static String[] notARegularFile(java.nio.file.Path file) {
        if (java.nio.file.Files.isSymbolicLink(file)) {
            return new String[] {"INPUT-LINK-NOT-FOLLOWED", "a symbolic link; deid does not follow links (the target may"
                    + " lie outside the inputs, or be read twice); withheld, never copied: give the target itself as an"
                    + " input, or copy it into the folder"};
        }
        if (java.nio.file.Files.isDirectory(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        if (java.nio.file.Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return new String[] {"INPUT-NOT-A-FILE", "not a regular file (a named pipe, socket or device); withheld,"
                    + " never read"};
        }
        if (java.nio.file.Files.isRegularFile(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                && !java.nio.file.Files.isReadable(file)) {
            return new String[] {"INPUT-UNREADABLE", "the file cannot be read (its permissions); withheld: make it"
                    + " readable to the account that runs deid and run again"};
        }
        return null;
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
            case "hl7", "er7" -> "; an HL7 v2 file is read when it starts with its first message's MSH segment (or a"
                    + " batch's FHS or BHS) and its encoding characters, MSH|^~\\&|";
            default -> "";
        };
    }
}
