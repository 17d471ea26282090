package org.deidworkbench.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one atomic writer: complete content or the old file, never a half-written one, never a stray temp file. */
class AtomicFilesTest {

    /** Larger than the writer's 64 KiB buffer, so buffered and direct writes are both exercised. */
    private static final int BIG = 300_000;

    @TempDir
    Path dir;

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        new Random(42).nextBytes(b);
        return b;
    }

    private static FileChannel realChannel(Path temp) throws IOException {
        return FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static AtomicFiles withChannel(AtomicFiles.ChannelOpener opener) {
        return new AtomicFiles(opener, AtomicFiles::atomicMove);
    }

    private static AtomicFiles withMover(AtomicFiles.Mover mover) {
        return new AtomicFiles(AtomicFilesTest::realChannel, mover);
    }

    private List<Path> folder() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** The folder holds {@code target} with {@code content} and nothing else (no temporary file). */
    private void assertOnlyFileIs(Path target, String content) throws IOException {
        assertEquals(content, Files.readString(target));
        assertEquals(List.of(target), folder());
    }

    private Path existing(String content) throws IOException {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, content);
        return target;
    }

    // ------------------------------------------------------------------ content

    @Test
    void writeCreatesTheFileWithTheContentAndNothingElse() throws IOException {
        Path target = dir.resolve("out.csv");
        AtomicFiles.write(target, "a,b\n1,2\n".getBytes(StandardCharsets.UTF_8));
        assertEquals("a,b\n1,2\n", Files.readString(target));
        assertEquals(List.of(target), folder());
    }

    @Test
    void writeReplacesAnExistingFile() throws IOException {
        Path target = existing("old");
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));
        assertOnlyFileIs(target, "new");
    }

    @Test
    void bigContentInMixedWriteSizesIsByteIdentical() throws IOException {
        byte[] content = randomBytes(BIG);
        Path target = dir.resolve("big.bin");
        AtomicFiles.write(target, out -> {
            out.write(content[0]);
            out.write(content, 1, 99);
            out.write(content, 100, 70_000); // larger than the buffer: written directly
            for (int i = 70_100; i < 80_000; i++) {
                out.write(content[i]);
            }
            out.write(content, 80_000, content.length - 80_000);
        });
        assertArrayEquals(content, Files.readAllBytes(target));
    }

    @Test
    void channelWritingOnlyAFewBytesPerCallStillGetsEverything() throws IOException {
        byte[] content = randomBytes(BIG / 3);
        Path target = dir.resolve("short.bin");
        AtomicReference<FaultyChannel> channel = new AtomicReference<>();
        withChannel(temp -> {
            channel.set(FaultyChannel.shortWrites(realChannel(temp), 3));
            return channel.get();
        }).writeFile(target, out -> out.write(content), AtomicFiles.Options.replacing());
        assertArrayEquals(content, Files.readAllBytes(target));
        assertTrue(channel.get().writeCalls() >= content.length / 3, "the channel was asked for every byte");
    }

    @Test
    void bodyIsClosedByTheWriterSoItMayAlsoCloseTheStream() throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            out.write('x');
            out.close();
        });
        assertEquals("x", Files.readString(target));
    }

    @Test
    void aTargetNameOfMaximumLengthGetsAShortEnoughTemporaryName() throws IOException {
        Path target = dir.resolve("n".repeat(250) + ".csv");
        AtomicFiles.write(target, "v".getBytes(StandardCharsets.UTF_8));
        assertEquals("v", Files.readString(target));
    }

    // ------------------------------------------------------------------ failures

    @Test
    void failureInTheMiddleOfWritingKeepsTheTargetAndRemovesTheTemp() throws IOException {
        Path target = existing("old");
        AtomicWriteException e = assertThrows(AtomicWriteException.class,
                () -> withChannel(temp -> FaultyChannel.failingAfter(realChannel(temp), 10_000))
                        .writeFile(target, out -> out.write(randomBytes(BIG)), AtomicFiles.Options.replacing()));
        assertEquals(target, e.target());
        assertOnlyFileIs(target, "old");
    }

    @Test
    void failureToForceKeepsTheTargetAndRemovesTheTemp() throws IOException {
        Path target = existing("old");
        AtomicWriteException e = assertThrows(AtomicWriteException.class,
                () -> withChannel(temp -> FaultyChannel.failingForce(realChannel(temp)))
                        .writeFile(target, out -> out.write('x'), AtomicFiles.Options.replacing()));
        assertTrue(e.getMessage().contains("forcing it to disk"), e.getMessage());
        assertOnlyFileIs(target, "old");
    }

    @Test
    void fileSystemWithoutAtomicRenameIsAClearErrorWithoutFallback() throws IOException {
        Path target = existing("old");
        AtomicInteger moves = new AtomicInteger();
        AtomicWriteException e = assertThrows(AtomicWriteException.class, () -> withMover((s, t, replace) -> {
            moves.incrementAndGet();
            throw new AtomicMoveNotSupportedException(s.toString(), t.toString(), "not on this share");
        }).writeFile(target, out -> out.write('x'), AtomicFiles.Options.replacing()));
        assertTrue(e.getMessage().contains("cannot rename files atomically"), e.getMessage());
        assertEquals(1, moves.get(), "no second, non-atomic attempt");
        assertOnlyFileIs(target, "old");
    }

    @Test
    void exceptionOfTheBodyPassesThroughUnchanged() throws IOException {
        Path target = existing("old");
        IOException thrown = new IOException("input unreadable");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(randomBytes(BIG));
            throw thrown;
        }));
        assertSame(thrown, e);
        assertOnlyFileIs(target, "old");
    }

    @Test
    void writeIntoAMissingFolderIsAnAtomicWriteException() {
        assertThrows(AtomicWriteException.class,
                () -> AtomicFiles.write(dir.resolve("no/such/folder/x"), new byte[] {1}));
    }

    // ------------------------------------------------------------------ check before the move

    @Test
    void checkSeesTheCompleteTempFileWhileTheTargetIsStillTheOldOne() throws IOException {
        Path target = existing("old");
        List<String> seen = new ArrayList<>();
        AtomicFiles.write(target, out -> out.write("new".getBytes(StandardCharsets.UTF_8)),
                AtomicFiles.Options.replacing().checkedBy(temp -> {
                    seen.add(Files.readString(temp));
                    seen.add(Files.readString(target));
                }));
        assertEquals(List.of("new", "old"), seen);
        assertEquals("new", Files.readString(target));
    }

    @Test
    void failedCheckKeepsTheTargetAndRemovesTheTemp() throws IOException {
        Path target = existing("old");
        IOException refused = new IOException("does not read back");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write('x'),
                AtomicFiles.Options.replacing().checkedBy(temp -> {
                    throw refused;
                })));
        assertSame(refused, e);
        assertOnlyFileIs(target, "old");
    }

    @Test
    void ownerOnlyFileIsReadableByItsOwnerOnly() throws IOException {
        assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
        Path target = dir.resolve("key");
        AtomicFiles.write(target, out -> out.write('k'), AtomicFiles.Options.replacing().ownerOnly());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }

    // ------------------------------------------------------------------ create: never replace

    @Test
    void createWritesANewFile() throws IOException {
        Path target = dir.resolve("new.key");
        AtomicFiles.create(target, out -> out.write("k".getBytes(StandardCharsets.UTF_8)));
        assertOnlyFileIs(target, "k");
    }

    @Test
    void createRefusesAnExistingTargetWithoutRunningTheBody() throws IOException {
        Path target = existing("theirs");
        AtomicInteger bodyRuns = new AtomicInteger();
        assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.create(target, out -> bodyRuns.incrementAndGet()));
        assertEquals(0, bodyRuns.get());
        assertEquals("theirs", Files.readString(target));
    }

    @Test
    void createNeverReplacesATargetThatAppearsBeforeTheMove() throws IOException {
        Path target = dir.resolve("race.key");
        assertThrows(FileAlreadyExistsException.class, () -> withMover((s, t, replace) -> {
            Files.writeString(t, "theirs"); // another process wins the race
            AtomicFiles.atomicMove(s, t, replace);
        }).writeFile(target, out -> out.write('x'), AtomicFiles.Options.creating()));
        assertOnlyFileIs(target, "theirs");
    }

    @Test
    void createWithoutHardLinksNeverReplacesATargetThatAppearsBeforeTheMove() throws IOException {
        Path target = dir.resolve("race.key");
        assertThrows(FileAlreadyExistsException.class, () -> withMover((s, t, replace) -> {
            Files.writeString(t, "theirs");
            AtomicFiles.moveNoReplace(s, t, AtomicFilesTest::noHardLinks);
        }).writeFile(target, out -> out.write('x'), AtomicFiles.Options.creating()));
        assertOnlyFileIs(target, "theirs");
    }

    @Test
    void createWithoutHardLinksWritesTheFile() throws IOException {
        Path target = dir.resolve("new.key");
        withMover((s, t, replace) -> AtomicFiles.moveNoReplace(s, t, AtomicFilesTest::noHardLinks))
                .writeFile(target, out -> out.write(randomBytes(BIG)), AtomicFiles.Options.creating());
        assertArrayEquals(randomBytes(BIG), Files.readAllBytes(target));
        assertEquals(List.of(target), folder());
    }

    @Test
    void createWithoutHardLinksRemovesItsPlaceholderWhenTheRenameFails() throws IOException {
        Path target = dir.resolve("new.key");
        assertThrows(AtomicWriteException.class, () -> withMover((s, t, replace) -> {
            Files.delete(s); // the rename after the claim will fail
            AtomicFiles.moveNoReplace(s, t, AtomicFilesTest::noHardLinks);
        }).writeFile(target, out -> out.write('x'), AtomicFiles.Options.creating()));
        assertEquals(List.of(), folder());
    }

    private static void noHardLinks(Path link, Path existing) {
        throw new UnsupportedOperationException("no hard links on this file system (simulated)");
    }

    // ------------------------------------------------------------------ move

    @Test
    void moveReplacesTheTargetWithTheFinishedFile() throws IOException {
        Path target = existing("old");
        Path part = Files.writeString(dir.resolve("1.part"), "new");
        AtomicFiles.move(part, target);
        assertOnlyFileIs(target, "new");
    }

    @Test
    void moveOnAFileSystemWithoutAtomicRenameFailsAndLeavesTheSource() throws IOException {
        Path target = existing("old");
        Path part = Files.writeString(dir.resolve("1.part"), "new");
        assertThrows(AtomicWriteException.class, () -> withMover((s, t, replace) -> {
            throw new AtomicMoveNotSupportedException(s.toString(), t.toString(), "simulated");
        }).moveFile(part, target));
        assertEquals("old", Files.readString(target));
        assertEquals("new", Files.readString(part));
    }
}
