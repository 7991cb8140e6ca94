package io.github.elbo4j.amortized;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.TransformedDistribution;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.PrototypeRun;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.nn.Activation;
import io.github.elbo4j.nn.Init;
import io.github.elbo4j.nn.Layer;
import io.github.elbo4j.nn.Mlp;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Bijectors;
import io.github.elbo4j.transform.Constraint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * An amortized guide (Gershman &amp; Goodman, CogSci 2014; Kingma &amp; Welling, ICLR 2014) for any
 * model whose local latents live in one plate over the data: one network (the encoder) maps each
 * datum {@code x_i} to the parameters of its latents' guide, so the cost of inference does not
 * grow with a set of per-datum parameters and a new datum is encoded in one pass. For every latent
 * site {@code s} inside the plate, with unconstrained event size {@code k_s}, the encoder's
 * output holds {@code (μ_s, log σ²_s)} ({@code 2 k_s} numbers per datum) and the guide draws
 * {@code z_s = T_s(μ_s + σ_s ε)}, {@code ε ~ N(0, I)}, {@code T_s = bijectTo(support)} (a diagonal
 * Gaussian in unconstrained space, the VAE's encoder when {@code T_s} is the identity). The guide
 * opens the same plate (name, size, minibatch) as the model, so it sees the same minibatch.
 *
 * <p>Latents outside every plate (global ones, e.g. the shared mean of a hierarchical model) get a
 * mean-field Gaussian in unconstrained space, {@code T_g(μ_g + σ_g ε)}, with parameters
 * {@code amortized.<site>.loc} (starting at the prototype run's prior draw) and
 * {@code amortized.<site>.scale} (starting at 0.1). A latent inside another plate is an error naming
 * the site and its plates.
 */
public final class AmortizedGuide {

    /** A local latent site: its name, event shape and unconstrained event size, and its bijector. */
    private record Local(String name, int[] eventShape, int size, Bijector transform) {
    }

    /** A global latent site: its name, its shape (batch + event), its event rank, its bijector and its unconstrained start. */
    private record Global(String name, int[] shape, int eventRank, Bijector transform, Tensor start) {
    }

    private AmortizedGuide() {
    }

    /**
     * An amortized guide for {@code model} whose plate {@code plate} runs over the rows of
     * {@code data} (its first axis), with a ReLU encoder through {@code hidden} layers whose
     * parameters are named {@code name.*} and initialised from {@code seed}.
     */
    public static Model of(Model model, String plate, Tensor data, String name, long seed, int... hidden) {
        return of(model, plate, data, encoderFor(model, plate, data, name, seed, hidden));
    }

    /**
     * An amortized guide for {@code model} with a given encoder: a network from a datum (its row
     * of {@code data}, flattened) to {@code 2 Σ_s k_s} numbers, {@code (μ_s, log σ²_s)} for each
     * local site in model order.
     */
    public static Model of(Model model, String plate, Tensor data, Layer encoder) {
        PrototypeRun proto = PrototypeRun.of(model, RandomStream.of(0));
        PlateFrame frame = frameOf(proto, plate);
        List<Local> locals = locals(proto, plate);
        List<Global> globals = globals(proto);
        int rows = data.dim(0);
        if (rows != frame.size()) {
            throw new IllegalArgumentException("plate '" + plate + "' has size " + frame.size() + " but data has " + rows + " rows");
        }
        int width = data.size() / rows;
        int batch = frame.subsampleSize();
        Tensor flat = data.reshape(rows, width);
        Tensor initScale = Tensor.scalar(0.1);
        return m -> {
            for (Global g : globals) {
                Var loc = m.param("amortized." + g.name + ".loc", g.start);
                Var scale = m.param("amortized." + g.name + ".scale", initScale.mul(Tensor.ones(g.shape)), new Constraint.Positive());
                Distribution base = Normal.of(loc, scale);
                Distribution q = g.transform == null ? base : TransformedDistribution.of(base, g.transform);
                m.sample(g.name, g.eventRank == 0 ? q : q.toEvent(g.eventRank));
            }
            m.plate(plate, frame.size(), batch, p -> emitLocals(m, encoder.forward(m, Var.constant(p.subsample(flat))), locals, plate, batch));
        };
    }

    /** Draws every local site from its slice of the encoder's output {@code out} ({@code [batch, 2 Σ_s k_s]}). */
    private static void emitLocals(io.github.elbo4j.model.ModelContext m, Var out, List<Local> locals, String plate, int batch) {
        int total = locals.stream().mapToInt(Local::size).sum();
        if (out.value().rank() != 2 || out.shape()[1] != 2 * total) {
            throw new IllegalArgumentException("the encoder of plate '" + plate + "' must output [" + batch + ", " + 2 * total
                    + "] (μ and log σ² of " + total + " unconstrained coordinates), got " + Arrays.toString(out.shape()));
        }
        int offset = 0;
        for (Local s : locals) {
            Var loc = out.slice(1, offset, offset + s.size);
            Var scale = out.slice(1, total + offset, total + offset + s.size).mul(0.5).exp();
            offset += s.size;
            int[] shape = new int[1 + s.eventShape.length];
            shape[0] = batch;
            System.arraycopy(s.eventShape, 0, shape, 1, s.eventShape.length);
            Distribution base = Normal.of(loc.reshape(shape), scale.reshape(shape));
            Distribution q = s.transform == null ? base : TransformedDistribution.of(base, s.transform);
            m.sample(s.name, s.eventShape.length == 0 ? q : q.toEvent(s.eventShape.length));
        }
    }

    /** The default encoder: an MLP from the flattened datum through {@code hidden} (ReLU) to {@code 2 Σ_s k_s} outputs. */
    public static Mlp encoderFor(Model model, String plate, Tensor data, String name, long seed, int... hidden) {
        PrototypeRun proto = PrototypeRun.of(model, RandomStream.of(0));
        frameOf(proto, plate);
        int total = locals(proto, plate).stream().mapToInt(Local::size).sum();
        int[] sizes = new int[hidden.length + 2];
        sizes[0] = data.size() / data.dim(0);
        System.arraycopy(hidden, 0, sizes, 1, hidden.length);
        sizes[sizes.length - 1] = 2 * total;
        return Mlp.of(name, Activation.RELU, Init.PYTORCH_DEFAULT, seed, sizes);
    }

    private static List<Global> globals(PrototypeRun proto) {
        List<Global> out = new ArrayList<>();
        for (Site s : proto.trace().latentSites()) {
            if (!s.plates().isEmpty()) {
                continue;
            }
            Distribution d = s.distribution().orElseThrow();
            Constraint support = d.support();
            if (support.isDiscrete()) {
                throw new IllegalArgumentException("an amortized Gaussian guide cannot draw the discrete site '" + s.name() + "' (" + support + ")");
            }
            int[] shape = proto.latentShapes().get(s.name());
            Bijector t = support instanceof Constraint.Real ? null : Bijectors.bijectTo(support);
            if (t != null && !Arrays.equals(t.forwardShape(shape), shape)) {
                throw new IllegalArgumentException("site '" + s.name() + "' has support " + support
                        + " whose unconstrained coordinates have another shape; an amortized guide needs a shape-preserving bijector");
            }
            Tensor value = s.value().value().reshape(shape);
            out.add(new Global(s.name(), shape, d.eventShape().length, t, t == null ? value : t.inverse(value)));
        }
        return out;
    }

    private static PlateFrame frameOf(PrototypeRun proto, String plate) {
        for (Site s : proto.trace().sites()) {
            for (PlateFrame f : s.plates()) {
                if (f.name().equals(plate)) {
                    return f;
                }
            }
        }
        throw new IllegalArgumentException("the model has no site inside a plate named '" + plate + "'");
    }

    private static List<Local> locals(PrototypeRun proto, String plate) {
        List<Local> out = new ArrayList<>();
        for (Site s : proto.trace().latentSites()) {
            if (s.plates().isEmpty()) {
                continue;
            }
            boolean inPlate = s.plates().size() == 1 && s.plates().get(0).name().equals(plate);
            if (!inPlate) {
                throw new IllegalArgumentException("an amortized guide over plate '" + plate + "' handles latent sites inside that plate only; site '"
                        + s.name() + "' is in plates " + s.plates().stream().map(PlateFrame::name).toList());
            }
            Distribution d = s.distribution().orElseThrow();
            Constraint support = d.support();
            if (support.isDiscrete()) {
                throw new IllegalArgumentException("an amortized Gaussian guide cannot draw the discrete site '" + s.name() + "' (" + support + ")");
            }
            int[] event = d.eventShape();
            Bijector t = support instanceof Constraint.Real ? null : Bijectors.bijectTo(support);
            if (t != null && !Arrays.equals(t.forwardShape(event), event)) {
                throw new IllegalArgumentException("site '" + s.name() + "' has support " + support
                        + " whose unconstrained coordinates have another shape; an amortized guide needs a shape-preserving bijector");
            }
            int size = 1;
            for (int e : event) {
                size *= e;
            }
            out.add(new Local(s.name(), event, size, t));
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("the model has no latent site inside plate '" + plate + "'");
        }
        return out;
    }
}
