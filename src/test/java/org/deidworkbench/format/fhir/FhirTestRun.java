package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileStats;

/** Runs the FHIR processor over files as a run does (scan all, freeze, transform each). */
final class FhirTestRun {

    final Deidentifier engine;
    final FhirProcessor processor;
    FileStats lastStats;

    FhirTestRun(Deidentifier engine) {
        this.engine = engine;
        this.processor = new FhirProcessor(engine, false);
    }

    static FhirTestRun safeHarbor() throws Exception {
        return new FhirTestRun(FhirFixtures.engine(FhirFixtures.safeHarbor()));
    }

    /** Scans every file, freezes the identifiers, transforms each; returns the outputs in order. */
    List<byte[]> run(Path... files) throws Exception {
        for (Path f : files) {
            processor.scan(f, f.getFileName().toString(), () -> false);
        }
        engine.freezeIdentifiers();
        List<byte[]> out = new ArrayList<>();
        for (Path f : files) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            lastStats = processor.transform(f, f.getFileName().toString(), bytes, () -> false);
            out.add(bytes.toByteArray());
        }
        return out;
    }

    /**
     * Writes {@code resources} into {@code dir} as an NDJSON export ({@code format} "ndjson": the token path) or an XML
     * collection Bundle ("xml": HAPI's path) and runs this run over it; the output's text.
     */
    String runAs(Path dir, String format, List<String> resources) throws Exception {
        Path in;
        if (format.equals("ndjson")) {
            in = write(dir, "export.ndjson", String.join("\n", resources) + "\n");
        } else {
            org.hl7.fhir.r4.model.Bundle b = new org.hl7.fhir.r4.model.Bundle();
            b.setType(org.hl7.fhir.r4.model.Bundle.BundleType.COLLECTION);
            for (String r : resources) {
                org.hl7.fhir.r4.model.Resource res = FhirParsing.parse(r, false, "", new FhirParsing.Dropped());
                b.addEntry().setFullUrl("http://example.org/fhir/" + res.fhirType() + "/" + res.getIdElement().getIdPart())
                        .setResource(res);
            }
            in = write(dir, "bundle.xml", FhirFixtures.xml(b, false));
        }
        return new String(run(in).get(0), StandardCharsets.UTF_8);
    }

    /** Every value of a primitive element named {@code element} in an output's JSON or XML text, in order. */
    static List<String> values(String out, String element) {
        Matcher m = Pattern.compile("\"" + element + "\":\"([^\"]*)\"|<" + element + " value=\"([^\"]*)\"").matcher(out);
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return found;
    }

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    private static final Pattern BASE64_VALUE = Pattern.compile("\"data\"\\s*:\\s*\"([A-Za-z0-9+/=]+)\"|<data value=\"([A-Za-z0-9+/=]+)\"");

    /** Fails naming the identifier (never printing data beyond the fixture's own) found in the output or its attachments. */
    static void assertNoIdentifier(String output, List<String> identifiers) {
        List<String> texts = new ArrayList<>();
        texts.add(output);
        Matcher m = BASE64_VALUE.matcher(output);
        while (m.find()) {
            String b64 = m.group(1) != null ? m.group(1) : m.group(2);
            texts.add(new String(Base64.getDecoder().decode(b64), StandardCharsets.ISO_8859_1));
        }
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            for (String id : identifiers) {
                assertTrue(!lower.contains(id.toLowerCase(Locale.ROOT)), () -> "identifier '" + id + "' leaked into the output");
            }
        }
    }
}
