package io.github.elbo4j.tensor;

/** Element-wise comparisons (1 for true, 0 for false) and selection, with broadcasting. */
enum Comparison {
    GT, LT, GE, LE, EQ;

    Tensor apply(Tensor a, Tensor b) {
        int[] shape = ShapeRules.broadcast(a.shapeView(), b.shapeView());
        double[] x = expanded(a, shape);
        double[] y = expanded(b, shape);
        double[] o = new double[x.length];
        for (int i = 0; i < o.length; i++) {
            boolean r = switch (this) {
                case GT -> x[i] > y[i];
                case LT -> x[i] < y[i];
                case GE -> x[i] >= y[i];
                case LE -> x[i] <= y[i];
                case EQ -> x[i] == y[i];
            };
            o[i] = r ? 1.0 : 0.0;
        }
        return new Tensor(o, shape);
    }

    static Tensor where(Tensor condition, Tensor a, Tensor b) {
        int[] sc = condition.shapeView();
        int[] sa = a.shapeView();
        int[] sb = b.shapeView();
        if (!ShapeRules.broadcastable(sc, sa) || !ShapeRules.broadcastable(ShapeRules.broadcast(sc, sa), sb)) {
            throw new IllegalArgumentException("where cannot broadcast condition " + ShapeRules.show(sc) + ", a "
                    + ShapeRules.show(sa) + " and b " + ShapeRules.show(sb));
        }
        int[] shape = ShapeRules.broadcast(ShapeRules.broadcast(sc, sa), sb);
        double[] c = expanded(condition, shape);
        double[] x = expanded(a, shape);
        double[] y = expanded(b, shape);
        double[] o = new double[c.length];
        for (int i = 0; i < o.length; i++) {
            o[i] = c[i] != 0 ? x[i] : y[i];
        }
        return new Tensor(o, shape);
    }

    private static double[] expanded(Tensor t, int[] shape) {
        double[] d = t.dataView();
        return d.length == ShapeRules.size(shape) ? d : BroadcastKernel.expand(d, t.shapeView(), shape);
    }
}
