package org.deidworkbench.format.dicom;

import java.util.ArrayList;
import java.util.List;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomDictionary;
import org.deidworkbench.dicom.Element;
import org.deidworkbench.dicom.Tag;
import org.deidworkbench.model.FieldDecision;

/**
 * {@code profile explain FILE.dcm}: the decision of {@link DicomPolicy} for every element of a file,
 * nested ones included (items of kept sequences), in file order, with the reason. Reads no value
 * except to find private creators; changes nothing and issues no pseudonym.
 */
final class Explainer {

    private Explainer() {
    }

    static List<FieldDecision> explain(Dataset ds, DicomPolicy policy, PrivateDeclarations declared) {
        List<FieldDecision> out = new ArrayList<>();
        walk(ds, policy, declared, new int[65], new String[65], null, 0, "", out);
        return out;
    }

    private static void walk(Dataset ds, DicomPolicy policy, PrivateDeclarations declared, int[] tags,
            String[] creators, Decision.Treatment inherited, int depth, String prefix, List<FieldDecision> out) {
        DicomDictionary dictionary = DicomDictionary.standard();
        for (Element e : ds.elements()) {
            int tag = e.tag();
            if (depth == 0 && Tag.group(tag) == 0x0002) {
                continue;
            }
            tags[depth] = tag;
            creators[depth] = Tag.isPrivateData(tag) ? ds.privateCreator(tag) : null;
            DicomPolicy.Place place = new DicomPolicy.Place(tags, creators, depth, inherited);
            Decision d = policy.decide(place, e.vr(), declared);
            String path = prefix.isEmpty() ? Tag.toString(tag) : prefix + "/" + Tag.toString(tag);
            String name = Tag.isPrivate(tag) ? "private" + (creators[depth] == null ? "" : " (" + creators[depth].strip()
                    + ")") : dictionary.keyword(tag);
            out.add(new FieldDecision(path, name, d.ruleId(), d.action(), d.treatment() == Decision.Treatment.SUBJECT,
                    d.reason()));
            if (e.isSequence() && depth < 63 && switch (d.treatment()) {
                case KEEP, DUMMY, CLEAN, UID -> true;
                default -> false;
            }) {
                for (int i = 0; i < e.items().size(); i++) {
                    walk(e.items().get(i), policy, declared, tags, creators, place.inheritedBy(d), depth + 1,
                            path + "[" + i + "]", out);
                }
            }
        }
    }
}
