package org.deidworkbench.format.fhir;

import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.BackboneType;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Property;

/**
 * Every child of an element, as the definitions (and the JSON and XML) have them. HAPI's
 * {@code Base.children()} leaves out the {@code id} and {@code extension} of the BackboneType data
 * types (Timing, Dosage, ElementDefinition, ...) and every Resource and DomainResource element
 * ({@code text}, {@code contained}, {@code extension}, {@code meta}, ...) of the MetadataResource
 * types (Questionnaire, Library, PlanDefinition, ...): a walk over {@code children()} alone would
 * leave those values as they were. Stateless.
 */
final class ElementChildren {

    private ElementChildren() {
    }

    /** The children of {@code node} with values or not, the missing ones first (where the definitions have them). */
    static List<Property> of(Base node) {
        List<Property> listed = node.children();
        if (node instanceof BackboneType bt && !has(listed, "extension")) {
            List<Property> all = new ArrayList<>(listed.size() + 2);
            all.add(new Property("id", "string", "", 0, 1, bt.hasIdElement() ? bt.getIdElement() : null));
            all.add(new Property("extension", "Extension", "", 0, Integer.MAX_VALUE, bt.getExtension()));
            all.addAll(listed);
            return all;
        }
        if (node instanceof DomainResource r && !has(listed, "text")) {
            List<Property> all = new ArrayList<>(listed.size() + 8);
            all.add(new Property("id", "id", "", 0, 1, r.hasIdElement() ? r.getIdElement() : null));
            all.add(new Property("meta", "Meta", "", 0, 1, r.hasMeta() ? r.getMeta() : null));
            all.add(new Property("implicitRules", "uri", "", 0, 1,
                    r.hasImplicitRulesElement() ? r.getImplicitRulesElement() : null));
            all.add(new Property("language", "code", "", 0, 1, r.hasLanguageElement() ? r.getLanguageElement() : null));
            all.add(new Property("text", "Narrative", "", 0, 1, r.hasText() ? r.getText() : null));
            all.add(new Property("contained", "Resource", "", 0, Integer.MAX_VALUE, r.getContained()));
            all.add(new Property("extension", "Extension", "", 0, Integer.MAX_VALUE, r.getExtension()));
            all.add(new Property("modifierExtension", "Extension", "", 0, Integer.MAX_VALUE, r.getModifierExtension()));
            all.addAll(listed);
            return all;
        }
        return listed;
    }

    private static boolean has(List<Property> properties, String name) {
        for (Property p : properties) {
            if (p.getName().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
