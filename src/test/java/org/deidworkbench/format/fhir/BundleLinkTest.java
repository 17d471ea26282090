package org.deidworkbench.format.fhir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.deidworkbench.model.FhirSection;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Bundle's self link is kept with its search rewritten where that is safe; paging links are removed. */
class BundleLinkTest {

    @TempDir
    Path dir;

    private String clean(String... links) throws Exception {
        Bundle b = new Bundle().setType(Bundle.BundleType.SEARCHSET);
        for (int i = 0; i < links.length; i += 2) {
            b.addLink().setRelation(links[i]).setUrl(links[i + 1]);
        }
        b.addEntry().setFullUrl("http://x.org/fhir/Observation/o1").setResource(FhirFixtures.bulk().get(2));
        Path in = FhirTestRun.write(dir, "search.json", FhirFixtures.json(b, false));
        return new String(FhirTestRun.safeHarbor().run(in).get(0), StandardCharsets.UTF_8);
    }

    private static List<String> links(String json) {
        Bundle b = (Bundle) Fhir.context().newJsonParser().parseResource(json);
        return b.getLink().stream().map(l -> l.getRelation() + " " + l.getUrl()).toList();
    }

    @Test
    void selfLinkKeepsItsSearchWithIdsKeyed() throws Exception {
        String keyed = new References(FhirFixtures.engine(FhirFixtures.safeHarbor()),
                FhirFixtures.safeHarbor().section(FhirSection.KEY, FhirSection.class).orElseThrow()).id("Patient", "pat-1");
        assertEquals(List.of("self http://x.org/fhir/Observation?patient=" + keyed + "&_count=10"),
                links(clean("self", "http://x.org/fhir/Observation?patient=pat-1&_count=10")));
    }

    @Test
    void pagingLinksAreRemoved() throws Exception {
        String out = clean("self", "http://x.org/fhir/Observation?code=http://loinc.org|2345-7", "next",
                "http://x.org/fhir?_getpages=3f1c&_getpagesoffset=20");
        assertEquals(1, links(out).size());
        assertFalse(out.contains("_getpages"));
    }

    @Test
    void aSelfLinkThatCannotBeMadeSafeIsRemoved() throws Exception {
        String out = clean("self", "http://x.org/fhir/Patient?name=Zebulon");
        assertTrue(links(out).isEmpty());
        assertFalse(out.contains("Zebulon"));
    }
}
