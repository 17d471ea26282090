package org.deidworkbench.format.fhir;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.IParserErrorHandler;
import ca.uhn.fhir.parser.json.BaseJsonLikeValue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.deidworkbench.format.FormatException;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Resource;

/**
 * Parses and encodes FHIR R4 text with HAPI, turning every parser complaint into a
 * {@link FormatException} that keeps only HAPI's error code and the position: HAPI's messages can
 * quote the input. Elements R4 does not define are dropped and counted; values of the wrong type
 * reject the resource. Parsers are made per call (cheap); thread-safe.
 */
final class FhirParsing {

    private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d{4}");
    private static final Pattern POSITION = Pattern.compile("line:? ?(\\d+),? column:? ?(\\d+)", Pattern.CASE_INSENSITIVE);

    private FhirParsing() {
    }

    /** What parsing dropped, for the file's warnings. */
    static final class Dropped {
        long unknownElements;
        /** XML comments: free text outside every rule, so never written (HAPI would write them back). */
        long comments;
    }

    /** Parses one resource (a Bundle with its entries) from JSON or XML text; XML comments are dropped. */
    static Resource parse(String text, boolean xml, String where, Dropped dropped) throws FormatException {
        IParser parser = xml ? Fhir.context().newXmlParser() : Fhir.context().newJsonParser();
        parser.setParserErrorHandler(new Handler(dropped));
        try {
            Resource r = (Resource) parser.parseResource(text);
            if (xml) {
                dropped.comments += dropComments(r);
            }
            return r;
        } catch (Refused e) {
            throw new FormatException("FHIR-INVALID-VALUE", where + placeIn(e.element), e.getMessage());
        } catch (DataFormatException | ClassCastException | IllegalArgumentException | IllegalStateException e) {
            throw new FormatException(code(e), where + position(e.getMessage()), "not a valid FHIR R4 "
                    + (xml ? "XML" : "JSON") + " resource (" + hapiCode(e.getMessage()) + ")");
        }
    }

    /**
     * Removes the XML comments HAPI keeps on every element of a tree (and writes back when encoding);
     * returns how many there were. Comments inside an XHTML narrative belong to the narrative.
     */
    static long dropComments(Base node) {
        long n = 0;
        if (node.hasFormatComment()) {
            n += node.getFormatCommentsPre().size() + node.getFormatCommentsPost().size();
            node.getFormatCommentsPre().clear();
            node.getFormatCommentsPost().clear();
        }
        for (Property p : ElementChildren.of(node)) {
            if (p.hasValues()) {
                for (Base v : p.getValues()) {
                    n += dropComments(v);
                }
            }
        }
        return n;
    }

    /** Encodes a resource as HAPI writes it, pretty-printed or compact. */
    static String encode(Resource resource, boolean xml, boolean pretty) {
        IParser parser = xml ? Fhir.context().newXmlParser() : Fhir.context().newJsonParser();
        return parser.setPrettyPrint(pretty).encodeResourceToString(resource);
    }

    private static String code(RuntimeException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.contains("HAPI-1684") || m.contains("Unknown resource name") || m.contains("HAPI-1685")
                ? "FHIR-UNKNOWN-RESOURCE-TYPE" : "FHIR-PARSE-ERROR";
    }

    private static String hapiCode(String message) {
        if (message == null) {
            return "no detail";
        }
        Matcher m = HAPI_CODE.matcher(message);
        return m.find() ? m.group() : "no detail";
    }

    private static String position(String message) {
        if (message == null) {
            return "";
        }
        Matcher m = POSITION.matcher(message);
        return m.find() ? ", line " + m.group(1) + " column " + m.group(2) : "";
    }

    private static String placeIn(String element) {
        return element == null || element.isEmpty() || !element.matches("[A-Za-z0-9._\\[\\]-]{1,200}") ? ""
                : ", in element '" + element + "'";
    }

    /** A value of the wrong type or an invalid form; names the element, never the value. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String element;

        Refused(String element, String message) {
            super(message);
            this.element = element;
        }
    }

    /** Collects unknown elements (dropped) and refuses invalid values, without ever logging. */
    private static final class Handler implements IParserErrorHandler {
        private final Dropped dropped;

        Handler(Dropped dropped) {
            this.dropped = dropped;
        }

        @Override
        public void containedResourceWithNoId(IParseLocation location) {
            throw new Refused(parent(location), "a contained resource has no id");
        }

        @Override
        public void incorrectJsonType(IParseLocation location, String elementName, BaseJsonLikeValue.ValueType expected,
                BaseJsonLikeValue.ScalarType expectedScalar, BaseJsonLikeValue.ValueType found,
                BaseJsonLikeValue.ScalarType foundScalar) {
            throw new Refused(elementName, "a value has the wrong JSON type (" + expected + " expected, " + found
                    + " found)");
        }

        @Override
        public void invalidValue(IParseLocation location, String value, String error) {
            throw new Refused(parent(location), "a value is not valid for its FHIR type");
        }

        @Override
        public void missingRequiredElement(IParseLocation location, String elementName) {
            // Written as read; the output is no less valid than the input.
        }

        @Override
        public void unexpectedRepeatingElement(IParseLocation location, String elementName) {
            throw new Refused(elementName, "an element that may occur once is repeated");
        }

        @Override
        public void unknownAttribute(IParseLocation location, String attributeName) {
            dropped.unknownElements++;
        }

        @Override
        public void unknownElement(IParseLocation location, String elementName) {
            dropped.unknownElements++;
        }

        @Override
        public void unknownReference(IParseLocation location, String reference) {
            // References are checked when they are rewritten.
        }

        @Override
        public void invalidInternalReference(IParseLocation location, String reference) {
            // References are checked when they are rewritten.
        }

        @Override
        public void extensionContainsValueAndNestedExtensions(IParseLocation location) {
            throw new Refused(parent(location), "an extension has both a value and nested extensions");
        }

        private static String parent(IParseLocation location) {
            return location == null ? null : location.getParentElementName();
        }
    }
}
