package org.deidworkbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.deidworkbench.architecture.PackageTable.BOUNCY_CASTLE;
import static org.deidworkbench.architecture.PackageTable.CLI;
import static org.deidworkbench.architecture.PackageTable.COMMONS_CSV;
import static org.deidworkbench.architecture.PackageTable.FASTCSV;
import static org.deidworkbench.architecture.PackageTable.CONFIG;
import static org.deidworkbench.architecture.PackageTable.CRYPTO;
import static org.deidworkbench.architecture.PackageTable.DEID;
import static org.deidworkbench.architecture.PackageTable.DEID_ENGINE;
import static org.deidworkbench.architecture.PackageTable.DICOM;
import static org.deidworkbench.architecture.PackageTable.FORMAT;
import static org.deidworkbench.architecture.PackageTable.FORMATS;
import static org.deidworkbench.architecture.PackageTable.FORMAT_CSV;
import static org.deidworkbench.architecture.PackageTable.FORMAT_DICOM;
import static org.deidworkbench.architecture.PackageTable.FORMAT_FHIR;
import static org.deidworkbench.architecture.PackageTable.FORMAT_HL7;
import static org.deidworkbench.architecture.PackageTable.GUI;
import static org.deidworkbench.architecture.PackageTable.HAPI;
import static org.deidworkbench.architecture.PackageTable.IO;
import static org.deidworkbench.architecture.PackageTable.JACKSON;
import static org.deidworkbench.architecture.PackageTable.JAVAFX;
import static org.deidworkbench.architecture.PackageTable.JOB;
import static org.deidworkbench.architecture.PackageTable.KEYFILE;
import static org.deidworkbench.architecture.PackageTable.MODEL;
import static org.deidworkbench.architecture.PackageTable.PICOCLI;
import static org.deidworkbench.architecture.PackageTable.ROOT;
import static org.deidworkbench.architecture.PackageTable.SLF4J;
import static org.deidworkbench.architecture.PackageTable.STAX;
import static org.deidworkbench.architecture.PackageTable.row;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * Enforces the package table of DESIGN.md §3, one rule per row: what a package's classes may import
 * besides their own package and the JDK (an allow-list, so anything new is refused until the table
 * says otherwise). Every departure from the table is named with its reason. Production classes
 * only; {@link ArchitectureRulesCanFailTest} shows each kind of rule catching a planted violation.
 */
@AnalyzeClasses(packages = "org.deidworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
public class ArchitectureTest {

    /** Logging is allowed in these layers: they log paths, counts and rule ids, never values (CONTRIBUTING). */
    private static final String LOGS = "they log paths, counts and rule ids through SLF4J, never values (CONTRIBUTING.md)";

    // ------------------------------------------------------------------ DESIGN.md §3, row by row

    @ArchTest
    public static final ArchRule MODEL_ROW = row(MODEL, "records and enums: the shared vocabulary")
            .mayImport()
            .rule();

    @ArchTest
    public static final ArchRule CONFIG_ROW = row(CONFIG, "loads and validates profiles")
            .mayImport(MODEL, JACKSON)
            .except(SLF4J, LOGS)
            .except(DICOM, "a profile's dicom: section is validated against the codec's data dictionary and the"
                    + " attribute Types (decision 0009)")
            .rule();

    @ArchTest
    public static final ArchRule CRYPTO_ROW = row(CRYPTO, "keyed primitives")
            .mayImport(MODEL, BOUNCY_CASTLE)
            .rule();

    @ArchTest
    public static final ArchRule KEYFILE_ROW = row(KEYFILE, "the sealed key file")
            .mayImport(MODEL, CRYPTO, BOUNCY_CASTLE)
            .except(IO, "the key file is written through the one atomic writer (DESIGN.md §3, io row)")
            .except(JACKSON, "the payload is JSON written and read with Jackson (decision 0003)")
            .except(SLF4J, LOGS)
            .rule();

    @ArchTest
    public static final ArchRule IO_ROW = row(IO, "atomic file writing")
            .mayImport()
            .rule();

    @ArchTest
    public static final ArchRule DEID_ROW = row(DEID, "the rule engine and one class per action")
            .mayImport(MODEL, CRYPTO)
            .except(SLF4J, LOGS)
            .rule();

    /** Reserved: holds once the codec moves out of {@code format.dicom} into its own package. */
    @ArchTest
    public static final ArchRule DICOM_ROW = row(DICOM, "our DICOM Part 10 codec, a library knowing no de-identification")
            .mayImport(IO)
            .rule();

    @ArchTest
    public static final ArchRule FORMAT_SPI_ROW = row(FORMAT, "the format SPI and detection")
            .mayImport(MODEL)
            .except(DEID_ENGINE, "a handler is bound to the run's engine, deid.engine.Deidentifier (decision 0005);"
                    + " deid.method stays out of reach")
            .rule();

    @ArchTest
    public static final ArchRule FORMAT_DICOM_ROW = row(FORMAT_DICOM, "DICOM de-identification on the codec")
            .mayImport(FORMAT, DICOM, DEID, MODEL)
            .except(SLF4J, LOGS)
            .rule();

    @ArchTest
    public static final ArchRule FORMAT_FHIR_ROW = row(FORMAT_FHIR, "FHIR via HAPI")
            .mayImport(FORMAT, DEID, MODEL, HAPI)
            .except(SLF4J, LOGS)
            .except(JACKSON, "JSON Bundles larger than the heap are read and written entry by entry with Jackson's"
                    + " streaming parser, the JSON library HAPI itself is built on (decision 0008)")
            .except(STAX, "the leak verifier reads every value of an XML file as a stream, without HAPI's whole-resource"
                    + " model (decision 0012)")
            .rule();

    @ArchTest
    public static final ArchRule FORMAT_CSV_ROW = row(FORMAT_CSV, "CSV via FastCSV")
            .mayImport(FORMAT, DEID, MODEL, FASTCSV)
            .except(SLF4J, LOGS)
            .except(COMMONS_CSV, "CsvBaseline only: issue #7 sets the speed target against a raw Commons CSV parse and"
                    + " print, the benchmark's baseline (decision 0017)")
            .rule();

    @ArchTest
    public static final ArchRule FORMAT_HL7_ROW = row(FORMAT_HL7, "files of HL7 v2 messages (decision 0182)")
            .mayImport(FORMAT, DEID, MODEL)
            .rule();

    @ArchTest
    public static final ArchRule JOB_ROW = row(JOB, "a run and a preview")
            .mayImport(MODEL, CONFIG, CRYPTO, KEYFILE, IO, DEID, DICOM, FORMATS)
            .except(JACKSON, "the run report deid-report.json is written with Jackson")
            .except(SLF4J, LOGS)
            .rule();

    @ArchTest
    public static final ArchRule CLI_ROW = row(CLI, "picocli commands, the only place that prints")
            .mayImport(JOB, CONFIG, KEYFILE, MODEL, PICOCLI)
            .except(JACKSON, "--json output is written with Jackson, like the run report")
            .rule();

    @ArchTest
    public static final ArchRule GUI_ROW = row(GUI, "JavaFX views, view models, dialogs")
            .mayImport(JOB, CONFIG, KEYFILE, MODEL, JAVAFX)
            .except(SLF4J, LOGS)
            .rule();

    @ArchTest
    public static final ArchRule LAUNCHER_ROW = row(ROOT, "the Launcher, which starts the CLI or the GUI")
            .mayImport(CLI, GUI, JAVAFX)
            .except(PICOCLI, "it hands its arguments to the CLI's picocli CommandLine")
            .rule();

    @ArchTest
    public static final ArchRule EVERY_PACKAGE_HAS_A_ROW = classes()
            .should().resideInAnyPackage(PackageTable.allRowPackages())
            .because("a new package needs its row in DESIGN.md §3 and here before it can import anything");

    // ------------------------------------------------------------------ cycles, at every depth

    @ArchTest
    public static final ArchRule NO_CYCLES = slices().matching("org.deidworkbench.(**)")
            .should().beFreeOfCycles()
            .because("dependencies point one way, between layers and between a package and its subpackages:"
                    + " deid (value types) <- deid.method (actions) <- deid.engine (Deidentifier, decision 0007)");

    // ------------------------------------------------------------------ libraries stay in their adapters

    @ArchTest
    public static final ArchRule JAVAFX_ONLY_IN_GUI = noClasses()
            .that().resideOutsideOfPackage(GUI.pattern())
            .and().doNotHaveFullyQualifiedName("org.deidworkbench.Launcher")
            .should().dependOnClassesThat().resideInAPackage(JAVAFX.pattern())
            .because("gui is reserved for JavaFX (and the Launcher starts it): engine and CLI run headless");

    @ArchTest
    public static final ArchRule PICOCLI_ONLY_IN_CLI = noClasses()
            .that().resideOutsideOfPackage(CLI.pattern())
            .and().doNotHaveFullyQualifiedName("org.deidworkbench.Launcher")
            .should().dependOnClassesThat().resideInAPackage(PICOCLI.pattern())
            .because("the CLI library stays at the edge");

    @ArchTest
    public static final ArchRule HAPI_ONLY_IN_FORMAT_FHIR = noClasses()
            .that().resideOutsideOfPackage(FORMAT_FHIR.pattern())
            .should().dependOnClassesThat().resideInAnyPackage(HAPI.patterns().toArray(String[]::new))
            .because("HAPI FHIR is confined to its adapter package and its one shared FhirContext");

    @ArchTest
    public static final ArchRule COMMONS_CSV_ONLY_IN_FORMAT_CSV = noClasses()
            .that().resideOutsideOfPackage(FORMAT_CSV.pattern())
            .should().dependOnClassesThat().resideInAPackage(COMMONS_CSV.pattern())
            .because("Commons CSV is confined to its adapter package");

    @ArchTest
    public static final ArchRule FASTCSV_ONLY_IN_FORMAT_CSV = noClasses()
            .that().resideOutsideOfPackage(FORMAT_CSV.pattern())
            .should().dependOnClassesThat().resideInAPackage(FASTCSV.pattern())
            .because("FastCSV is confined to its adapter package (decision 0017)");

    // ------------------------------------------------------------------ coding rules

    @ArchTest
    public static final ArchRule STANDARD_STREAMS_ONLY_IN_CLI = noClasses()
            .that().resideOutsideOfPackage(CLI.pattern())
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("only the CLI prints; everything else logs paths, counts and rule ids through SLF4J");

    @ArchTest
    public static final ArchRule NO_JAVA_UTIL_LOGGING = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("logging goes through SLF4J so it can be configured in one place");
}
