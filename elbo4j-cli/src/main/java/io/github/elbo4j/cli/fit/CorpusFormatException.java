package io.github.elbo4j.cli.fit;

/**
 * A corpus or vocabulary file that breaks its format. The message starts with
 * {@code <file> line <n>, column <c> (<field>):} and names the value and the rule; the file,
 * line and column (both 1-based; column 0 when the whole line is at fault) are also fields.
 */
public final class CorpusFormatException extends IllegalArgumentException {

    private final String file;
    private final int line;
    private final int column;

    CorpusFormatException(String file, int line, int column, String field, String rule) {
        super(file + " line " + line + (column > 0 ? ", column " + column + " (" + field + ")" : "") + ": " + rule);
        this.file = file;
        this.line = line;
        this.column = column;
    }

    /** The file, as given to the reader. */
    public String file() {
        return file;
    }

    /** The 1-based line number. */
    public int line() {
        return line;
    }

    /** The 1-based column (field) number, or 0 when the whole line is at fault. */
    public int column() {
        return column;
    }
}
