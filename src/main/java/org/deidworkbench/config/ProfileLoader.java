package org.deidworkbench.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.Profile;
import org.deidworkbench.model.SourceLocation;

/**
 * Loads rule profiles (YAML schema version 1, see {@code profiles.md}) and validates each as a whole
 * before any data is read: every problem is reported at once, with file, line, column and rule id.
 * Thread-safe. Cost: a profile of a few hundred rules parses in milliseconds; built-in profiles are
 * parsed once and then cached.
 */
public final class ProfileLoader {

    /** Profiles are hand-written text; anything bigger is a mistake (or an attack on the parser). */
    static final int MAX_PROFILE_BYTES = 1 << 20;

    private static final String BUILT_IN_PREFIX = "built-in:";
    private static final List<String> BUILT_IN_NAMES = List.of("csv-template", "dicom-basic", "fhir-safe-harbor");
    /** The built-in profile whose section a profile without its own {@code fhir:} section gets (decision 0006). */
    private static final String FHIR_BUILT_IN = "fhir-safe-harbor";
    /** The built-in profile whose {@code dicom:} section a profile without one gets (decision 0006). */
    static final String DICOM_SECTION_BUILT_IN = "dicom-basic";
    private static final Map<String, YamlNode.Entry> SECTION_CACHE = new ConcurrentHashMap<>();
    private static final Map<String, Profile> BUILT_IN_CACHE = new ConcurrentHashMap<>();

    private ProfileLoader() {
    }

    /** Reads and validates the profile in {@code file} (UTF-8); locations name the path as given. */
    public static Profile load(Path file) throws ProfileException {
        return parseBytes(fileBytes(file), file.toString());
    }

    private static Profile parseBytes(byte[] bytes, String source) throws ProfileException {
        SourceLocation at = new SourceLocation(source, 0, 0);
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw single(ProfileException.UNREADABLE, at, "the profile is not UTF-8 text; save it as UTF-8");
        }
        return parse(text, source);
    }

    private static byte[] fileBytes(Path file) throws ProfileException {
        SourceLocation at = new SourceLocation(file.toString(), 0, 0);
        try {
            if (Files.isDirectory(file)) {
                throw single(ProfileException.UNREADABLE, at, "is a folder, not a profile file");
            }
            long size = Files.size(file);
            if (size > MAX_PROFILE_BYTES) {
                throw single(ProfileException.UNREADABLE, at, "profile file is " + size + " bytes; profiles are"
                        + " limited to " + MAX_PROFILE_BYTES + " bytes");
            }
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw single(ProfileException.NOT_FOUND, at, "profile file not found");
        } catch (IOException e) {
            throw single(ProfileException.UNREADABLE, at, "cannot read the profile file ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Parses and validates profile text.
     *
     * @param sourceName the name used in locations and as {@link Profile#source()}, e.g. a file name
     */
    public static Profile parse(String yaml, String sourceName) throws ProfileException {
        return parse(yaml, sourceName, false);
    }

    private static Profile parse(String yaml, String sourceName, boolean builtIn) throws ProfileException {
        if (yaml.length() > MAX_PROFILE_BYTES) {
            throw single(ProfileException.UNREADABLE, new SourceLocation(sourceName, 0, 0), "profile text is longer"
                    + " than " + MAX_PROFILE_BYTES + " characters");
        }
        String text = yaml.startsWith("\uFEFF") ? yaml.substring(1) : yaml;
        List<ProfileProblem> problems = new ArrayList<>();
        YamlNode root = YamlTreeReader.read(text, sourceName, problems);
        Profile profile = new ProfileReader(sourceName, problems, builtInSections(sourceName), builtIn).read(root);
        if (!problems.isEmpty() || profile == null) {
            if (problems.isEmpty()) {
                throw new IllegalStateException("profile rejected without a problem being reported");
            }
            problems.sort(Comparator.comparingInt((ProfileProblem p) -> p.location().line())
                    .thenComparingInt(p -> p.location().column()));
            throw new ProfileException(ProfileException.INVALID, problems);
        }
        return withBuiltInSections(profile);
    }

    /** {@code profile} with the built-in section of every format it has none for (decision 0006). */
    private static Profile withBuiltInSections(Profile profile) throws ProfileException {
        if (profile.sections().containsKey(FhirSection.KEY)) {
            return profile;
        }
        FhirSection fhir = builtIn(FHIR_BUILT_IN).section(FhirSection.KEY, FhirSection.class)
                .orElseThrow(() -> new IllegalStateException("the built-in " + FHIR_BUILT_IN + " has no fhir section"));
        return profile.withSection(fhir);
    }

    /**
     * The section nodes of the built-in profiles that a profile lacking a section is given: the
     * {@code dicom:} section of {@value #DICOM_SECTION_BUILT_IN}. Read again for each profile, so its
     * pseudonym formats follow the profile's own rules for the same domain.
     */
    private static Map<String, YamlNode.Entry> builtInSections(String sourceName) throws ProfileException {
        String own = BUILT_IN_PREFIX + DICOM_SECTION_BUILT_IN;
        if (sourceName.equals(own)) {
            return Map.of();
        }
        YamlNode.Entry dicom = SECTION_CACHE.get("dicom");
        if (dicom == null) {
            List<ProfileProblem> problems = new ArrayList<>();
            YamlNode root = YamlTreeReader.read(new String(builtInBytes(DICOM_SECTION_BUILT_IN), StandardCharsets.UTF_8),
                    own, problems);
            if (!problems.isEmpty() || !(root instanceof YamlNode.Mapping m)) {
                throw new IllegalStateException("built-in profile " + own + " does not parse");
            }
            dicom = m.entries().stream().filter(e -> e.key().equals("dicom")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(own + " has no dicom section"));
            SECTION_CACHE.putIfAbsent("dicom", dicom);
        }
        return Map.of("dicom", dicom);
    }

    /** A built-in profile by name (see {@link #builtInNames()}), read from the classpath. */
    public static Profile builtIn(String name) throws ProfileException {
        if (!BUILT_IN_NAMES.contains(name)) {
            throw single(ProfileException.NOT_FOUND, new SourceLocation(BUILT_IN_PREFIX + name, 0, 0),
                    "no built-in profile named '" + name + "'" + Suggestions.hint(name, BUILT_IN_NAMES));
        }
        Profile cached = BUILT_IN_CACHE.get(name);
        if (cached != null) {
            return cached;
        }
        Profile profile = parse(new String(builtInBytes(name), StandardCharsets.UTF_8), BUILT_IN_PREFIX + name, true);
        BUILT_IN_CACHE.putIfAbsent(name, profile);
        return profile;
    }

    /**
     * Reads every built-in profile as a user's profile is read, with each FHIRPath, type and element name
     * parsed by HAPI: the check that {@link #builtIn} leaves to the build (it would load HAPI's R4 model
     * into every run). Returns the problems found, empty when all built-ins are valid; run by the tests.
     */
    static List<ProfileProblem> checkBuiltIns() {
        List<ProfileProblem> problems = new ArrayList<>();
        for (String name : BUILT_IN_NAMES) {
            try {
                parse(new String(builtInBytes(name), StandardCharsets.UTF_8), "checked " + BUILT_IN_PREFIX + name,
                        false);
            } catch (ProfileException e) {
                problems.addAll(e.problems());
            }
        }
        return problems;
    }

    /**
     * {@code --profile X}: a built-in name (with or without {@code built-in:}), or else a path to a
     * YAML file, read once: the profile and the SHA-256 of exactly the bytes that were parsed.
     */
    public static LoadedProfile read(String nameOrPath) throws ProfileException {
        String name = builtInName(nameOrPath);
        if (BUILT_IN_NAMES.contains(name)) {
            return new LoadedProfile(builtIn(name), sha256(builtInBytes(name)));
        }
        Path path = existingPath(nameOrPath);
        byte[] bytes = fileBytes(path);
        return new LoadedProfile(parseBytes(bytes, path.toString()), sha256(bytes));
    }

    private static byte[] builtInBytes(String name) throws ProfileException {
        String resource = "profiles/" + name + ".yaml";
        try (InputStream in = ProfileLoader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("built-in profile resource missing from the build: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw single(ProfileException.UNREADABLE, new SourceLocation(BUILT_IN_PREFIX + name, 0, 0),
                    "cannot read the built-in profile (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** The YAML text of a built-in profile, to start a profile of one's own from (the workbench's editor). */
    public static String builtInText(String name) throws ProfileException {
        builtIn(name);
        return new String(builtInBytes(name), StandardCharsets.UTF_8);
    }

    /** Names accepted by {@link #builtIn(String)}, e.g. {@code csv-template}. */
    public static List<String> builtInNames() {
        return BUILT_IN_NAMES;
    }

    /** {@code --profile X}: a built-in name, or else a path to a YAML file (see {@link #read}). */
    public static Profile resolve(String nameOrPath) throws ProfileException {
        return read(nameOrPath).profile();
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }

    /** {@code nameOrPath} without a {@code built-in:} prefix. */
    private static String builtInName(String nameOrPath) {
        return nameOrPath.startsWith(BUILT_IN_PREFIX) ? nameOrPath.substring(BUILT_IN_PREFIX.length()) : nameOrPath;
    }

    private static Path existingPath(String nameOrPath) throws ProfileException {
        String name = builtInName(nameOrPath);
        Path path;
        try {
            path = Path.of(nameOrPath);
        } catch (InvalidPathException e) {
            path = null;
        }
        if (path == null || !Files.exists(path)) {
            throw single(ProfileException.NOT_FOUND, new SourceLocation(nameOrPath, 0, 0),
                    "no built-in profile of this name and no such file"
                            + Suggestions.closest(name, BUILT_IN_NAMES).map(c -> " (did you mean the built-in '" + c
                                    + "'?)").orElse(" (built-in profiles: " + String.join(", ", BUILT_IN_NAMES) + ")"));
        }
        return path;
    }

    private static ProfileException single(String code, SourceLocation at, String message) {
        return new ProfileException(code, List.of(new ProfileProblem(at, null, message)));
    }
}
