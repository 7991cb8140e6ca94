package io.github.elbo4j.cli.fit;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The text of an input file, checked to be UTF-8 (a leading byte-order mark is dropped), with
 * the line of any character position. A file that is missing, a folder, unreadable, binary or in
 * another encoding is a {@link BadInputException} naming the file and, for a bad byte, its line
 * and column.
 */
final class TextFile {

    /** Past this a file would not fit in one Java array of bytes; the command reads tables whole. */
    private static final long MAX_BYTES = Integer.MAX_VALUE - 8;

    private final String text;
    private final int[] lineStarts;

    private TextFile(String text) {
        this.text = text;
        int[] starts = new int[16];
        int n = 0;
        starts[n++] = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                if (n == starts.length) {
                    starts = Arrays.copyOf(starts, 2 * n);
                }
                starts[n++] = i + 1;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, n);
    }

    /**
     * Checks that {@code file} names a readable regular file; {@code role} says what it is for in
     * messages about a folder (e.g. {@code "--data"}).
     */
    static void requireReadableFile(Path file, String role) {
        if (Files.isDirectory(file)) {
            throw new BadInputException(file + ": is a folder, not a file (" + role + " needs a file)");
        }
        if (!Files.exists(file)) {
            throw new BadInputException(file + ": no such file");
        }
        if (!Files.isRegularFile(file)) {
            throw new BadInputException(file + ": not a regular file (" + role + " needs a file)");
        }
        if (!Files.isReadable(file)) {
            throw new BadInputException(file + ": cannot be read (permission denied)");
        }
    }

    /** Reads {@code file} whole as UTF-8 text. */
    static TextFile read(Path file, String role) {
        requireReadableFile(file, role);
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new BadInputException(file + ": larger than 2 GiB (" + Files.size(file)
                        + " bytes); elbo4j fit reads the whole table into memory");
            }
            bytes = Files.readAllBytes(file);
        } catch (AccessDeniedException e) {
            throw new BadInputException(file + ": cannot be read (permission denied)");
        } catch (IOException e) {
            throw new BadInputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        return decode(file, bytes);
    }

    /** Decodes {@code bytes} read from {@code file}. */
    static TextFile decode(Path file, byte[] bytes) {
        if (startsWith(bytes, 0xFE, 0xFF) || startsWith(bytes, 0xFF, 0xFE)) {
            throw new BadInputException(file + ": UTF-16 text (it starts with the byte-order mark "
                    + hex(bytes[0]) + " " + hex(bytes[1]) + "); save it as UTF-8");
        }
        int skip = startsWith(bytes, 0xEF, 0xBB, 0xBF) ? 3 : 0; // the UTF-8 byte-order mark is legal: drop it
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, skip, bytes.length - skip);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        var result = decoder.decode(in, out, true);
        if (result.isError()) {
            int offset = in.position();
            out.flip();
            String before = out.toString();
            int line = 1 + (int) before.chars().filter(c -> c == '\n').count();
            int column = before.length() - (before.lastIndexOf('\n') + 1) + 1;
            throw new BadInputException(String.format(Locale.ROOT, "%s:%d:%d: not UTF-8 text: byte %s at offset %d is not part of a "
                    + "UTF-8 character (a binary file, or text in another encoding: save it as UTF-8)", file, line, column,
                    hex(bytes[offset]), offset));
        }
        decoder.flush(out);
        out.flip();
        TextFile t = new TextFile(out.toString());
        int nul = t.text.indexOf('\0');
        if (nul >= 0) {
            throw new BadInputException(String.format(Locale.ROOT, "%s:%d:%d: a NUL byte: a binary file, not CSV text", file,
                    t.line(nul), t.column(nul)));
        }
        return t;
    }

    /** The text, without a byte-order mark. */
    String text() {
        return text;
    }

    /** The 1-based line of the character at {@code position}. */
    int line(long position) {
        int k = Arrays.binarySearch(lineStarts, (int) Math.min(position, Integer.MAX_VALUE));
        return k >= 0 ? k + 1 : -k - 1;
    }

    /** The 1-based column (in characters) of the character at {@code position}. */
    int column(long position) {
        return (int) (position - lineStarts[line(position) - 1]) + 1;
    }

    /** The text of 1-based {@code line}, without its line break. */
    String lineText(int line) {
        int start = lineStarts[line - 1];
        int end = line < lineStarts.length ? lineStarts[line] - 1 : text.length();
        String s = text.substring(start, Math.max(start, end));
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String hex(byte b) {
        return String.format(Locale.ROOT, "0x%02X", b & 0xFF);
    }
}
