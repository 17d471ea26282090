package org.deidworkbench.format.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLEventFactory;
import javax.xml.stream.XMLEventReader;
import javax.xml.stream.XMLEventWriter;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.events.Namespace;
import javax.xml.stream.events.StartElement;
import javax.xml.stream.events.XMLEvent;
import org.deidworkbench.format.FormatException;

/**
 * An XML Bundle read entry by entry with StAX (see {@link BundleStream}). The shell keeps
 * everything but the root's {@code entry} elements (comments too, which parsing then drops); each
 * entry is copied, event by event, into a one-entry Bundle that declares the namespaces the root
 * declared. Documents with a DTD are not streamed (HAPI refuses them whole). Not thread-safe: one
 * per file.
 */
final class XmlBundleStream implements BundleStream {

    static final String FHIR = "http://hl7.org/fhir";

    private static final XMLInputFactory IN = XMLInputFactory.newFactory();
    private static final XMLOutputFactory OUT = XMLOutputFactory.newFactory();
    private static final XMLEventFactory EVENTS = XMLEventFactory.newFactory();

    static {
        IN.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        IN.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        IN.setProperty(XMLInputFactory.IS_COALESCING, false);
    }

    private final Path file;

    XmlBundleStream(Path file) {
        this.file = file;
    }

    /** Whether the file's root element is a FHIR Bundle, with no DTD before it (reads only that far). */
    static boolean isBundle(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLEventReader r = IN.createXMLEventReader(in);
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (e.getEventType() == XMLEvent.DTD) {
                    return false;
                }
                if (e.isStartElement()) {
                    QName name = e.asStartElement().getName();
                    return name.getLocalPart().equals("Bundle") && FHIR.equals(name.getNamespaceURI());
                }
            }
            return false;
        } catch (XMLStreamException | RuntimeException e) {
            return false;
        }
    }

    @Override
    public boolean xml() {
        return true;
    }

    @Override
    public String shellText() throws IOException, FormatException {
        StringWriter text = new StringWriter();
        read((r, root, prolog) -> {
            XMLEventWriter w = OUT.createXMLEventWriter(text);
            for (XMLEvent c : prolog) {
                w.add(c); // comments are dropped when parsed, and counted as in memory
            }
            w.add(root);
            int depth = 1;
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (depth == 1 && isEntry(e)) {
                    skip(r);
                    continue;
                }
                if (e.isStartElement()) {
                    depth++;
                } else if (e.isEndElement()) {
                    depth--;
                } else if (e.isEndDocument()) {
                    break;
                }
                w.add(e);
            }
            w.flush();
        });
        return text.toString();
    }

    @Override
    public void entryTexts(EntryTextTask task) throws IOException, FormatException {
        read((r, root, prolog) -> {
            long n = 0;
            int depth = 1;
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (depth == 1 && isEntry(e)) {
                    n++;
                    StringWriter text = new StringWriter();
                    XMLEventWriter w = OUT.createXMLEventWriter(text);
                    w.add(EVENTS.createStartElement("", FHIR, "Bundle", null, namespaces(root)));
                    copy(e, r, w);
                    w.add(EVENTS.createEndElement("", FHIR, "Bundle"));
                    w.flush();
                    task.accept(text.toString(), n);
                } else if (e.isStartElement()) {
                    depth++;
                } else if (e.isEndElement()) {
                    depth--;
                }
            }
        });
    }

    /** Reads the document up to and with its root element, then hands the reader on. */
    private interface Body {
        void read(XMLEventReader r, StartElement root, java.util.List<XMLEvent> prologComments)
                throws XMLStreamException, IOException, FormatException;
    }

    private void read(Body body) throws IOException, FormatException {
        try (InputStream in = Files.newInputStream(file)) {
            XMLEventReader r = IN.createXMLEventReader(in);
            java.util.List<XMLEvent> comments = new java.util.ArrayList<>();
            while (r.hasNext()) {
                XMLEvent e = r.nextEvent();
                if (e.getEventType() == XMLEvent.COMMENT) {
                    comments.add(e);
                } else if (e.isStartElement()) {
                    body.read(r, e.asStartElement(), comments);
                    return;
                }
            }
            throw new FormatException("FHIR-PARSE-ERROR", "", "not a FHIR XML Bundle");
        } catch (XMLStreamException e) {
            Location at = e.getLocation();
            throw new FormatException("FHIR-PARSE-ERROR", at == null ? "" : "line " + at.getLineNumber() + " column "
                    + at.getColumnNumber(), "not well-formed XML");
        }
    }

    private static boolean isEntry(XMLEvent e) {
        return e.isStartElement() && e.asStartElement().getName().getLocalPart().equals("entry")
                && FHIR.equals(e.asStartElement().getName().getNamespaceURI());
    }

    /** The root's namespace declarations, for a one-entry Bundle (the entry may use any of them). */
    private static Iterator<Namespace> namespaces(StartElement root) {
        return root.getNamespaces();
    }

    /** Copies the element that {@code start} opens, with everything in it. */
    private static void copy(XMLEvent start, XMLEventReader r, XMLEventWriter w) throws XMLStreamException {
        w.add(start);
        int depth = 1;
        while (depth > 0) {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                depth++;
            } else if (e.isEndElement()) {
                depth--;
            }
            w.add(e);
        }
    }

    private static void skip(XMLEventReader r) throws XMLStreamException {
        int depth = 1;
        while (depth > 0) {
            XMLEvent e = r.nextEvent();
            if (e.isStartElement()) {
                depth++;
            } else if (e.isEndElement()) {
                depth--;
            }
        }
    }

    @Override
    public String entryText(String printedOneEntryBundle) {
        int start = entryStart(printedOneEntryBundle, 0);
        int end = printedOneEntryBundle.lastIndexOf("</entry>") + "</entry>".length();
        return printedOneEntryBundle.substring(start, end);
    }

    @Override
    public String[] splitAtPlaceholder(String printedShell) {
        int at = printedShell.indexOf(PLACEHOLDER);
        int start = printedShell.lastIndexOf("<entry", at);
        int end = printedShell.indexOf("</entry>", at) + "</entry>".length();
        return new String[] {printedShell.substring(0, start), printedShell.substring(end)};
    }

    /** The line break and indentation HAPI prints before an entry (nothing when compact). */
    @Override
    public String separator(String[] aroundPlaceholder, boolean pretty) {
        String before = aroundPlaceholder[0];
        int i = before.length();
        while (i > 0 && Character.isWhitespace(before.charAt(i - 1))) {
            i--;
        }
        return before.substring(i);
    }

    private static int entryStart(String s, int from) {
        int i = s.indexOf("<entry", from);
        while (i >= 0 && i + 6 < s.length() && s.charAt(i + 6) != '>' && s.charAt(i + 6) != ' ') {
            i = s.indexOf("<entry", i + 1);
        }
        return i;
    }
}
