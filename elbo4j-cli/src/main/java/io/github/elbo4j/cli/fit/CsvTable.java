package io.github.elbo4j.cli.fit;

import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A numeric CSV file with a header row, read with Apache Commons CSV. Every problem is reported
 * as a {@link BadInputException} naming the file, the line and the column.
 */
public final class CsvTable {

    private final Path file;
    private final List<String> columns;
    private final double[][] rows;

    private CsvTable(Path file, List<String> columns, double[][] rows) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads {@code file}: a header row, then rows of numbers with as many fields as the header. */
    public static CsvTable read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": no such file");
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            List<String> header = parser.getHeaderNames();
            if (header.isEmpty()) {
                throw new BadInputException(file + ": empty file (expected a header row and data rows)");
            }
            List<double[]> out = new ArrayList<>();
            for (CSVRecord r : parser) {
                long line = r.getParser().getCurrentLineNumber();
                if (r.size() != header.size()) {
                    throw new BadInputException(file + ":" + line + ": row has " + r.size() + " fields but the header has " + header.size());
                }
                double[] row = new double[header.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = parse(file, line, header.get(j), r.get(j));
                }
                out.add(row);
            }
            if (out.isEmpty()) {
                throw new BadInputException(file + ": no data rows after the header");
            }
            return new CsvTable(file, List.copyOf(header), out.toArray(new double[0][]));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadInputException(file + ": cannot read CSV (" + e.getMessage() + ")");
        } catch (IllegalArgumentException e) {
            throw new BadInputException(file + ": malformed CSV (" + e.getMessage() + ")");
        }
    }

    private static double parse(Path file, long line, String column, String text) {
        try {
            double v = Double.parseDouble(text);
            if (!Double.isFinite(v)) {
                throw new BadInputException(file + ":" + line + ": column '" + column + "' is not finite: '" + text + "'");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new BadInputException(file + ":" + line + ": column '" + column + "' is not a number: '" + text + "'");
        }
    }

    /** The column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows.length;
    }

    /** The index of {@code name}, or an error naming the file and the known columns. */
    public int columnIndex(String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new BadInputException(file + ": no column named '" + name + "'; columns are " + columns);
        }
        return k;
    }

    /** One column as a vector. */
    public Tensor column(String name) {
        int k = columnIndex(name);
        double[] v = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            v[i] = rows[i][k];
        }
        return Tensor.of(v);
    }

    /** The named columns as an {@code [n, k]} matrix (all columns but {@code exclude} when {@code names} is empty). */
    public Tensor matrix(List<String> names, String exclude) {
        List<String> use = names.isEmpty() ? columns.stream().filter(c -> !c.equals(exclude)).toList() : names;
        int[] idx = use.stream().mapToInt(this::columnIndex).toArray();
        double[] v = new double[rows.length * idx.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < idx.length; j++) {
                v[i * idx.length + j] = rows[i][idx[j]];
            }
        }
        return Tensor.of(v, rows.length, idx.length);
    }

    /** All rows (copies). */
    public double[][] rows() {
        double[][] copy = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            copy[i] = Arrays.copyOf(rows[i], rows[i].length);
        }
        return copy;
    }
}
