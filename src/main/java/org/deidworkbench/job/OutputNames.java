package org.deidworkbench.job;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.deidworkbench.deid.PathScrubber;

/** De-identified, unique output names for a run's files. Stateless. */
final class OutputNames {

    private OutputNames() {
    }

    /**
     * The output name of every file, by index: each path segment scrubbed of the run's identifiers;
     * a clash (case-insensitive) gets {@code ~2}, {@code ~3} in input order; names of the run's own
     * files are prefixed {@code data-}.
     */
    static String[] of(List<InputFiles.InputFile> files, PathScrubber scrubber) {
        String[] names = new String[files.size()];
        Map<String, Integer> used = new HashMap<>();
        for (InputFiles.InputFile f : files) {
            String[] parts = f.relative().split("/");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < parts.length; i++) {
                if (i > 0) {
                    sb.append('/');
                }
                sb.append(scrubber.scrubName(parts[i]));
            }
            String name = sb.toString();
            if (name.equals(RunJob.MANIFEST) || name.equals(RunJob.REPORT) || name.startsWith(RunJob.WORK_DIR)) {
                name = "data-" + name;
            }
            int n = used.merge(name.toLowerCase(Locale.ROOT), 1, Integer::sum);
            if (n > 1) {
                int dot = name.lastIndexOf('.');
                int slash = name.lastIndexOf('/');
                name = dot > slash + 1 ? name.substring(0, dot) + "~" + n + name.substring(dot) : name + "~" + n;
            }
            names[f.index()] = name;
        }
        return names;
    }
}
