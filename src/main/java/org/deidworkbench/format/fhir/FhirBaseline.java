package org.deidworkbench.format.fhir;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FormatDetector;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A plain HAPI parse and serialize of a FHIR file, with no checks and no de-identification: the
 * baseline {@code deid bench fhir} measures the pipeline against. JSON and XML files are parsed
 * whole, NDJSON line by line. Not for real use.
 */
public final class FhirBaseline {

    private FhirBaseline() {
    }

    /** Parses {@code in} and writes it back to {@code out} as it was laid out; returns the resources read. */
    public static long parseAndPrint(Path in, OutputStream out) throws IOException {
        FileFormat format = FormatDetector.detect(in);
        var ctx = Fhir.context();
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long n = 0;
        if (format == FileFormat.FHIR_NDJSON) {
            var parser = ctx.newJsonParser();
            try (BufferedReader r = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
                String line;
                while ((line = r.readLine()) != null) {
                    if (!line.isBlank()) {
                        w.write(parser.encodeResourceToString(parser.parseResource(line)));
                        w.write('\n');
                        n++;
                    }
                }
            }
        } else {
            var parser = format == FileFormat.FHIR_XML ? ctx.newXmlParser() : ctx.newJsonParser();
            String text = Files.readString(in, StandardCharsets.UTF_8);
            IBaseResource r = parser.parseResource(text);
            parser.setPrettyPrint(text.strip().indexOf('\n') > 0);
            w.write(parser.encodeResourceToString(r));
            n = r instanceof Bundle b ? b.getEntry().size() : 1;
        }
        w.flush();
        return n;
    }

    /** Whether the file is an NDJSON bulk export (else a JSON or XML resource or Bundle). */
    public static boolean isNdjson(Path file) throws IOException {
        return FormatDetector.detect(file) == FileFormat.FHIR_NDJSON;
    }

    /** Whether the file is one this baseline (and the FHIR pipeline) reads. */
    public static boolean isFhir(Path file) throws IOException {
        FileFormat f = FormatDetector.detect(file);
        return f == FileFormat.FHIR_JSON || f == FileFormat.FHIR_XML || f == FileFormat.FHIR_NDJSON;
    }
}
