package io.github.elbo4j.math;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The reference values in {@code src/test/resources/reference/special_functions.csv}, made by
 * {@code make_special_reference.py} beside it with mpmath at 60+ significant digits and rounded
 * once to double. The columns are {@code function,x,y,expected}; {@code logSumExp} keeps its array
 * in {@code x} (space-separated) and {@code regularizedBeta(x, a, b)} keeps {@code a b} in
 * {@code y}. Rows are read into one flat argument array each.
 */
final class ReferenceTable {

    private static final String RESOURCE = "/reference/special_functions.csv";
    private static final List<Row> ROWS = read();

    /** One reference value: the function's arguments in order, the exact result rounded once. */
    record Row(int line, String function, double[] arguments, double expected) {
        @Override
        public String toString() {
            return function + Arrays.toString(arguments) + " (csv line " + line + ")";
        }
    }

    /** The largest relative error of a function over its reference rows, and where it occurs. */
    record WorstError(double relativeError, Row row, double actual, int rows) {
        @Override
        public String toString() {
            return String.format("worst relative error %.3g over %d rows at %s: expected %s, got %s",
                    relativeError, rows, row, row.expected(), actual);
        }
    }

    private ReferenceTable() {
    }

    static List<Row> rowsOf(String function) {
        List<Row> rows = new ArrayList<>();
        for (Row r : ROWS) {
            if (r.function().equals(function)) {
                rows.add(r);
            }
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no reference rows for " + function);
        }
        return rows;
    }

    /**
     * {@code |actual - expected| / |expected|}; an expected 0 or infinity must be matched exactly
     * (error 0, else infinity), and a NaN result is an infinite error.
     */
    static double relativeError(double actual, double expected) {
        if (expected == 0 || Double.isInfinite(expected)) {
            return actual == expected ? 0 : Double.POSITIVE_INFINITY;
        }
        double e = Math.abs(actual - expected) / Math.abs(expected);
        return Double.isNaN(e) ? Double.POSITIVE_INFINITY : e;
    }

    /** Evaluates {@code f} on every row of {@code function} and returns the worst relative error. */
    static WorstError worstError(String function, ToDoubleFunction<double[]> f) {
        List<Row> rows = rowsOf(function);
        WorstError worst = null;
        for (Row r : rows) {
            double actual = f.applyAsDouble(r.arguments());
            double e = relativeError(actual, r.expected());
            if (worst == null || e > worst.relativeError()) {
                worst = new WorstError(e, r, actual, rows.size());
            }
        }
        return worst;
    }

    private static List<Row> read() {
        try (InputStream in = ReferenceTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            List<Row> rows = new ArrayList<>();
            String header = reader.readLine();
            if (!"function,x,y,expected".equals(header)) {
                throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
            }
            int line = 1;
            for (String s = reader.readLine(); s != null; s = reader.readLine()) {
                line++;
                if (!s.isEmpty()) {
                    rows.add(parse(line, s));
                }
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Row parse(int line, String s) {
        String[] cells = s.split(",", -1);
        if (cells.length != 4) {
            throw new IllegalStateException("line " + line + " of " + RESOURCE + " has " + cells.length
                    + " cells, expected 4: " + s);
        }
        List<Double> args = new ArrayList<>();
        for (String cell : new String[] {cells[1], cells[2]}) {
            for (String v : cell.trim().split(" ")) {
                if (!v.isEmpty()) {
                    args.add(number(v));
                }
            }
        }
        double[] arguments = new double[args.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = args.get(i);
        }
        return new Row(line, cells[0], arguments, number(cells[3]));
    }

    private static double number(String v) {
        return switch (v) {
            case "inf" -> Double.POSITIVE_INFINITY;
            case "-inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }
}
