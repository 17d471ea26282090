package org.deidworkbench.format.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.fhirpath.FHIRPathEngine;
import org.hl7.fhir.r4.hapi.ctx.HapiWorkerContext;

/**
 * The one shared HAPI {@link FhirContext} (R4) of the application, and the factories built on it.
 * The context is expensive (about a second) and thread-safe, so it is created once, on first use;
 * parsers and FHIRPath engines are cheap and handed out per thread or per file.
 */
final class Fhir {

    private static final Object LOCK = new Object();
    private static volatile FhirContext context;
    private static volatile IValidationSupport definitions;

    private Fhir() {
    }

    /**
     * The shared context. Parser options keep what the input says: a resource's id is never replaced
     * by its Bundle entry's fullUrl, versions stay on references, nothing is contained automatically.
     */
    static FhirContext context() {
        FhirContext c = context;
        if (c == null) {
            synchronized (LOCK) {
                c = context;
                if (c == null) {
                    c = FhirContext.forR4();
                    c.getParserOptions().setOverrideResourceIdWithBundleEntryFullUrl(false);
                    c.getParserOptions().setStripVersionsFromReferences(false);
                    c.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
                    context = c;
                }
            }
        }
        return c;
    }

    /**
     * A new FHIRPath engine on the shared context. Not thread-safe: one per thread. Cheap to create;
     * the base structure definitions an expression needs (for {@code ofType}, {@code is}, a type name)
     * are parsed when it first needs them, each once per JVM ({@link CoreDefinitions}).
     */
    static FHIRPathEngine newPathEngine() {
        return new FHIRPathEngine(new HapiWorkerContext(context(), new LazyDefinitions(context())));
    }

    private static IValidationSupport definitions(FhirContext ctx) {
        IValidationSupport d = definitions;
        if (d == null) {
            synchronized (LOCK) {
                d = definitions;
                if (d == null) {
                    d = new DefaultProfileValidationSupport(ctx);
                    definitions = d;
                }
            }
        }
        return d;
    }

    /**
     * Structure definitions fetched one by one when the engine asks, instead of all of them when it
     * is built, which would cost seconds for every engine. The base definitions of types and resources
     * come from {@link CoreDefinitions}, parsed one at a time; any other URL from HAPI's default support,
     * which loads every definition it has on its first request.
     */
    private static final class LazyDefinitions implements IValidationSupport {
        private final FhirContext ctx;

        LazyDefinitions(FhirContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public FhirContext getFhirContext() {
            return ctx;
        }

        @Override
        public <T extends IBaseResource> List<T> fetchAllStructureDefinitions() {
            return new ArrayList<>();
        }

        @Override
        public IBaseResource fetchStructureDefinition(String url) {
            IBaseResource sd = CoreDefinitions.shared().fetch(url);
            return sd != null ? sd : definitions(ctx).fetchStructureDefinition(url);
        }
    }
}
