package org.deidworkbench.dicom;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a dcmdump-like listing of a DICOM file: one line per element with tag, VR, value,
 * length, value multiplicity and keyword, items and fragments indented by nesting level. Long
 * values are cut at 64 characters; values left in the file are not loaded. Stateless and
 * thread-safe; output goes to the given writer (never to the console).
 */
public final class DicomDumper {

    private static final int MAX_VALUE_CHARS = 64;
    private static final int MAX_NUMBERS = 16;
    private static final int VALUE_COLUMN = 56;

    private DicomDumper() {
    }

    /** Reads {@code file} and writes its listing to {@code out}. Cost: one read of the file. */
    public static void dump(Path file, Writer out) throws IOException, DicomFormatException {
        dump(new DicomReader().read(file), out);
    }

    /** Writes the listing of an already read file. */
    public static void dump(DicomFile file, Writer out) throws IOException {
        try {
            for (String line : lines(file)) {
                out.write(line);
                out.write('\n');
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    /** The listing as lines. */
    public static List<String> lines(DicomFile file) {
        List<String> lines = new ArrayList<>();
        DicomDictionary dict = DicomDictionary.standard();
        lines.add("# Dicom-File-Format");
        if (!file.fileMeta().isEmpty()) {
            lines.add("");
            lines.add("# Dicom-Meta-Information-Header");
            lines.add("# Used TransferSyntax: Explicit VR Little Endian");
            dataset(file.fileMeta(), 0, lines, dict);
        }
        lines.add("");
        lines.add("# Dicom-Data-Set");
        lines.add("# Used TransferSyntax: " + file.transferSyntax().name() + " (" + file.transferSyntax().uid() + ")");
        dataset(file.dataset(), 0, lines, dict);
        return lines;
    }

    private static void dataset(Dataset ds, int depth, List<String> lines, DicomDictionary dict) {
        for (Element e : ds.elements()) {
            element(ds, e, depth, lines, dict);
        }
    }

    private static void element(Dataset ds, Element e, int depth, List<String> lines, DicomDictionary dict) {
        String indent = "  ".repeat(depth);
        String keyword = keyword(ds, e.tag(), dict);
        String head = indent + Tag.toString(e.tag()) + " " + e.vr() + " ";
        if (e.isSequence()) {
            String kind = e.undefinedLength() ? "undefined length" : "explicit length";
            lines.add(line(head + "(Sequence with " + kind + " #=" + e.items().size() + ")",
                    e.undefinedLength() ? "u/l" : "", 1, keyword));
            int i = 0;
            for (Dataset item : e.items()) {
                String ik = item.undefinedLength() ? "undefined length" : "explicit length";
                lines.add(line(indent + "  (FFFE,E000) na (Item with " + ik + " #=" + item.size() + ")",
                        item.undefinedLength() ? "u/l" : "", 1, "Item[" + i++ + "]"));
                dataset(item, depth + 2, lines, dict);
            }
            return;
        }
        if (e.isFragments()) {
            lines.add(line(head + "(PixelSequence #=" + e.fragments().size() + ")", "u/l", 1, keyword));
            for (Fragment f : e.fragments()) {
                String v = f.bytes() == null ? "(not loaded)" : f.bytes().length == 0 ? "(no value available)" : hexBytes(f.bytes());
                lines.add(line(indent + "  (FFFE,E000) pi " + v, Long.toString(f.length()), 1, "Item"));
            }
            return;
        }
        Rendered r = render(ds, e);
        lines.add(line(head + r.text, Long.toString(e.valueLength()), r.vm, keyword));
    }

    private record Rendered(String text, int vm) {
    }

    private static Rendered render(Dataset ds, Element e) {
        byte[] b = e.bytes();
        if (b == null) {
            return new Rendered("(not loaded)", 1);
        }
        if (b.length == 0) {
            return new Rendered("(no value available)", 0);
        }
        VR vr = e.vr();
        try {
            switch (vr.kind()) {
                case STRING, TEXT -> {
                    String[] s = ds.getStrings(e.tag());
                    String text = String.join("\\", s).replace("\r", "\\r").replace("\n", "\\n");
                    return new Rendered("[" + cut(text) + "]", s.length);
                }
                case BINARY -> {
                    if (vr == VR.AT) {
                        int[] tags = Values.tags(b);
                        List<String> t = new ArrayList<>();
                        for (int i = 0; i < Math.min(tags.length, MAX_NUMBERS); i++) {
                            t.add(Tag.toString(tags[i]));
                        }
                        return new Rendered(String.join("\\", t) + more(tags.length), tags.length);
                    }
                    List<String> t = new ArrayList<>();
                    int count;
                    if (vr == VR.FL || vr == VR.FD) {
                        double[] d = Values.doubles(b, vr);
                        count = d.length;
                        for (int i = 0; i < Math.min(count, MAX_NUMBERS); i++) {
                            t.add(vr == VR.FL ? Float.toString((float) d[i]) : Double.toString(d[i]));
                        }
                    } else {
                        long[] l = Values.longs(b, vr);
                        count = l.length;
                        for (int i = 0; i < Math.min(count, MAX_NUMBERS); i++) {
                            t.add(vr == VR.UV ? Long.toUnsignedString(l[i]) : Long.toString(l[i]));
                        }
                    }
                    return new Rendered(String.join("\\", t) + more(count), count);
                }
                default -> {
                    return new Rendered(hexBytes(b), 1);
                }
            }
        } catch (NumberFormatException ex) {
            return new Rendered("(malformed value)", 1);
        }
    }

    private static String more(int count) {
        return count > MAX_NUMBERS ? "..." : "";
    }

    private static String hexBytes(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < Math.min(b.length, MAX_NUMBERS); i++) {
            if (i > 0) {
                s.append('\\');
            }
            s.append(String.format(Locale.ROOT, "%02x", b[i] & 0xFF));
        }
        return b.length > MAX_NUMBERS ? s + "..." : s.toString();
    }

    private static String cut(String s) {
        return s.length() > MAX_VALUE_CHARS ? s.substring(0, MAX_VALUE_CHARS) + "..." : s;
    }

    private static String keyword(Dataset ds, int tag, DicomDictionary dict) {
        if (Tag.isPrivateData(tag)) {
            String creator = ds.privateCreator(tag);
            return creator == null ? "PrivateTagWithoutCreator" : "Private[" + creator + "]";
        }
        String k = dict.keyword(tag);
        return k.isEmpty() ? "Unknown Tag & Data" : k;
    }

    private static String line(String left, String length, int vm, String keyword) {
        StringBuilder b = new StringBuilder(left);
        while (b.length() < VALUE_COLUMN) {
            b.append(' ');
        }
        b.append(" # ").append(String.format(Locale.ROOT, "%4s", length)).append(", ").append(vm).append(' ')
                .append(keyword);
        return b.toString();
    }
}
