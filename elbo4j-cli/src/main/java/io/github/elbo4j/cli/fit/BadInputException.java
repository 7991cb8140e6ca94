package io.github.elbo4j.cli.fit;

/** Input the command cannot use (malformed CSV, missing column, existing output): exit code 2. */
public final class BadInputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A problem described for the user, naming the file, line and column where there are any. */
    public BadInputException(String message) {
        super(message);
    }
}
