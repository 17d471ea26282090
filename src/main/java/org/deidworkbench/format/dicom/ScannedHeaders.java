package org.deidworkbench.format.dicom;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.deidworkbench.dicom.Dataset;
import org.deidworkbench.dicom.DicomFile;
import org.deidworkbench.dicom.Element;

/**
 * Data sets the scan pass read, kept for the same files' transform so that a run on one machine reads
 * and parses each header once instead of twice. Bulk values (pixel data) are never in memory: they stay
 * references into the input file, as the reader made them. Only files without a spool (not deflated) are
 * kept, and only while the estimated memory of all kept headers stays within the budget; a file not kept
 * is simply read again by its transform, which then gives the same bytes. Each header is handed out once.
 * Thread-safe.
 */
final class ScannedHeaders {

    /** Estimated bytes of an element beyond its value: object headers, the value array's header, map entry. */
    private static final long ELEMENT_OVERHEAD = 96;
    private static final long DATASET_OVERHEAD = 128;

    private final ConcurrentHashMap<Path, Kept> kept = new ConcurrentHashMap<>();
    private final AtomicLong free;

    private record Kept(DicomFile file, long bytes) {
    }

    ScannedHeaders(long budgetBytes) {
        this.free = new AtomicLong(budgetBytes);
    }

    /** A sixteenth of the maximum heap, at most 64 MiB (32 MiB at {@code -Xmx512m}). */
    static long defaultBudget() {
        return Math.min(64L << 20, Runtime.getRuntime().maxMemory() / 16);
    }

    /** Keeps the scanned file for its transform if it fits; false when the caller must close it. */
    boolean offer(Path input, DicomFile file) {
        if (file.spool() != null) {
            return false;
        }
        long bytes = estimate(file.fileMeta()) + estimate(file.dataset());
        if (free.addAndGet(-bytes) < 0) {
            free.addAndGet(bytes);
            return false;
        }
        Kept before = kept.put(input, new Kept(file, bytes));
        if (before != null) {
            free.addAndGet(before.bytes());
        }
        return true;
    }

    /** The scanned file of {@code input}, once; null when none was kept. */
    DicomFile take(Path input) {
        Kept k = kept.remove(input);
        if (k == null) {
            return null;
        }
        free.addAndGet(k.bytes());
        return k.file();
    }

    /** Kept headers (tests). */
    int size() {
        return kept.size();
    }

    static long estimate(Dataset ds) {
        long bytes = DATASET_OVERHEAD;
        for (Element e : ds.elements()) {
            bytes += ELEMENT_OVERHEAD;
            if (e.isSequence()) {
                for (Dataset item : e.items()) {
                    bytes += estimate(item);
                }
            } else if (e.isFragments()) {
                bytes += 64L * e.fragments().size();
            } else if (!e.isBulk() && e.bytes() != null) {
                bytes += e.bytes().length;
            }
        }
        return bytes;
    }
}
