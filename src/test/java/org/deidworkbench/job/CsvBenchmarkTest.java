package org.deidworkbench.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.deidworkbench.config.ProfileLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code deid bench csv --input DIR} compares the raw parse and the pipeline on the same files, or says why not. */
class CsvBenchmarkTest {

    @Test
    void aFileThePipelineDoesNotWriteStopsTheBenchmarkNamingItAndWhy(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "mrn,name,dob\n123456,Ann Example,1980-01-02\n");
        // the raw parser reads a ragged row; the run fails the file and writes nothing for it
        Files.writeString(in.resolve("b.csv"), "mrn,name,dob\n223456,Bob Example,1981-01-02,extra,more\n");
        JobException e = assertThrows(JobException.class,
                () -> CsvBenchmark.runOnFolder(in, dir.resolve("work"), ProfileLoader.read("csv-template"), 1));
        assertTrue(e.getMessage().contains("did not write b.csv (CSV-RAGGED-ROW)"), e.getMessage());
        assertTrue(!e.getMessage().contains("Bob"), e.getMessage());
    }

    @Test
    void aLinkInTheFolderIsReadByNeitherSide(@TempDir Path dir) throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Files.writeString(in.resolve("a.csv"), "mrn,name,dob\n123456,Ann Example,1980-01-02\n");
        Path elsewhere = Files.writeString(dir.resolve("elsewhere.csv"), "mrn,name\n1,x\n2,y\n3,z\n");
        Files.createSymbolicLink(in.resolve("b.csv"), elsewhere);
        CsvBenchmark.Result r = CsvBenchmark.runOnFolder(in, dir.resolve("work"), ProfileLoader.read("csv-template"), 1);
        assertEquals(1, r.rows(), "a.csv's one row: the link's three are not read by the raw side either");
    }
}
