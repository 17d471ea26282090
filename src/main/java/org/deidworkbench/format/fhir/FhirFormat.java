package org.deidworkbench.format.fhir;

import java.util.Optional;
import java.util.Set;
import org.deidworkbench.deid.engine.Deidentifier;
import org.deidworkbench.format.FileFormat;
import org.deidworkbench.format.FileProcessor;
import org.deidworkbench.format.FormatHandler;
import org.deidworkbench.model.FhirSection;
import org.deidworkbench.model.Profile;

/**
 * FHIR R4 resources and Bundles in JSON and XML, and NDJSON bulk exports, cleaned with the
 * profile's {@code fhir:} section through HAPI FHIR. Stateless; the HAPI context is created on the
 * first FHIR file, not when the handler is registered.
 */
public final class FhirFormat implements FormatHandler {

    @Override
    public String name() {
        return "FHIR";
    }

    @Override
    public Set<FileFormat> formats() {
        return Set.of(FileFormat.FHIR_JSON, FileFormat.FHIR_XML, FileFormat.FHIR_NDJSON);
    }

    @Override
    public java.util.Optional<org.deidworkbench.format.ValueReader> valueReader() {
        return java.util.Optional.of(new FhirValueReader());
    }

    @Override
    public FileProcessor processor(Deidentifier engine, boolean noteIdentifiersWhileTransforming) {
        return new FhirProcessor(engine, noteIdentifiersWhileTransforming);
    }

    @Override
    public Optional<String> sectionKey() {
        return Optional.of(FhirSection.KEY);
    }

    /** FHIR files are always scanned first: a resource's patient may be in another file. */
    @Override
    public boolean needsScanPass(Profile profile) {
        return true;
    }
}
