package io.github.elbo4j.tensor;

import java.util.Arrays;

/** Concatenation along an existing axis and stacking along a new one. */
final class Joining {

    private Joining() {
    }

    static Tensor concat(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one tensor");
        }
        int[] first = parts[0].shapeView();
        if (first.length == 0) {
            throw new IllegalArgumentException("concat cannot join scalars; use stack");
        }
        int a = ShapeRules.axis(axis, first.length);
        int[] out = first.clone();
        out[a] = 0;
        for (Tensor t : parts) {
            int[] s = t.shapeView();
            boolean ok = s.length == first.length;
            for (int i = 0; ok && i < s.length; i++) {
                ok = i == a || s[i] == first[i];
            }
            if (!ok) {
                throw new IllegalArgumentException("concat along axis " + a + ": shape " + Arrays.toString(s)
                        + " does not match " + Arrays.toString(first));
            }
            out[a] += s[a];
        }
        return new Tensor(IndexKernel.concat(parts, a, out), out);
    }

    static Tensor stack(int axis, Tensor... parts) {
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack needs at least one tensor");
        }
        int[] first = parts[0].shapeView();
        Tensor[] expanded = new Tensor[parts.length];
        for (int i = 0; i < parts.length; i++) {
            if (!Arrays.equals(parts[i].shapeView(), first)) {
                throw new IllegalArgumentException("stack needs equal shapes, got " + Arrays.toString(first)
                        + " and " + Arrays.toString(parts[i].shapeView()));
            }
            expanded[i] = parts[i].unsqueeze(axis);
        }
        return concat(axis < 0 ? axis + first.length + 1 : axis, expanded);
    }
}
