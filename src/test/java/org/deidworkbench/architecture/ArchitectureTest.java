package org.deidworkbench.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/** Enforces the package table of DESIGN.md §3: who may import whom, and which library lives where. */
@AnalyzeClasses(packages = "org.deidworkbench", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String BASE = "org.deidworkbench";

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles = slices().matching(BASE + ".(*)..")
            .should().beFreeOfCycles()
            .because("dependencies point one way: model <- crypto/config <- deid <- format <- job <- cli/gui");

    @ArchTest
    static final ArchRule modelDependsOnJdkOnly = noClasses().that().resideInAPackage(BASE + ".model..")
            .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".model..", "java..")
            .because("the model is the shared vocabulary and must stay free of libraries and layers");

    @ArchTest
    static final ArchRule cryptoImportsOnlyModelAndBouncyCastle = noClasses().that().resideInAPackage(BASE + ".crypto..")
            .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".model..", BASE + ".crypto..",
                    "java..", "javax.crypto..", "org.bouncycastle..")
            .because("crypto may import model and Bouncy Castle only (DESIGN.md §3)");

    @ArchTest
    static final ArchRule keyfileImportsOnlyModelCryptoBcAndJackson = noClasses().that().resideInAPackage(BASE + ".keyfile..")
            .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".model..", BASE + ".crypto..",
                    BASE + ".keyfile..", "java..", "javax..", "org.bouncycastle..", "com.fasterxml.jackson..",
                    "org.slf4j..")
            .because("keyfile may import model, crypto, Bouncy Castle PKIX and Jackson for the JSON payload (decision 0003)");

    @ArchTest
    static final ArchRule configImportsOnlyModelAndJackson = noClasses().that().resideInAPackage(BASE + ".config..")
            .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".model..", BASE + ".config..",
                    "java..", "com.fasterxml.jackson..", "org.slf4j..")
            .because("config may import model and Jackson only (DESIGN.md §3)");

    @ArchTest
    static final ArchRule deidKnowsNoFormatOrUi = noClasses().that().resideInAPackage(BASE + ".deid..")
            .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".model..", BASE + ".crypto..",
                    BASE + ".deid..", "java..", "org.slf4j..")
            .because("the engine sees no format library, no JavaFX and no CLI (DESIGN.md §3)");

    @ArchTest
    static final ArchRule formatSpiImportsOnlyModelAndEngine = noClasses().that().resideInAPackage(BASE + ".format")
            .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".model..", BASE + ".format",
                    BASE + ".deid", "java..", "org.slf4j..")
            .because("the format SPI is shared by all formats; it names the engine a handler is bound to (decision 0005)");

    @ArchTest
    static final ArchRule formatsDoNotDependOnEachOther = slices().matching(BASE + ".format.(*)..")
            .should().notDependOnEachOther()
            .because("each format is an independent adapter around one library");

    @ArchTest
    static final ArchRule formatsDoNotReachUpwards = noClasses().that().resideInAPackage(BASE + ".format..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".job..", BASE + ".cli..", BASE + ".gui..",
                    BASE + ".config..", BASE + ".keyfile..")
            .because("formats may import format, deid and model only (DESIGN.md §3)");

    @ArchTest
    static final ArchRule commonsCsvOnlyInFormatCsv = noClasses().that().resideOutsideOfPackage(BASE + ".format.csv..")
            .should().dependOnClassesThat().resideInAPackage("org.apache.commons.csv..")
            .because("Commons CSV is confined to its adapter package");

    @ArchTest
    static final ArchRule hapiOnlyInFormatFhir = noClasses().that().resideOutsideOfPackage(BASE + ".format.fhir..")
            .should().dependOnClassesThat().resideInAnyPackage("ca.uhn.fhir..", "org.hl7.fhir..")
            .because("HAPI FHIR is confined to its adapter package and its one shared FhirContext");

    @ArchTest
    static final ArchRule picocliOnlyInCli = noClasses().that().resideOutsideOfPackages(BASE + ".cli..")
            .and().doNotHaveFullyQualifiedName(BASE + ".Launcher")
            .should().dependOnClassesThat().resideInAPackage("picocli..")
            .because("the CLI library stays at the edge");

    @ArchTest
    static final ArchRule javafxOnlyInGui = noClasses().that().resideOutsideOfPackages(BASE + ".gui..")
            .and().doNotHaveFullyQualifiedName(BASE + ".Launcher")
            .should().dependOnClassesThat().resideInAPackage("javafx..")
            .because("the engine and the CLI must run headless");

    @ArchTest
    static final ArchRule guiImportsOnlyJobConfigKeyfileModelAndJavaFx = noClasses().that()
            .resideInAPackage(BASE + ".gui..")
            .should().dependOnClassesThat().resideOutsideOfPackages(BASE + ".gui..", BASE + ".job..",
                    BASE + ".config..", BASE + ".keyfile..", BASE + ".model..", "java..", "javafx..", "org.slf4j..")
            .because("the workbench calls the real engine through job (the preview API), never a copy of it (DESIGN.md §3)");

    @ArchTest
    static final ArchRule guiFeaturesAreFreeOfCycles = slices().matching(BASE + ".gui.(**)")
            .should().beFreeOfCycles()
            .because("gui features depend on common and on each other one way; the main window composes them");

    @ArchTest
    static final ArchRule cliOrchestratesOnly = noClasses().that().resideInAPackage(BASE + ".cli..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".format..", BASE + ".deid..", BASE + ".gui..")
            .because("the CLI only orchestrates job, config, keyfile and model (DESIGN.md §3)");

    @ArchTest
    static final ArchRule jobKnowsNoUi = noClasses().that().resideInAPackage(BASE + ".job..")
            .should().dependOnClassesThat().resideInAnyPackage(BASE + ".cli..", BASE + ".gui..", "picocli..", "javafx..")
            .because("a run is driven the same way by the CLI and the GUI");

    @ArchTest
    static final ArchRule standardStreamsOnlyInCli = noClasses().that().resideOutsideOfPackages(BASE + ".cli..")
            .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
            .because("only the CLI prints; everything else logs paths, counts and rule ids through SLF4J");

    @ArchTest
    static final ArchRule noJavaUtilLogging = GeneralCodingRules.NO_CLASSES_SHOULD_USE_JAVA_UTIL_LOGGING
            .because("logging goes through SLF4J so it can be configured in one place");
}
