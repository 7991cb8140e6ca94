package io.github.elbo4j.gp;

import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Checks and layout of a kernel's positive hyperparameters: variance first, then lengthscales. */
final class Hyperparameters {

    private Hyperparameters() {
    }

    /** The unconstrained vector {@code softplus⁻¹} of {@code values}, each checked finite and {@code > 0}. */
    static Tensor unconstrained(String kernel, String[] names, double[] values) {
        double[] u = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            u[i] = Positive.unconstrain(Positive.check(kernel + " " + names[i], values[i]));
        }
        return Tensor.of(u);
    }

    /** Names {@code variance, lengthscale[0], ...} (or {@code lengthscale} when there is one). */
    static List<String> varianceAndLengthscales(int lengthscales) {
        List<String> names = new ArrayList<>();
        names.add("variance");
        for (int i = 0; i < lengthscales; i++) {
            names.add(lengthscales == 1 ? "lengthscale" : "lengthscale[" + i + "]");
        }
        return names;
    }

    /** {@code variance} then the lengthscales, as one array. */
    static double[] concat(double variance, double[] lengthscales) {
        double[] all = new double[lengthscales.length + 1];
        all[0] = variance;
        System.arraycopy(lengthscales, 0, all, 1, lengthscales.length);
        return all;
    }

    /**
     * Checks a replacement vector {@code u}: shape {@code [count]} and finite entries.
     *
     * @throws IllegalArgumentException naming the kernel, the shape and the first non-finite entry
     */
    static Tensor checkReplacement(String kernel, Tensor u, int count, List<String> names) {
        if (u.rank() != 1 || u.dim(0) != count) {
            throw new IllegalArgumentException(kernel + " needs " + count + " hyperparameters, got shape "
                    + Arrays.toString(u.shape()));
        }
        double[] v = u.toArray();
        for (int i = 0; i < count; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(kernel + " unconstrained " + names.get(i) + " must be finite, got "
                        + v[i]);
            }
        }
        return u;
    }

    /** Checks and copies lengthscales (at least one). */
    static double[] lengthscales(String kernel, double[] lengthscales) {
        if (lengthscales.length == 0) {
            throw new IllegalArgumentException(kernel + " needs at least one lengthscale, got none");
        }
        for (int i = 0; i < lengthscales.length; i++) {
            Positive.check(kernel + " lengthscale" + (lengthscales.length == 1 ? "" : "[" + i + "]"), lengthscales[i]);
        }
        return lengthscales.clone();
    }
}
