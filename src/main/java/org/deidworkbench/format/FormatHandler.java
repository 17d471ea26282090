package org.deidworkbench.format;

import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.model.FormatSection;
import org.deidworkbench.model.Profile;

/**
 * A file format the workbench can de-identify. Each format package has one implementation, and
 * {@code job.FormatRegistry} lists them (one line per format); runs and previews find the handler
 * of a file through the registry and never name a format themselves. A format that is recognised
 * by {@link FormatDetector} but has no handler is withheld, never copied.
 *
 * <p>Implementations are stateless and thread-safe; the per-run state lives in the processors.
 */
public interface FormatHandler {

    /** Short name for messages and reports, e.g. {@code CSV}. */
    String name();

    /** The detected formats this handler cleans. */
    Set<FileFormat> formats();

    /**
     * The reader of every value of a file of this format, for the leak verifier; empty when the format
     * has none yet (its files are then only scanned as raw text, and the verifier says so).
     */
    default Optional<ValueReader> valueReader() {
        return Optional.empty();
    }

    /**
     * A processor for all files of this handler's formats in one run or preview, bound to its
     * engine. Cheap; called once per run.
     *
     * @param engine the run's engine (profile, keys, ledger, known identifiers)
     * @param noteIdentifiersWhileTransforming true when no scan pass runs, so identifiers (for file
     *     names) must be noted while transforming
     */
    FileProcessor processor(Deidentifier engine, boolean noteIdentifiersWhileTransforming);

    /**
     * As {@link #processor(Deidentifier, boolean)}, with a folder for the processor's temporary
     * files: owner-only, inside the run's work folder and deleted with it, so a run leaves nothing
     * outside its output folder. A processor that spools (e.g. inflates a compressed file to disk)
     * puts its files there, never in the system's temporary folder. By default the folder is not used.
     */
    default FileProcessor processor(Deidentifier engine, boolean noteIdentifiersWhileTransforming, Path scratch) {
        return processor(engine, noteIdentifiersWhileTransforming);
    }

    /**
     * Whether a run with files of this format must scan every file for identifiers before it
     * transforms any, so that text in one file loses identifiers found in another. By default when
     * the profile scrubs free text; a format that always scrubs kept text (DICOM) says yes.
     */
    default boolean needsScanPass(Profile profile) {
        return profile.scrubsText();
    }

    /**
     * The key of the profile section whose rules clean this format ({@code dicom}, {@code fhir}), or
     * empty when the format reads the profile's top-level rules (CSV).
     */
    default Optional<String> sectionKey() {
        return Optional.empty();
    }

    /**
     * Which rules decide this format's files in a run with {@code profile}, as the report names them
     * (decision 0006): {@code built-in:NAME} when they come from a built-in profile (a section lent
     * to a profile that has none, or a built-in profile run as it is), else {@code profile:NAME}
     * with the profile's name. Never a path: the report ships with the data.
     */
    default String rulesSource(Profile profile) {
        String source = sectionKey().map(k -> profile.sections().get(k)).map(FormatSection::source)
                .orElse(profile.source());
        return source.startsWith("built-in:") ? source : "profile:" + profile.name();
    }
}
