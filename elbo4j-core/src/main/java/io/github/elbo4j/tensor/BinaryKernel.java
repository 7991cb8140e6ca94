package io.github.elbo4j.tensor;

/**
 * Element-wise binary arithmetic with NumPy broadcasting. Equal shapes and scalar operands take
 * flat loops; other shapes are expanded to the broadcast shape first. Each operation has its own
 * loop so that the JIT compiles it to straight-line (vectorizable) code.
 */
final class BinaryKernel {

    /** The element-wise binary operations. */
    enum Op {
        ADD, SUB, MUL, DIV, POW, MAX, MIN
    }

    private BinaryKernel() {
    }

    static Tensor apply(Op op, Tensor a, Tensor b) {
        int[] sa = a.shapeView();
        int[] sb = b.shapeView();
        double[] x = a.dataView();
        double[] y = b.dataView();
        int[] shape = ShapeRules.broadcast(sa, sb);
        int n = ShapeRules.size(shape);
        double[] out = new double[n];
        // Equal sizes imply equal row-major layouts: broadcasting then only adds leading 1s.
        if (x.length == n && y.length == n) {
            arrays(op, x, y, out);
        } else if (x.length == n && y.length == 1) {
            arrayScalar(op, x, y[0], out);
        } else if (y.length == n && x.length == 1) {
            scalarArray(op, x[0], y, out);
        } else {
            arrays(op, x.length == n ? x : BroadcastKernel.expand(x, sa, shape),
                    y.length == n ? y : BroadcastKernel.expand(y, sb, shape), out);
        }
        return new Tensor(out, shape);
    }

    static Tensor apply(Op op, Tensor a, double b) {
        double[] out = new double[a.size()];
        arrayScalar(op, a.dataView(), b, out);
        return new Tensor(out, a.shapeView());
    }

    static Tensor apply(Op op, double a, Tensor b) {
        double[] out = new double[b.size()];
        scalarArray(op, a, b.dataView(), out);
        return new Tensor(out, b.shapeView());
    }

    private static void arrays(Op op, double[] x, double[] y, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { out[i] = x[i] + y[i]; } }
            case SUB -> { for (int i = 0; i < n; i++) { out[i] = x[i] - y[i]; } }
            case MUL -> { for (int i = 0; i < n; i++) { out[i] = x[i] * y[i]; } }
            case DIV -> { for (int i = 0; i < n; i++) { out[i] = x[i] / y[i]; } }
            case POW -> { for (int i = 0; i < n; i++) { out[i] = Math.pow(x[i], y[i]); } }
            case MAX -> { for (int i = 0; i < n; i++) { out[i] = Math.max(x[i], y[i]); } }
            case MIN -> { for (int i = 0; i < n; i++) { out[i] = Math.min(x[i], y[i]); } }
        }
    }

    private static void arrayScalar(Op op, double[] x, double y, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { out[i] = x[i] + y; } }
            case SUB -> { for (int i = 0; i < n; i++) { out[i] = x[i] - y; } }
            case MUL -> { for (int i = 0; i < n; i++) { out[i] = x[i] * y; } }
            case DIV -> { for (int i = 0; i < n; i++) { out[i] = x[i] / y; } }
            case POW -> arrayPower(x, y, out);
            case MAX -> { for (int i = 0; i < n; i++) { out[i] = Math.max(x[i], y); } }
            case MIN -> { for (int i = 0; i < n; i++) { out[i] = Math.min(x[i], y); } }
        }
    }

    private static void scalarArray(Op op, double x, double[] y, double[] out) {
        int n = out.length;
        switch (op) {
            case ADD -> { for (int i = 0; i < n; i++) { out[i] = x + y[i]; } }
            case SUB -> { for (int i = 0; i < n; i++) { out[i] = x - y[i]; } }
            case MUL -> { for (int i = 0; i < n; i++) { out[i] = x * y[i]; } }
            case DIV -> { for (int i = 0; i < n; i++) { out[i] = x / y[i]; } }
            case POW -> { for (int i = 0; i < n; i++) { out[i] = Math.pow(x, y[i]); } }
            case MAX -> { for (int i = 0; i < n; i++) { out[i] = Math.max(x, y[i]); } }
            case MIN -> { for (int i = 0; i < n; i++) { out[i] = Math.min(x, y[i]); } }
        }
    }

    /** {@code x^y}; exponent 2 is {@code x * x} (the correctly rounded square) and exponent 1 a copy. */
    private static void arrayPower(double[] x, double y, double[] out) {
        int n = out.length;
        if (y == 2.0) {
            for (int i = 0; i < n; i++) {
                out[i] = x[i] * x[i];
            }
        } else if (y == 1.0) {
            System.arraycopy(x, 0, out, 0, n);
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = Math.pow(x[i], y);
            }
        }
    }
}
