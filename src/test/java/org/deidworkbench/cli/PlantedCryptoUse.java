package org.deidworkbench.cli;

import java.security.SecureRandom;
import org.deidworkbench.crypto.ProjectSecret;

/** Planted for {@code ArchitectureRulesCanFailTest}: the cli row must refuse this use of crypto. */
final class PlantedCryptoUse {

    private PlantedCryptoUse() {
    }

    static ProjectSecret secret() {
        return ProjectSecret.generate(new SecureRandom());
    }
}
