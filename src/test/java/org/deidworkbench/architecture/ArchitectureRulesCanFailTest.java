package org.deidworkbench.architecture;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureTest} catch what they are meant to: each is evaluated on classes
 * planted in the test sources (which {@link ArchitectureTest} itself does not import) and must
 * report them. A rule that reports nothing here would pass whatever the code did.
 */
class ArchitectureRulesCanFailTest {

    private static JavaClasses planted(String... classNames) {
        return new ClassFileImporter().importClasses(Arrays.stream(classNames).map(n -> {
            try {
                return Class.forName(n);
            } catch (ClassNotFoundException e) {
                throw new IllegalStateException("planted class " + n + " is missing", e);
            }
        }).toArray(Class<?>[]::new));
    }

    private static String violations(ArchRule rule, JavaClasses classes) {
        EvaluationResult result = rule.evaluate(classes);
        assertTrue(result.hasViolation(), () -> "the rule reported nothing: " + rule.getDescription());
        return result.getFailureReport().toString();
    }

    @Test
    void cliRowRefusesCrypto() {
        String report = violations(ArchitectureTest.CLI_ROW, planted("org.deidworkbench.cli.PlantedCryptoUse"));
        assertTrue(report.contains("org.deidworkbench.crypto.ProjectSecret"), report);
    }

    @Test
    void cyclesBetweenAPackageAndItsSubpackageAreFound() {
        String report = violations(ArchitectureTest.NO_CYCLES,
                planted("org.deidworkbench.deid.PlantedEngine", "org.deidworkbench.deid.method.PlantedMethod"));
        assertTrue(report.contains("PlantedEngine") && report.contains("PlantedMethod"), report);
    }

    @Test
    void reservedCodecRowRefusesDeidentificationTypes() {
        String report = violations(ArchitectureTest.DICOM_ROW, planted("org.deidworkbench.dicom.PlantedCodecUsingDeid"));
        assertTrue(report.contains("org.deidworkbench.deid.Subject"), report);
    }

    @Test
    void formatSpiRefusesDeidMethod() {
        String report = violations(ArchitectureTest.FORMAT_SPI_ROW,
                planted("org.deidworkbench.format.PlantedSpiUsingMethod"));
        assertTrue(report.contains("org.deidworkbench.deid.method.DeidMethod"), report);
    }

    @Test
    void packageWithoutARowIsRefused() {
        String report = violations(ArchitectureTest.EVERY_PACKAGE_HAS_A_ROW,
                planted("org.deidworkbench.format.x12.PlantedFormatWithoutRow"));
        assertTrue(report.contains("PlantedFormatWithoutRow"), report);
    }

    @Test
    void plantedClassesAreLeftOutOfTheProductionCheck() throws Exception {
        Class<?> plant = Class.forName("org.deidworkbench.cli.PlantedCryptoUse");
        Location location = Location.of(plant.getResource(plant.getSimpleName() + ".class").toURI());
        assertFalse(new ImportOption.DoNotIncludeTests().includes(location),
                "ArchitectureTest imports with DoNotIncludeTests, so plants never fail the build");
    }
}
