package io.github.elbo4j.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rows in a binary file, read a window at a time: the heap holds only the rows being summed, so
 * a fit's memory does not grow with the number of rows. Format: the 8 ASCII bytes
 * {@code ELBO4JRW}, the number of columns (int32), the number of rows (int64), then the values as
 * little-endian float64, row-major. Reads are positional ({@link FileChannel#read(ByteBuffer, long)}),
 * so several threads read one file at once. Close it when the fit is done.
 */
public final class RowFile implements RowSource, AutoCloseable {

    private static final byte[] MAGIC = "ELBO4JRW".getBytes(StandardCharsets.US_ASCII);
    static final int HEADER = MAGIC.length + Integer.BYTES + Long.BYTES;

    private final Path path;
    private final FileChannel channel;
    private final int columns;
    private final long rows;

    private RowFile(Path path, FileChannel channel, int columns, long rows) {
        this.path = path;
        this.channel = channel;
        this.columns = columns;
        this.rows = rows;
    }

    /**
     * Opens a row file for reading.
     *
     * @throws IllegalArgumentException if the file does not start with the header or its length does
     *     not match the rows and columns the header states
     * @throws UncheckedIOException if it cannot be read
     */
    public static RowFile open(Path path) {
        try {
            FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && ch.read(head, head.position()) > 0) {
                // fill the header
            }
            head.flip();
            byte[] magic = new byte[MAGIC.length];
            if (head.remaining() < HEADER) {
                ch.close();
                throw new IllegalArgumentException("row file " + path + " is shorter than its " + HEADER + "-byte header");
            }
            head.get(magic);
            int columns = head.getInt();
            long rows = head.getLong();
            long expected = HEADER + rows * columns * Double.BYTES;
            if (!java.util.Arrays.equals(magic, MAGIC) || columns < 1 || rows < 0 || ch.size() != expected) {
                long size = ch.size();
                ch.close();
                throw new IllegalArgumentException("row file " + path + " must start with ELBO4JRW, columns >= 1 and rows >= 0 and be "
                        + "header + rows * columns * 8 bytes long; got columns = " + columns + ", rows = " + rows + ", " + size + " bytes");
            }
            return new RowFile(path, ch, columns, rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open row file " + path, e);
        }
    }

    /** A writer of a new row file with {@code columns} values per row (the rows are counted as they come). */
    public static Writer create(Path path, int columns) {
        return new Writer(path, columns);
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public int columns() {
        return columns;
    }

    @Override
    public void read(long first, int count, double[] buffer) {
        checkRange(first, count, rows, buffer.length, columns);
        ByteBuffer bytes = ByteBuffer.allocate(count * columns * Double.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        long at = HEADER + first * columns * Double.BYTES;
        try {
            while (bytes.hasRemaining()) {
                int n = channel.read(bytes, at + bytes.position());
                if (n < 0) {
                    throw new IllegalStateException("row file " + path + " ended early at byte " + (at + bytes.position()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rows " + first + ".." + (first + count) + " of " + path, e);
        }
        bytes.flip();
        bytes.asDoubleBuffer().get(buffer, 0, count * columns);
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "RowFile[" + path + ", " + rows + " rows x " + columns + " columns]";
    }

    static void checkRange(long first, int count, long rows, int bufferLength, int columns) {
        if (first < 0 || count < 0 || first + count > rows) {
            throw new IllegalArgumentException("rows [" + first + ", " + (first + count) + ") must lie in [0, " + rows + ")");
        }
        if ((long) count * columns > bufferLength) {
            throw new IllegalArgumentException("buffer length " + bufferLength + " must hold " + count + " rows x " + columns + " columns");
        }
    }

    /** Appends rows to a new row file; {@link #close} writes the row count into the header. */
    public static final class Writer implements AutoCloseable {

        private final Path path;
        private final FileChannel channel;
        private final int columns;
        private final ByteBuffer buffer;
        private long rows;

        private Writer(Path path, int columns) {
            if (columns < 1) {
                throw new IllegalArgumentException("columns must be >= 1, got " + columns);
            }
            this.path = path;
            this.columns = columns;
            this.buffer = ByteBuffer.allocate(Math.max(1 << 16, columns * Double.BYTES)).order(ByteOrder.LITTLE_ENDIAN);
            try {
                this.channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE);
                ByteBuffer head = header(columns, 0);
                while (head.hasRemaining()) {
                    channel.write(head);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create row file " + path, e);
            }
        }

        /**
         * Appends one row.
         *
         * @throws IllegalArgumentException if it does not have the file's number of columns
         */
        public void append(double[] row) {
            if (row.length != columns) {
                throw new IllegalArgumentException("row " + rows + " has " + row.length + " values, the file has " + columns + " columns");
            }
            if (buffer.remaining() < columns * Double.BYTES) {
                flush();
            }
            for (double v : row) {
                buffer.putDouble(v);
            }
            rows++;
        }

        private void flush() {
            buffer.flip();
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + path, e);
            }
            buffer.clear();
        }

        /** Writes what is buffered and the row count, and closes the file. */
        @Override
        public void close() {
            flush();
            try {
                ByteBuffer head = header(columns, rows);
                while (head.hasRemaining()) {
                    channel.write(head, head.position());
                }
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot finish " + path, e);
            }
        }

        private static ByteBuffer header(int columns, long rows) {
            ByteBuffer head = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
            head.put(MAGIC).putInt(columns).putLong(rows).flip();
            return head;
        }
    }
}
