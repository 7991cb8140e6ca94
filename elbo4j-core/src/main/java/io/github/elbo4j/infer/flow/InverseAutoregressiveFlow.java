package io.github.elbo4j.infer.flow;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.nn.Made;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The inverse autoregressive flow in its numerically stable form (Kingma, Salimans, Jozefowicz,
 * Chen, Sutskever &amp; Welling, "Improved Variational Inference with Inverse Autoregressive Flow",
 * NeurIPS 2016, eqs. 13-14): {@code [m, s] = MADE(z)}, {@code σ = sigmoid(s)},
 * <pre>{@code y = σ ⊙ z + (1 - σ) ⊙ m,    log|det ∂y/∂z| = Σ_i log σ_i}</pre>
 * since {@code m_i} and {@code s_i} depend on {@code z_{<i}} only, the Jacobian is lower triangular
 * with diagonal {@code σ}. Each layer contracts every coordinate ({@code 0 < σ < 1}) towards a
 * shift that depends on the coordinates before it; a flow guide's base supplies the spread.
 *
 * <p>The forward map and its log-det are one pass of the network. The inverse is sequential
 * (Papamakarios, Pavlakou &amp; Murray, NeurIPS 2017, sec. 3.2): starting from {@code z = y}, the
 * update {@code z ← (y - (1 - σ(z)) ⊙ m(z)) / σ(z)} makes coordinate {@code i} exact at pass
 * {@code i + 1}, so {@code D} passes give the inverse exactly; the passes are recorded on the tape,
 * so the inverse has its gradients.
 *
 * <p>The network is a {@link Made} with two outputs per dimension (column {@code i} is {@code m_i},
 * column {@code D + i} is {@code s_i}) evaluated with given values of its params; in one dimension,
 * where there is nothing to condition on, {@code [m, s]} is a constant pair.
 */
public final class InverseAutoregressiveFlow implements VectorLayer {

    private final ConditionerNetwork network;
    private final int dimension;

    private InverseAutoregressiveFlow(ConditionerNetwork network, int dimension) {
        this.network = network;
        this.dimension = dimension;
    }

    /**
     * The flow whose {@code [m, s]} is {@code made} with its own initial weights.
     *
     * @throws IllegalArgumentException when {@code made} does not have two outputs per dimension
     */
    public static InverseAutoregressiveFlow of(Made made) {
        Map<String, Var> p = new HashMap<>();
        ConditionerNetwork.initialParameters(made, made.dim()).forEach((k, v) -> p.put(k, Var.constant(v)));
        return of(made, p);
    }

    /**
     * The flow whose {@code [m, s]} is {@code made} with the param values {@code parameters} (by the
     * param names of {@code made}'s layers, e.g. {@code "iaf.0.weight"}); gradients reach them.
     *
     * @throws IllegalArgumentException when {@code made} does not have two outputs per dimension or a
     *     param of {@code made} is missing from {@code parameters}
     */
    public static InverseAutoregressiveFlow of(Made made, Map<String, Var> parameters) {
        if (made.multiplier() != 2) {
            throw new IllegalArgumentException("InverseAutoregressiveFlow needs a Made with multiplier 2 (a shift and a gate per dimension), got "
                    + made.multiplier());
        }
        return new InverseAutoregressiveFlow(ConditionerNetwork.of(made, parameters, made.dim(), 2 * made.dim()), made.dim());
    }

    /**
     * The one-dimensional flow {@code y = σ z + (1 - σ) m}, {@code σ = sigmoid(s)}, for a constant
     * {@code shiftAndGate = [m, s]}.
     */
    static InverseAutoregressiveFlow constant(Var shiftAndGate) {
        if (!Arrays.equals(shiftAndGate.shape(), new int[] {2})) {
            throw new IllegalArgumentException("InverseAutoregressiveFlow in one dimension needs [m, s] of shape [2], got "
                    + Arrays.toString(shiftAndGate.shape()));
        }
        return new InverseAutoregressiveFlow(ConditionerNetwork.constant(shiftAndGate), 1);
    }

    @Override
    public int dimension() {
        return dimension;
    }

    /** {@code y = σ ⊙ z + (1 - σ) ⊙ m}, {@code [m, s] = MADE(z)}, {@code σ = sigmoid(s)}. */
    @Override
    public Var forward(Var z) {
        requireLength(z);
        Var[] ms = shiftAndGate(z);
        Var sigma = ms[1].sigmoid();
        return sigma.mul(z).add(sigma.rsub(1.0).mul(ms[0]));
    }

    /** {@code y} and {@code Σ_i log sigmoid(s_i)} from one pass of the network. */
    @Override
    public NormalizingFlow.Pushed forwardAndLogAbsDet(Var z) {
        requireLength(z);
        Var[] ms = shiftAndGate(z);
        Var sigma = ms[1].sigmoid();
        return new NormalizingFlow.Pushed(sigma.mul(z).add(sigma.rsub(1.0).mul(ms[0])), ms[1].logSigmoid().sum(-1));
    }

    /** {@code z} with {@code forward(z) = y}, by {@code D} passes of {@code z ← (y - (1 - σ) ⊙ m)/σ}. */
    @Override
    public Var inverse(Var y) {
        requireLength(y);
        Var z = y;
        for (int pass = 0; pass < dimension; pass++) {
            Var[] ms = shiftAndGate(z);
            Var sigma = ms[1].sigmoid();
            z = y.sub(sigma.rsub(1.0).mul(ms[0])).div(sigma);
        }
        return z;
    }

    /** {@code Σ_i log σ_i = Σ_i log sigmoid(s_i)} at {@code z}, the shape of {@code z} without its last axis. */
    @Override
    public Var logAbsDetJacobian(Var z, Var y) {
        requireLength(z);
        return shiftAndGate(z)[1].logSigmoid().sum(-1);
    }

    private Var[] shiftAndGate(Var z) {
        Var out = network.apply(z);
        return new Var[] {out.slice(-1, 0, dimension), out.slice(-1, dimension, 2 * dimension)};
    }

    private void requireLength(Var z) {
        VectorLayer.requireLength("InverseAutoregressiveFlow", dimension, z);
    }

    @Override
    public String toString() {
        return "InverseAutoregressiveFlow[D=" + dimension + "]";
    }
}
