package io.github.elbo4j.transform;

/**
 * Where the entries of a lower-triangular {@code n×n} matrix go when they are packed into a
 * vector. Entries are packed row by row: the lower triangle ({@code j <= i}) puts {@code (i, j)}
 * at {@code i(i+1)/2 + j}; the strict lower triangle ({@code j < i}) at {@code i(i-1)/2 + j}. The
 * matrices are addressed by their row-major flat index {@code i·n + j}.
 */
final class TriangularIndex {

    private final int n;
    private final boolean strict;

    private TriangularIndex(int n, boolean strict) {
        this.n = n;
        this.strict = strict;
    }

    /** The packing of the lower triangle of an {@code n×n} matrix, diagonal included. */
    static TriangularIndex lower(int n) {
        return new TriangularIndex(n, false);
    }

    /** The packing of the strict lower triangle of an {@code n×n} matrix (no diagonal). */
    static TriangularIndex strictlyLower(int n) {
        return new TriangularIndex(n, true);
    }

    /**
     * The lower-triangle packing of a vector of length {@code m = n(n+1)/2}.
     *
     * @throws IllegalArgumentException naming {@code who} when {@code m} is not such a number
     */
    static TriangularIndex lowerOfLength(String who, int m) {
        int n = (int) Math.round((Math.sqrt(8.0 * m + 1) - 1) / 2);
        if (m < 1 || n * (n + 1) / 2 != m) {
            throw new IllegalArgumentException(who + " input last dimension must be n(n+1)/2 for some n >= 1, got " + m);
        }
        return lower(n);
    }

    /**
     * The strict-lower-triangle packing of a vector of length {@code m = n(n-1)/2}.
     *
     * @throws IllegalArgumentException naming {@code who} when {@code m} is not such a number
     */
    static TriangularIndex strictlyLowerOfLength(String who, int m) {
        int n = (int) Math.round((Math.sqrt(8.0 * m + 1) + 1) / 2);
        if (m < 1 || n * (n - 1) / 2 != m) {
            throw new IllegalArgumentException(who + " input last dimension must be n(n-1)/2 for some n >= 2, got " + m);
        }
        return strictlyLower(n);
    }

    /** The side of the matrix. */
    int side() {
        return n;
    }

    /** Length of the packed vector. */
    int length() {
        return strict ? n * (n - 1) / 2 : n * (n + 1) / 2;
    }

    /** True when {@code (i, j)} is packed. */
    boolean contains(int i, int j) {
        return strict ? j < i : j <= i;
    }

    /** Position of a packed entry {@code (i, j)} in the vector. */
    int position(int i, int j) {
        return strict ? i * (i - 1) / 2 + j : i * (i + 1) / 2 + j;
    }

    /** The row-major flat matrix index of each vector position, in vector order. */
    int[] flatIndices() {
        int[] out = new int[length()];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (contains(i, j)) {
                    out[position(i, j)] = i * n + j;
                }
            }
        }
        return out;
    }

    /**
     * For each row-major flat matrix index, the vector position of that entry, or {@code slot}
     * (an extra position holding 0) for entries that are not packed: selecting a vector that has
     * the extra element appended with this index unpacks it into a matrix.
     */
    int[] unpacking(int slot) {
        int[] out = new int[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                out[i * n + j] = contains(i, j) ? position(i, j) : slot;
            }
        }
        return out;
    }

    /** The row-major flat indices of the diagonal. */
    int[] diagonalFlatIndices() {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i * n + i;
        }
        return out;
    }
}
