package org.deidworkbench.gui.common;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.deidworkbench.config.LoadedProfile;
import org.deidworkbench.config.ProfileException;
import org.deidworkbench.job.DicomImages;
import org.deidworkbench.job.FileKind;
import org.deidworkbench.job.JobException;
import org.deidworkbench.job.PreviewJob;
import org.deidworkbench.job.RunListener;
import org.deidworkbench.job.RunRequest;
import org.deidworkbench.job.RunResult;
import org.deidworkbench.keyfile.KeyFileException;
import org.deidworkbench.keyfile.KeyFileInfo;
import org.deidworkbench.keyfile.Reidentifier;
import org.deidworkbench.keyfile.RunRecord;
import org.deidworkbench.model.DicomImage;
import org.deidworkbench.model.FieldDecision;

/**
 * Everything the workbench asks of {@code job}, {@code config} and {@code keyfile}, in one
 * interface: the real engine behind {@link DefaultJobService}, fakes in view model tests, and a
 * guard in the window tests that fails any call made on the FX thread. Every method may be slow and
 * must be called from {@link BackgroundTasks} work.
 */
public interface JobService {

    /**
     * Loads and exercises the preview code once on a tiny synthetic file, so the steward's first
     * preview does not pay for class loading (called on a worker at start; nothing stays behind).
     */
    default void warmUp() {
    }

    /** A file's format and whether this version cleans it. */
    FileKind kind(Path file) throws JobException;

    /** The built-in profile names. */
    List<String> builtInProfiles();

    /** The built-in profile's YAML text, to start editing from. */
    String builtInProfileText(String name) throws ProfileException;

    /** Parses and validates profile text; {@code source} names it in problem locations. */
    LoadedProfile parseProfile(String yaml, String source) throws ProfileException;

    /**
     * Previews of one export's files (see {@link PreviewJob.Session}) with the study's unlocked key
     * file, so they show the pseudonyms and date offsets a run writes, or with a throwaway key when
     * {@code key} is {@code null}.
     */
    PreviewSession openPreview(LoadedProfile profile, UnlockedKey key, List<Path> context, BooleanSupplier cancelled)
            throws JobException;

    /** An open preview session. */
    interface PreviewSession {
        /** The first {@code maxRecords} records of {@code file}, before and after. */
        PreviewJob.Result preview(Path file, int maxRecords, BooleanSupplier cancelled) throws JobException;

        /**
         * The same at once, before identifiers are collected: exact except for free text (see
         * {@link PreviewJob.Session#previewPartial}); the view hides free-text fields of it.
         */
        PreviewJob.Result previewPartial(Path file, int maxRecords, BooleanSupplier cancelled) throws JobException;
    }

    /**
     * A DICOM file's image, before and after de-identification with {@code profile} (see
     * {@link org.deidworkbench.job.DicomImages#open}); the caller closes it.
     */
    ImageSource openDicomImage(Path file, LoadedProfile profile, BooleanSupplier cancelled) throws JobException;

    /** An opened DICOM image (see {@link org.deidworkbench.job.DicomImages.Source}); frames may be read on any thread. */
    interface ImageSource extends AutoCloseable {
        /** What the original file says about its image. */
        DicomImage.Header header();

        /** A frame of the original (holds original pixels: never log it). */
        DicomImage original(int frame) throws JobException;

        /** The frame as a run writes it; empty when a run withholds the file. */
        Optional<DicomImage> deidentified(int frame) throws JobException;

        /** Why a run withholds the file, if it does. */
        Optional<DicomImages.Withheld> withheld();

        /** The redaction rule a run applies to the file, if one does. */
        Optional<String> redaction();

        /** Deletes the temporary de-identified copy. */
        @Override
        void close();
    }

    /**
     * What the classifier suggests for each column of a CSV file (see
     * {@link org.deidworkbench.job.ProfileSuggestion#columns}): decided with classification on, the
     * file analysed with the other CSV files of its folder.
     */
    List<FieldDecision> suggestColumns(Path file, LoadedProfile profile, BooleanSupplier cancelled)
            throws JobException;

    /** Which rule decides each field of {@code file}, and why. */
    List<FieldDecision> explain(Path file, LoadedProfile profile) throws JobException;

    /** Runs to the end; {@code task}'s cancel stops the run, which then throws {@code CANCELLED}. */
    RunResult run(RunRequest request, RunListener listener, BackgroundTasks.Task task) throws JobException;

    /** Creates a new key file (see {@link org.deidworkbench.job.KeyFiles#create}). */
    void createKeyFile(Path file, char[] passphrase) throws JobException;

    /** How a key file is sealed, without opening it. */
    KeyFileInfo inspectKeyFile(Path file) throws KeyFileException;

    /**
     * Opens the study's key file for previews (see {@link org.deidworkbench.job.StudyKey}); needs its
     * passphrase, which is not kept (the caller wipes it). About a second (PBKDF2).
     */
    UnlockedKey unlockKeyFile(Path file, char[] passphrase) throws JobException;

    /**
     * Looks pseudonyms up in the key file (see {@link org.deidworkbench.keyfile.Reidentifier#lookup}):
     * first appends who ({@code user.name}), when, why and which values to its sealed audit log and
     * re-seals it, then returns the originals. The passphrase is not kept (the caller wipes it).
     *
     * @param domain one pseudonym domain, or {@code null} for every domain
     * @throws IllegalArgumentException when the reason is shorter than
     *     {@link org.deidworkbench.keyfile.Reidentifier#MIN_REASON_LENGTH}
     */
    Reidentifier.Result reidentify(Path keyFile, char[] passphrase, String reason, String domain,
            List<String> pseudonyms) throws KeyFileException;

    /**
     * The study's key file, opened: its keys stay in memory (for previews with the run's pseudonyms)
     * and are never shown; only its file and run history can be read. Forgetting the reference
     * forgets the key.
     */
    interface UnlockedKey {
        /** The key file, absolute. */
        Path file();

        /** Its runs, oldest first. */
        List<RunRecord> runs();
    }
}
