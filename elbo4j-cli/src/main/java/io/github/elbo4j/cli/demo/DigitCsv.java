package io.github.elbo4j.cli.demo;

import io.github.elbo4j.cli.fit.BadInputException;
import io.github.elbo4j.tensor.Tensor;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

/**
 * Reads 28 × 28 digit images in the CSV layout of the peers' {@code mnist10k.csv.gz}: the header
 * {@code label,p0,p1,...,p783}, then one line per image: the digit 0–9 and 784 grey levels, integers
 * 0–255, row by row ({@code p(28 r + c)} is row r, column c). Gzip-compressed or plain text
 * (recognized by the gzip magic bytes); blank lines are skipped. Pixels are binarized at
 * {@value #THRESHOLD} (a grey level {@code >= 128} is 1), as the peer and the bench do. Every
 * malformed line is a {@link BadInputException} naming the file, the line, the column and the rule.
 * The demos and the bench's MNIST comparisons read through it.
 */
public final class DigitCsv {

    /** Image side, pixels. */
    public static final int SIDE = 28;
    /** Pixels per image. */
    public static final int PIXELS = SIDE * SIDE;
    /** Grey levels at or above this are ink (1). */
    public static final int THRESHOLD = 128;

    /**
     * Binarized digits.
     *
     * @param labels the digit of each image
     * @param pixels {@code labels.length × 784} zeros and ones, image after image
     */
    public record Digits(int[] labels, double[] pixels) {

        /** Number of images. */
        public int size() {
            return labels.length;
        }

        /** The images at {@code rows} (in that order) as an {@code [rows.length, 784]} tensor. */
        public Tensor rows(int[] rows) {
            double[] x = new double[rows.length * PIXELS];
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(pixels, rows[i] * PIXELS, x, i * PIXELS, PIXELS);
            }
            return Tensor.of(x, rows.length, PIXELS);
        }
    }

    private DigitCsv() {
    }

    /** Reads {@code file}. */
    public static Digits read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads {@code in} (not closed); {@code source} names it in error messages. */
    public static Digits read(InputStream in, String source) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        boolean gzip = buffered.read() == 0x1f && buffered.read() == 0x8b;
        buffered.reset();
        BufferedReader r = new BufferedReader(new InputStreamReader(gzip ? new GZIPInputStream(buffered) : buffered, StandardCharsets.UTF_8));
        String header = r.readLine();
        if (header == null) {
            throw new BadInputException(source + ": empty file; expected the header label,p0,p1,...,p783");
        }
        checkHeader(header.startsWith("\uFEFF") ? header.substring(1) : header, source);
        int[] labels = new int[1024];
        double[] pixels = new double[1024 * PIXELS];
        int n = 0;
        int lineNo = 1;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            if (n == labels.length) {
                labels = Arrays.copyOf(labels, 2 * n);
                pixels = Arrays.copyOf(pixels, 2 * n * PIXELS);
            }
            labels[n] = parseRow(line, source + ":" + lineNo + ": ", pixels, n * PIXELS);
            n++;
        }
        if (n == 0) {
            throw new BadInputException(source + ": no images after the header");
        }
        return new Digits(Arrays.copyOf(labels, n), Arrays.copyOf(pixels, n * PIXELS));
    }

    private static void checkHeader(String header, String source) {
        String[] f = header.split(",", -1);
        for (int j = 0; j < Math.max(f.length, PIXELS + 1); j++) {
            String want = j == 0 ? "label" : "p" + (j - 1);
            String got = j < f.length ? f[j].trim() : null;
            if (j > PIXELS || !want.equals(got)) {
                throw new BadInputException(source + ":1: the header must be label,p0,p1,...,p783 (785 columns); column " + (j + 1)
                        + (got == null ? " is missing" : " is '" + abbreviate(got) + "'") + (j > PIXELS ? ", one too many" : ", expected '" + want + "'"));
            }
        }
    }

    /** Parses one data line into {@code out[from..from+784)} (binarized); returns its label. {@code where} is "file:line: ". */
    private static int parseRow(String line, String where, double[] out, int from) {
        int label = -1;
        int field = 0;
        int start = 0;
        int len = line.length();
        while (start <= len) {
            int end = line.indexOf(',', start);
            if (end < 0) {
                end = len;
            }
            if (field > PIXELS) {
                throw new BadInputException(where + "more than 785 fields (label, p0..p783); a row holds one image");
            }
            int v = parseInt(line, start, end);
            int max = field == 0 ? 9 : 255;
            if (v < 0 || v > max) {
                String name = field == 0 ? "label" : "p" + (field - 1);
                throw new BadInputException(where + "column " + (field + 1) + " (" + name + ") must be an integer 0.." + max + ", got '"
                        + abbreviate(line.substring(start, end)) + "'");
            }
            if (field == 0) {
                label = v;
            } else {
                out[from + field - 1] = v >= THRESHOLD ? 1.0 : 0.0;
            }
            field++;
            start = end + 1;
        }
        if (field != PIXELS + 1) {
            throw new BadInputException(where + field + " fields, expected 785 (label, p0..p783)");
        }
        return label;
    }

    /** The decimal integer in {@code s[from, to)} (surrounding spaces allowed), or -1 if it is not one (or is above 999). */
    private static int parseInt(String s, int from, int to) {
        while (from < to && s.charAt(from) == ' ') {
            from++;
        }
        while (to > from && (s.charAt(to - 1) == ' ' || s.charAt(to - 1) == '\r')) {
            to--;
        }
        if (from == to || to - from > 3) {
            return -1;
        }
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = 10 * v + (c - '0');
        }
        return v;
    }

    private static String abbreviate(String s) {
        return s.length() <= 20 ? s : s.substring(0, 20) + "...";
    }
}
