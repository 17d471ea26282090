package org.deidworkbench.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * Test helper: asserts two data sets hold the same elements and values, recursively. Differences
 * the writer makes on purpose are allowed: odd-length values gain one padding byte, a value too
 * long for its VR's 16-bit length field becomes UN, and DICOMDIR offsets move. Bulk references are compared by content.
 */
final class DatasetAssert {

    /** DICOMDIR record offsets move with the file meta; DicomWriterTest checks they still point at records. */
    private static final java.util.Set<Integer> DIRECTORY_OFFSETS = java.util.Set.of(0x00041200, 0x00041202,
            0x00041400, 0x00041420);

    private DatasetAssert() {
    }

    static void assertSameContent(Dataset expected, Dataset actual) {
        compare(expected, actual, "");
    }

    private static void compare(Dataset expected, Dataset actual, String path) {
        List<Integer> e = tags(expected);
        List<Integer> a = tags(actual);
        assertEquals(e.stream().map(Tag::toString).toList(), a.stream().map(Tag::toString).toList(), "tags at " + path);
        Iterator<Element> ai = actual.elements().iterator();
        for (Element x : expected.elements()) {
            Element y = ai.next();
            String here = path + Tag.toString(x.tag());
            if (Tag.isGroupLength(x.tag()) || DIRECTORY_OFFSETS.contains(x.tag())) {
                continue;
            }
            if (!(y.vr() == VR.UN && !x.vr().hasLongHeader())) {
                assertEquals(x.vr(), y.vr(), "VR of " + here);
            }
            if (x.isSequence()) {
                assertTrue(y.isSequence(), here + " is a sequence");
                assertEquals(x.items().size(), y.items().size(), "items of " + here);
                for (int i = 0; i < x.items().size(); i++) {
                    compare(x.items().get(i), y.items().get(i), here + "[" + i + "]/");
                }
            } else if (x.isFragments()) {
                assertTrue(y.isFragments(), here + " has fragments");
                assertEquals(x.fragments().size(), y.fragments().size(), "fragments of " + here);
                for (int i = 0; i < x.fragments().size(); i++) {
                    assertValue(load(x.fragments().get(i)), load(y.fragments().get(i)), here + " fragment " + i);
                }
            } else {
                assertValue(load(x), load(y), here);
            }
        }
    }

    private static void assertValue(byte[] x, byte[] y, String where) {
        if ((x.length & 1) == 1 && y.length == x.length + 1) {
            y = Arrays.copyOf(y, x.length);
        }
        assertArrayEquals(x, y, "value of " + where);
    }

    private static List<Integer> tags(Dataset d) {
        List<Integer> t = new ArrayList<>();
        for (Element e : d.elements()) {
            t.add(e.tag());
        }
        return t;
    }

    private static byte[] load(Element e) {
        return e.bytes() != null ? e.bytes() : read(e.bulk());
    }

    private static byte[] load(Fragment f) {
        return f.bytes() != null ? f.bytes() : read(f.bulk());
    }

    private static byte[] read(BulkData b) {
        try {
            return b.readAll();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
