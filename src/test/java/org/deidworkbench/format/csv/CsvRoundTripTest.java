package org.deidworkbench.format.csv;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading a fixture and writing every record back unchanged reproduces the file byte for byte. */
class CsvRoundTripTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "comma-crlf.csv",
        "semicolon-lf-bom.csv",
        "tab-lf-no-final-newline.tsv",
        "pipe-crlf.csv",
        "cp1252-semicolon-crlf.csv",
        "latin1-comma-lf.csv",
        "quoted-fields-crlf.csv",
        "empty-fields-lf.csv",
        "single-column-lf.csv",
        "single-column-trailing-empty-crlf.csv",
        "single-quote-semicolon-lf.csv",
        "header-only-crlf.csv",
        "header-only-no-newline.csv",
        "cr-only.csv",
        "repeated-header.csv",
    })
    void readingAndRewritingGivesIdenticalBytes(String fixture) throws Exception {
        Path file = Fixtures.path(fixture);
        assertArrayEquals(Files.readAllBytes(file), Fixtures.roundTrip(file));
    }
}
