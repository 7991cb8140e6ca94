package io.github.elbo4j.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.cli.fit.BadInputException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class DigitCsvTest {

    private static final String HEADER = header();

    private static String header() {
        StringBuilder sb = new StringBuilder("label");
        for (int j = 0; j < 784; j++) {
            sb.append(",p").append(j);
        }
        return sb.toString();
    }

    /** A row with label {@code label}, every pixel 0 except those given as (index, value) pairs. */
    private static String row(int label, int... set) {
        int[] px = new int[784];
        for (int i = 0; i < set.length; i += 2) {
            px[set[i]] = set[i + 1];
        }
        StringBuilder sb = new StringBuilder(String.valueOf(label));
        for (int v : px) {
            sb.append(',').append(v);
        }
        return sb.toString();
    }

    private static DigitCsv.Digits read(String text) throws IOException {
        return DigitCsv.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "x.csv");
    }

    @Test
    void readsLabelsAndPixelsBinarizedAt128InRowMajorOrder() throws IOException {
        DigitCsv.Digits d = read(HEADER + "\n" + row(7, 0, 127, 1, 128, 28, 255) + "\r\n\n" + row(0, 783, 200) + "\n");
        assertThat(d.labels()).containsExactly(7, 0);
        assertThat(d.pixels()).hasSize(2 * 784);
        assertThat(d.pixels()[0]).as("127 is paper").isZero();
        assertThat(d.pixels()[1]).as("128 is ink").isEqualTo(1.0);
        assertThat(d.pixels()[28]).isEqualTo(1.0);
        assertThat(d.pixels()[784 + 783]).isEqualTo(1.0);
        assertThat(java.util.Arrays.stream(d.pixels()).sum()).isEqualTo(3.0);
        assertThat(d.rows(new int[] {1, 0}).toArray()[783]).isEqualTo(1.0);
    }

    @Test
    void aGzipFileReadsAsItsText() throws IOException {
        String text = HEADER + "\n" + row(3, 5, 130) + "\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(text.getBytes(StandardCharsets.UTF_8));
        }
        DigitCsv.Digits d = DigitCsv.read(new ByteArrayInputStream(bytes.toByteArray()), "x.csv.gz");
        assertThat(d.labels()).containsExactly(3);
        assertThat(d.pixels()[5]).isEqualTo(1.0);
    }

    @Test
    void malformedLinesAreRefusedNamingTheFileTheLineAndTheRule() {
        String ok = row(1);
        // line 4: a blank line 3 is skipped but counted
        assertThatThrownBy(() -> read(HEADER + "\n" + ok + "\n\n" + row(2, 10, 256) + "\n")).isInstanceOf(BadInputException.class)
                .hasMessage("x.csv:4: column 12 (p10) must be an integer 0..255, got '256'");
        assertThatThrownBy(() -> read(HEADER + "\n" + ok.replaceFirst("1", "10") + "\n"))
                .hasMessage("x.csv:2: column 1 (label) must be an integer 0..9, got '10'");
        assertThatThrownBy(() -> read(HEADER + "\n" + ok + "\n" + ok.substring(0, ok.length() - 2) + "\n"))
                .hasMessage("x.csv:3: 784 fields, expected 785 (label, p0..p783)");
        assertThatThrownBy(() -> read(HEADER + "\n" + ok + ",0\n")).hasMessageStartingWith("x.csv:2: more than 785 fields");
        assertThatThrownBy(() -> read(HEADER + "\n" + row(4).replace(",0,0,", ",0,1.5,") + "\n"))
                .hasMessage("x.csv:2: column 3 (p1) must be an integer 0..255, got '1.5'");
        assertThatThrownBy(() -> read(HEADER + "\n" + row(4).replace(",0,0,", ",0,,") + "\n"))
                .hasMessage("x.csv:2: column 3 (p1) must be an integer 0..255, got ''");
    }

    @Test
    void aWrongHeaderAnEmptyFileAndAFileWithoutImagesAreRefused() {
        assertThatThrownBy(() -> read(HEADER.replace(",p1,", ",q1,") + "\n" + row(1) + "\n"))
                .hasMessage("x.csv:1: the header must be label,p0,p1,...,p783 (785 columns); column 3 is 'q1', expected 'p1'");
        assertThatThrownBy(() -> read(HEADER.substring(0, HEADER.lastIndexOf(',')) + "\n"))
                .hasMessage("x.csv:1: the header must be label,p0,p1,...,p783 (785 columns); column 785 is missing, expected 'p783'");
        assertThatThrownBy(() -> read("")).hasMessage("x.csv: empty file; expected the header label,p0,p1,...,p783");
        assertThatThrownBy(() -> read(HEADER + "\n\n")).hasMessage("x.csv: no images after the header");
    }

    @Test
    void theBundledSampleHolds150OfEachDigitInterleaved() throws IOException {
        try (InputStream in = VaeDemo.class.getResourceAsStream(VaeDemo.SAMPLE)) {
            DigitCsv.Digits d = DigitCsv.read(in, VaeDemo.SAMPLE);
            assertThat(d.size()).isEqualTo(1500);
            int[] count = new int[10];
            for (int i = 0; i < d.size(); i++) {
                assertThat(d.labels()[i]).as("row %d", i).isEqualTo(i % 10);
                count[d.labels()[i]]++;
            }
            assertThat(count).containsOnly(150);
            // an MNIST digit has ink on roughly 10-25% of its pixels
            double ink = java.util.Arrays.stream(d.pixels()).sum() / d.pixels().length;
            assertThat(ink).isBetween(0.08, 0.3);
        }
    }
}
