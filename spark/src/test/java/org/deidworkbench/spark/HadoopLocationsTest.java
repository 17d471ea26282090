package org.deidworkbench.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

/** Which command-line locations go through Hadoop's file systems, and how outputs are committed there (decision 0028). */
class HadoopLocationsTest {

    @Test
    void urisWithASchemeOtherThanFileAreRemoteAndPlainPathsAreNot() {
        assertTrue(HadoopRun.remote("hdfs://namenode:8020/exports/2026"));
        assertTrue(HadoopRun.remote("s3a://bucket/exports/"));
        assertTrue(HadoopRun.remote("abfss://c@account.dfs.core.windows.net/x"));
        assertFalse(HadoopRun.remote("/data/exports"));
        assertFalse(HadoopRun.remote("exports/2026"));
        assertFalse(HadoopRun.remote("file:///data/exports"));
        assertFalse(HadoopRun.remote("C:/data/exports"), "a Windows drive letter is not a scheme");
        assertFalse(HadoopRun.remote("notes:2026.csv"), "a colon in a file name is not a scheme");
        assertEquals(Path.of("/data/exports"), HadoopRun.local("file:///data/exports"));
        assertEquals(Path.of("exports/2026"), HadoopRun.local("exports/2026"));
    }

    @Test
    void objectStoresAreCommittedDirectlyAndOtherFileSystemsThroughRenames() {
        Configuration conf = new Configuration(false);
        assertEquals(HadoopRun.Commit.DIRECT, HadoopRun.commit(new org.apache.hadoop.fs.Path("s3a://b/out"), conf));
        assertEquals(HadoopRun.Commit.DIRECT, HadoopRun.commit(new org.apache.hadoop.fs.Path("gs://b/out"), conf));
        assertEquals(HadoopRun.Commit.RENAME, HadoopRun.commit(new org.apache.hadoop.fs.Path("hdfs://nn/out"), conf));
        assertEquals(HadoopRun.Commit.RENAME, HadoopRun.commit(new org.apache.hadoop.fs.Path("/local/out"), conf));
        conf.set(HadoopRun.DIRECT_SCHEMES, "minio, ceph");
        assertEquals(HadoopRun.Commit.DIRECT, HadoopRun.commit(new org.apache.hadoop.fs.Path("ceph://b/out"), conf));
    }

    @Test
    void withoutAStageOptionALocalOutputIsStagedBesideAndAHadoopOutputOrKeyFileHasNoStage() {
        HadoopRun.Locations localOut = new HadoopRun.Locations(java.util.List.of("hdfs://nn/in"), "/data/exports/out",
                null);
        HadoopRun.Locations remoteOut = new HadoopRun.Locations(java.util.List.of("/data/in"), "s3a://b/out", null);
        HadoopRun.Locations remoteKey = new HadoopRun.Locations(java.util.List.of("hdfs://nn/in"), "/data/exports/out",
                "hdfs://nn/secure/study.deidkey");
        assertEquals(Path.of("/shared/stage"), HadoopRun.stageRoot("/shared/stage", remoteOut));
        assertEquals(Path.of("/data/exports"), HadoopRun.stageRoot(null, localOut), "beside a local output");
        // Decision 0041: on any master, no stage and no shared folder; the tasks read and write through Hadoop.
        assertTrue(HadoopRun.withoutStage(null, remoteOut));
        assertTrue(HadoopRun.withoutStage(null, remoteKey));
        assertFalse(HadoopRun.withoutStage(null, localOut));
        assertFalse(HadoopRun.withoutStage("/shared/stage", remoteOut), "--stage keeps the staged run of decision 0028");
    }
}
