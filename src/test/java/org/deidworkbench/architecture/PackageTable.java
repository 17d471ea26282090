package org.deidworkbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The package table of DESIGN.md §3 as ArchUnit package patterns, and a builder that turns one row
 * into an allow-list rule: the row's classes may depend on their own package, the JDK, what the table
 * lists, and the named exceptions, each with its reason.
 */
final class PackageTable {

    private static final String BASE = "org.deidworkbench";

    /** A package of ours or a library, by name and ArchUnit package patterns. */
    record Packages(String name, List<String> patterns) {
        Packages(String name, String... patterns) {
            this(name, List.of(patterns));
        }

        /** The single pattern of a package with one. */
        String pattern() {
            if (patterns.size() != 1) {
                throw new IllegalStateException(name + " has several patterns: " + patterns);
            }
            return patterns.get(0);
        }
    }

    /**
     * What every class may use: the platform (java.base and the JDK's own javax APIs: crypto, security, StAX for
     * streaming XML, management beans for benchmarks' heap figures, and com.sun.management).
     */
    static final Packages JDK = new Packages("the JDK", "java..", "javax.crypto..", "javax.security..", "javax.xml..",
            "javax.management..", "com.sun.management..");

    // our packages: one per row of DESIGN.md §3 (".." includes subpackages, none means exactly that package)
    static final Packages ROOT = new Packages("the root package (Launcher)", BASE);
    static final Packages MODEL = new Packages("model", BASE + ".model..");
    static final Packages CONFIG = new Packages("config", BASE + ".config..");
    static final Packages CRYPTO = new Packages("crypto", BASE + ".crypto..");
    static final Packages KEYFILE = new Packages("keyfile", BASE + ".keyfile..");
    static final Packages IO = new Packages("io", BASE + ".io..");
    static final Packages DEID = new Packages("deid", BASE + ".deid..");
    static final Packages DICOM = new Packages("dicom", BASE + ".dicom..");
    static final Packages FORMAT = new Packages("format (the SPI)", BASE + ".format");
    static final Packages FORMAT_DICOM = new Packages("format.dicom", BASE + ".format.dicom..");
    static final Packages FORMAT_FHIR = new Packages("format.fhir", BASE + ".format.fhir..");
    static final Packages FORMAT_CSV = new Packages("format.csv", BASE + ".format.csv..");
    static final Packages FORMAT_HL7 = new Packages("format.hl7", BASE + ".format.hl7..");
    static final Packages JOB = new Packages("job", BASE + ".job..");
    static final Packages CLI = new Packages("cli", BASE + ".cli..");
    static final Packages GUI = new Packages("gui", BASE + ".gui..");

    // groups and parts that exceptions name
    static final Packages FORMATS = new Packages("format and every format.<fmt>", BASE + ".format..");
    static final Packages DEID_ENGINE = new Packages("deid.engine (Deidentifier, not deid.method)", BASE + ".deid.engine");

    // libraries
    static final Packages JACKSON = new Packages("Jackson", "com.fasterxml.jackson..");
    static final Packages BOUNCY_CASTLE = new Packages("Bouncy Castle", "org.bouncycastle..");
    static final Packages COMMONS_CSV = new Packages("Commons CSV", "org.apache.commons.csv..");
    static final Packages FASTCSV = new Packages("FastCSV", "de.siegmar.fastcsv..");
    static final Packages HAPI = new Packages("HAPI FHIR", "ca.uhn.fhir..", "org.hl7.fhir..");
    static final Packages PICOCLI = new Packages("picocli", "picocli..");
    static final Packages JAVAFX = new Packages("JavaFX", "javafx..");
    static final Packages SLF4J = new Packages("SLF4J", "org.slf4j..");
    static final Packages STAX = new Packages("the JDK's streaming XML parser (StAX)", "javax.xml.stream..");

    /** Every row's package: a class anywhere else has no row and is refused. */
    private static final List<Packages> ROWS = List.of(ROOT, MODEL, CONFIG, CRYPTO, KEYFILE, IO, DEID, DICOM, FORMAT,
            FORMAT_DICOM, FORMAT_FHIR, FORMAT_CSV, FORMAT_HL7, JOB, CLI, GUI);

    private PackageTable() {
    }

    static String[] allRowPackages() {
        return ROWS.stream().flatMap(p -> p.patterns().stream()).toArray(String[]::new);
    }

    /** Starts the rule for one row: {@code owns} says what the package is for, as the table does. */
    static Row row(Packages layer, String owns) {
        return new Row(layer, owns);
    }

    /** One row of the table being built into a rule. */
    static final class Row {
        private final Packages layer;
        private final String owns;
        private final List<Packages> allowed = new ArrayList<>();
        private final List<String> exceptions = new ArrayList<>();
        private final List<Packages> excepted = new ArrayList<>();
        private boolean reserved;

        private Row(Packages layer, String owns) {
            this.layer = layer;
            this.owns = owns;
        }

        /** What the table lists for this row (the JDK is always allowed). */
        Row mayImport(Packages... packages) {
            allowed.addAll(List.of(packages));
            return this;
        }

        /** A departure from the table, with the reason it is allowed. */
        Row except(Packages packages, String reason) {
            excepted.add(packages);
            exceptions.add(packages.name() + " because " + reason);
            return this;
        }

        /** The package does not exist yet; the rule holds (vacuously) until it does. */
        Row reserved() {
            reserved = true;
            return this;
        }

        ArchRule rule() {
            List<String> patterns = new ArrayList<>(layer.patterns());
            patterns.addAll(JDK.patterns());
            allowed.forEach(p -> patterns.addAll(p.patterns()));
            excepted.forEach(p -> patterns.addAll(p.patterns()));
            String table = allowed.isEmpty() ? "the JDK only"
                    : allowed.stream().map(Packages::name).collect(Collectors.joining(", ")) + " and the JDK";
            String reason = "DESIGN.md §3: " + layer.name() + " (" + owns + ") may import " + table
                    + (exceptions.isEmpty() ? "" : "; also " + String.join("; also ", exceptions));
            ArchRule rule = classes().that().resideInAnyPackage(layer.patterns().toArray(String[]::new))
                    .should().onlyDependOnClassesThat().resideInAnyPackage(patterns.toArray(String[]::new))
                    .because(reason);
            return reserved ? rule.allowEmptyShould(true) : rule;
        }
    }
}
