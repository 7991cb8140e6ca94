package io.github.elbo4j.cli.fit;

import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A numeric CSV file with a header row, read with Apache Commons CSV (RFC 4180 quoting, any
 * line ending, blank lines skipped, fields trimmed). The file must be UTF-8 (a byte-order mark is
 * dropped). Every problem is a {@link BadInputException} naming the file, the line, the column
 * and the rule broken, e.g. {@code data.csv:3: column 'y' is not a number: 'abc'}.
 */
public final class CsvTable {

    /** A plain decimal number: what R's {@code write.csv}, pandas and spreadsheets write. */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Pattern MISSING = Pattern.compile("na|n/a|null|none", Pattern.CASE_INSENSITIVE);
    private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");
    private static final Pattern UNCLOSED_QUOTE = Pattern.compile("\\(startline (\\d+)\\) EOF reached before encapsulated token finished");
    private static final Pattern AFTER_QUOTE = Pattern.compile("Invalid character between encapsulated token and delimiter at line: (\\d+)");
    /** Delimiters we recognize in a one-column header, with their names for messages. */
    private static final List<Map.Entry<Character, String>> OTHER_DELIMITERS = List.of(Map.entry(';', "semicolon"),
            Map.entry('\t', "tab"), Map.entry('|', "pipe"), Map.entry(',', "comma"));
    private static final String MISSING_RULE = "missing values are not supported: remove or fill the row";

    private final Path file;
    private final List<String> columns;
    private final double[][] rows;
    private final int[] lines;

    private CsvTable(Path file, List<String> columns, double[][] rows, int[] lines) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
        this.lines = lines;
    }

    /** Reads a comma-separated {@code file}. */
    public static CsvTable read(Path file) {
        return read(file, ',');
    }

    /** Reads {@code file}: a header row of unique names, then rows of numbers with as many fields as the header. */
    public static CsvTable read(Path file, char delimiter) {
        TextFile text = TextFile.read(file, "--data");
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setTrim(true).setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text.text()), format)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord headerRecord = nextNonBlank(records);
            if (headerRecord == null) {
                throw new BadInputException(file + ": empty file (expected a header row and data rows)");
            }
            int headerLine = text.line(headerRecord.getCharacterPosition());
            List<String> header = header(file, headerRecord.toList(), headerLine, text.lineText(headerLine), delimiter);
            List<double[]> out = new ArrayList<>();
            List<Integer> lineOf = new ArrayList<>();
            for (CSVRecord r; (r = nextNonBlank(records)) != null; ) {
                int line = text.line(r.getCharacterPosition());
                if (r.size() != header.size()) {
                    throw new BadInputException(file + ":" + line + ": row has " + r.size() + (r.size() == 1 ? " field" : " fields") + " but the header has " + header.size());
                }
                double[] row = new double[header.size()];
                for (int j = 0; j < row.length; j++) {
                    row[j] = parse(file, line, header.get(j), r.get(j));
                }
                out.add(row);
                lineOf.add(line);
            }
            if (out.isEmpty()) {
                throw new BadInputException(file + ": no data rows after the header");
            }
            return new CsvTable(file, List.copyOf(header), out.toArray(new double[0][]), lineOf.stream().mapToInt(Integer::intValue).toArray());
        } catch (UncheckedIOException e) {
            throw quotingError(file, e.getCause());
        } catch (IOException e) {
            throw quotingError(file, e);
        }
    }

    /** Checks that {@code file} is a readable regular file; {@code role} names the option it came from, e.g. {@code --data}. */
    public static void requireReadableFile(Path file, String role) {
        TextFile.requireReadableFile(file, role);
    }

    /**
     * The delimiter named on the command line: one character, or {@code tab} / {@code \t}.
     * Quotes, line breaks and spaces cannot separate fields.
     */
    public static char delimiter(String option) {
        String d = option.equals("tab") || option.equals("\\t") ? "\t" : option;
        if (d.length() != 1 || d.equals("\"") || d.equals("\n") || d.equals("\r") || d.equals(" ")) {
            throw new BadInputException("--delimiter must be one character other than a quote, a space or a line break "
                    + "(or 'tab'), got '" + option + "'");
        }
        return d.charAt(0);
    }

    /** The next record that is not a blank line, or null at the end. */
    private static CSVRecord nextNonBlank(Iterator<CSVRecord> records) {
        while (records.hasNext()) {
            CSVRecord r = records.next();
            if (!(r.size() == 1 && r.get(0).isEmpty())) {
                return r;
            }
        }
        return null;
    }

    private static List<String> header(Path file, List<String> names, int line, String lineText, char delimiter) {
        String where = file + ":" + line + ": ";
        if (names.size() == 1) {
            for (Map.Entry<Character, String> d : OTHER_DELIMITERS) {
                if (d.getKey() != delimiter && names.get(0).indexOf(d.getKey()) >= 0) {
                    throw new BadInputException(where + "the header is one column '" + shorten(names.get(0)) + "' that holds "
                            + d.getValue() + "s: the file looks " + d.getValue() + "-separated; pass --delimiter '"
                            + (d.getKey() == '\t' ? "tab" : d.getKey().toString()) + "'");
                }
            }
        }
        Map<String, Integer> seen = new HashMap<>();
        boolean allNumbers = true;
        for (int j = 0; j < names.size(); j++) {
            String name = names.get(j);
            if (name.isEmpty()) {
                String hint = j == names.size() - 1 && names.size() > 1 ? " (a delimiter at the end of the line?)" : "";
                throw new BadInputException(where + "column " + (j + 1) + " of the header has no name; every column needs one" + hint);
            }
            Integer before = seen.put(name, j);
            if (before != null) {
                throw new BadInputException(where + "column name '" + name + "' appears twice (columns " + (before + 1) + " and "
                        + (j + 1) + "); names must be unique");
            }
            allNumbers &= NUMBER.matcher(name).matches();
        }
        if (allNumbers) {
            throw new BadInputException(where + "the first row '" + shorten(lineText) + "' holds numbers, not column names: "
                    + "add a header row");
        }
        return names;
    }

    private static BadInputException quotingError(Path file, Throwable e) {
        String message = String.valueOf(e.getMessage());
        Matcher m = UNCLOSED_QUOTE.matcher(message);
        if (m.find()) {
            return new BadInputException(file + ":" + m.group(1) + ": a quoted field opened on this line is never closed "
                    + "(a field that starts with \" ends with \"; a quote inside it is written \"\")");
        }
        m = AFTER_QUOTE.matcher(message);
        if (m.find()) {
            return new BadInputException(file + ":" + m.group(1) + ": text after the closing quote of a field "
                    + "(a quote inside a quoted field is written \"\")");
        }
        return new BadInputException(file + ": malformed CSV (" + message + ")");
    }

    private static double parse(Path file, long line, String column, String text) {
        String where = file + ":" + line + ": column '" + column + "'";
        if (text.isEmpty()) {
            throw new BadInputException(where + " is empty (" + MISSING_RULE + ")");
        }
        if (MISSING.matcher(text).matches()) {
            throw new BadInputException(where + " is a missing value: '" + text + "' (" + MISSING_RULE + ")");
        }
        if (NOT_FINITE.matcher(text).matches()) {
            throw new BadInputException(where + " is not finite: '" + text + "'");
        }
        if (!NUMBER.matcher(text).matches()) {
            String hint = DECIMAL_COMMA.matcher(text).matches() ? " (a decimal comma or a thousands separator? write numbers as 1234.5)" : "";
            throw new BadInputException(where + " is not a number: '" + shorten(text) + "'" + hint);
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw new BadInputException(where + " is not finite: '" + text + "' is beyond the largest double (1.8e308)");
        }
        return v;
    }

    /** {@code s}, cut to 40 characters for a message. */
    private static String shorten(String s) {
        String visible = s.replace("\t", "\\t");
        return visible.length() <= 40 ? visible : visible.substring(0, 37) + "...";
    }

    /** The file this table was read from. */
    public Path file() {
        return file;
    }

    /** The column names in file order. */
    public List<String> columns() {
        return columns;
    }

    /** Number of data rows. */
    public int rowCount() {
        return rows.length;
    }

    /** The 1-based line of the file where data row {@code row} (0-based) starts. */
    public int line(int row) {
        return lines[row];
    }

    /** The index of {@code name}, or an error naming the file and the known columns. */
    public int columnIndex(String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new BadInputException(file + ": no column named '" + name + "'; columns are " + columns);
        }
        return k;
    }

    /**
     * Checks every value of column {@code name} against {@code ok}; the first that fails is an
     * error naming its line: {@code file:7: column 'y' must be 0 or 1 (rule), got 2.0}.
     */
    public void requireEach(String name, DoublePredicate ok, String rule) {
        int k = columnIndex(name);
        for (int i = 0; i < rows.length; i++) {
            if (!ok.test(rows[i][k])) {
                throw new BadInputException(String.format(Locale.ROOT, "%s:%d: column '%s' %s, got %s", file, lines[i], name, rule,
                        plain(rows[i][k])));
            }
        }
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

    /**
     * The columns a family uses as features: {@code names}, or every column but {@code exclude}
     * (may be null) when {@code names} is empty. Each must exist, none may repeat, and the
     * response {@code exclude} is not a feature.
     */
    public List<String> features(List<String> names, String exclude) {
        if (names.isEmpty()) {
            List<String> rest = columns.stream().filter(c -> !c.equals(exclude)).toList();
            if (rest.isEmpty()) {
                throw new BadInputException(file + ": no feature columns: the only column is the response '" + exclude + "'");
            }
            return rest;
        }
        List<String> seen = new ArrayList<>();
        for (String n : names) {
            columnIndex(n);
            if (n.equals(exclude)) {
                throw new BadInputException("--features must not include the response column '" + exclude + "'");
            }
            if (seen.contains(n)) {
                throw new BadInputException("--features names column '" + n + "' twice");
            }
            seen.add(n);
        }
        return List.copyOf(names);
    }

    /** The named columns as an {@code [n, k]} matrix (all columns but {@code exclude} when {@code names} is empty). */
    public Tensor matrix(List<String> names, String exclude) {
        List<String> use = features(names, exclude);
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

    /** {@code v} as written in a CSV file: {@code 2} rather than {@code 2.0}. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
