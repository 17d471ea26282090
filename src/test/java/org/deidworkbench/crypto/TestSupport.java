package org.deidworkbench.crypto;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/** Fixed secrets and a parallel runner shared by the crypto tests. */
final class TestSupport {

    private TestSupport() {
    }

    /** The secret of every known-answer vector: bytes 00 01 02 ... 1f. */
    static ProjectSecret vectorSecret() {
        byte[] b = new byte[ProjectSecret.LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) i;
        }
        return ProjectSecret.of(b);
    }

    /** A second, unrelated secret. */
    static ProjectSecret otherSecret() {
        byte[] b = new byte[ProjectSecret.LENGTH];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) (0xA5 ^ i * 7);
        }
        return ProjectSecret.of(b);
    }

    static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /** {@code task(0..count-1)} run sequentially. */
    static <T> List<T> sequential(int count, IntFunction<T> task) {
        List<T> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(task.apply(i));
        }
        return out;
    }

    /** {@code task(0..count-1)} run on 8 threads at once, results in index order. */
    static <T> List<T> parallel(int count, IntFunction<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                int index = i;
                futures.add(pool.submit(() -> task.apply(index)));
            }
            List<T> out = new ArrayList<>(count);
            for (Future<T> f : futures) {
                out.add(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
