package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Bijectors;
import io.github.elbo4j.transform.Constraint;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learnable parameters of one fit, stored unconstrained: a constrained parameter {@code θ}
 * in set {@code C} is kept as {@code u = T⁻¹(θ)} with {@code T = bijectTo(C)}, and optimized in
 * {@code u}. Owned by one fit (the optimizer updates the arrays in place); never global. The
 * three mutators ({@link #setFlat}, {@link #arrays}, {@link #registerUnconstrained}) serve the fit
 * machinery on a store it owns: a store held by an {@code SviState} or a posterior is a value,
 * so change a {@link #copy()}.
 */
public final class ParameterStore {

    /** One parameter: its unconstrained values, shape and transform. */
    private record Entry(String name, double[] unconstrained, int[] shape, Bijector transform, Constraint constraint) {
    }

    private final Map<String, Entry> entries = new LinkedHashMap<>();

    /** An independent copy: the same names, transforms and values. */
    public ParameterStore copy() {
        ParameterStore c = new ParameterStore();
        for (Entry e : entries.values()) {
            c.entries.put(e.name(), new Entry(e.name(), e.unconstrained().clone(), e.shape(), e.transform(), e.constraint()));
        }
        return c;
    }

    /** The total number of unconstrained values. */
    public int totalSize() {
        int n = 0;
        for (Entry e : entries.values()) {
            n += e.unconstrained().length;
        }
        return n;
    }

    /** All unconstrained values concatenated in registration order. */
    public double[] flat() {
        double[] out = new double[totalSize()];
        int at = 0;
        for (Entry e : entries.values()) {
            System.arraycopy(e.unconstrained(), 0, out, at, e.unconstrained().length);
            at += e.unconstrained().length;
        }
        return out;
    }

    /** Sets all unconstrained values from {@code values} (concatenated in registration order); modifies this store. */
    public void setFlat(double[] values) {
        if (values.length != totalSize()) {
            throw new IllegalArgumentException("ParameterStore flat values must have length " + totalSize() + ", got " + values.length);
        }
        int at = 0;
        for (Entry e : entries.values()) {
            System.arraycopy(values, at, e.unconstrained(), 0, e.unconstrained().length);
            at += e.unconstrained().length;
        }
    }

    /** The unconstrained values of every parameter by name (copies). */
    public Map<String, Tensor> unconstrainedValues() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String n : entries.keySet()) {
            out.put(n, unconstrainedValue(n));
        }
        return out;
    }

    /** The constraint {@code name} was registered with. */
    public Constraint constraintOf(String name) {
        return require(name).constraint();
    }

    /** Registers {@code name} with an unconstrained value directly (restoring a saved fit). */
    public void registerUnconstrained(String name, Tensor unconstrained, Constraint constraint) {
        entries.put(name, new Entry(name, unconstrained.toArray(), unconstrained.shape(), Bijectors.bijectTo(constraint), constraint));
    }

    /** Registers {@code name} with initial constrained value {@code init} in {@code constraint}, if new. */
    void register(String name, Tensor init, Constraint constraint) {
        if (!entries.containsKey(name)) {
            Bijector t = Bijectors.bijectTo(constraint);
            Tensor u = t.inverse(init);
            entries.put(name, new Entry(name, u.toArray(), u.shape(), t, constraint));
        }
    }

    boolean contains(String name) {
        return entries.containsKey(name);
    }

    /** The parameter names in registration order. */
    public List<String> names() {
        return new ArrayList<>(entries.keySet());
    }

    /** The current constrained value of {@code name}. */
    public Tensor value(String name) {
        Entry e = require(name);
        return e.transform().forward(Tensor.of(e.unconstrained(), e.shape()));
    }

    /** The current unconstrained value of {@code name}. */
    public Tensor unconstrainedValue(String name) {
        Entry e = require(name);
        return Tensor.of(e.unconstrained(), e.shape());
    }

    /**
     * A fresh leaf for the unconstrained value on {@code tape}, and its constrained image. The leaf is
     * a snapshot ({@code Tensor.of} copies the array once), so the optimizer's in-place step on the
     * backing array does not change this step's tape.
     */
    Var[] leaf(String name, Tape tape) {
        Entry e = require(name);
        Var u = tape.variable(Tensor.of(e.unconstrained(), e.shape()));
        return new Var[] {u, e.transform().forward(u)};
    }

    /** The backing arrays in registration order, not copies: the optimizer modifies them in place. */
    public double[][] arrays() {
        double[][] out = new double[entries.size()][];
        int k = 0;
        for (Entry e : entries.values()) {
            out[k++] = e.unconstrained();
        }
        return out;
    }

    /** A deep copy of the unconstrained values, for restoring the last good step. */
    double[][] snapshot() {
        double[][] a = arrays();
        double[][] copy = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            copy[i] = a[i].clone();
        }
        return copy;
    }

    /** Restores values saved by {@link #snapshot} (for parameters that existed then). */
    void restore(double[][] saved) {
        double[][] a = arrays();
        for (int i = 0; i < Math.min(a.length, saved.length); i++) {
            System.arraycopy(saved[i], 0, a[i], 0, a[i].length);
        }
    }

    /** The constrained values of all parameters, by name. */
    public Map<String, Tensor> values() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String n : entries.keySet()) {
            out.put(n, value(n));
        }
        return out;
    }

    private Entry require(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no parameter named '" + name + "'; parameters are " + entries.keySet());
        }
        return e;
    }
}
