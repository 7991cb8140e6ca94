package io.github.elbo4j.infer.elbo;

import io.github.elbo4j.autodiff.Gradients;
import io.github.elbo4j.autodiff.Tape;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The log joint of a model trace with its enumerated sites summed out exactly, per particle:
 * {@code log Σ_{z_E} Π_f f(z)} over the log-factors {@code log f} of its sample sites (tensor
 * variable elimination on a plated factor graph: Obermeyer, Bingham, Jankowiak, Chen, Pradhan,
 * Rush &amp; Goodman, ICML 2019, Algorithm 1, derived here for trees of plates).
 *
 * <p>Every log-factor is padded on the left to the full rank {@code R = E + 1 + n} ({@code E}
 * enumerated sites, the particle axis {@code E}, {@code n} plate axes); enumerated site {@code j}
 * lives on axis {@code E - 1 - j}. A factor depends on an enumerated site when its axis there has
 * size {@code > 1}; it is then kept compact, with only those axes (so a chain's factors, of rank
 * {@code T + n + 1} in the model, are added and reduced at rank 2 or 3). Repeatedly, the factors of a deepest remaining set of plates {@code L} are
 * taken: (1) each enumerated site whose plates are exactly {@code L}, in the order it was drawn,
 * is eliminated by adding the factors that depend on it and taking {@code logsumexp} over its
 * axis (a variable local to a plate is summed out per copy, before the plate's product); (2) each
 * remaining factor, whose enumerated sites live in plates {@code L' ⊂ L}, is summed over the axes
 * of the plates {@code L \ L'} (the product over the plate's copies, times their subsampling
 * scale) and joins the factors of {@code L'}. Factors left with no plates and no enumerated site
 * are summed over all axes but the particle axis. For a chain {@code z_1 → z_2 → ... → z_T}
 * eliminated in order each step adds {@code K × K} terms: {@code O(T K²)}, not {@code K^T}.
 */
final class TensorVariableElimination {

    /**
     * A log-factor kept compact: {@code log} holds only its axes of size {@code > 1}, which are the
     * full-rank positions {@code axes} (ascending). A chain's factors have rank {@code T + n + 1}
     * but two such axes, so every op works on {@code K²} elements at rank 2, not at rank {@code T}.
     */
    private record Factor(Var log, int[] axes, Set<String> plates, double scale, String site, int step) {
    }

    /** An enumerated site: its axis, its plates, and its step of a {@code markov} chain (-1 outside one). */
    private record Variable(String site, int axis, Set<String> plates, int step) {
    }

    private final int rank;
    private final int particleAxis;
    private final Map<String, PlateFrame> frames = new LinkedHashMap<>();
    private final List<Variable> variables = new ArrayList<>();
    private final List<Factor> factors = new ArrayList<>();
    private final Map<Integer, Variable> lastOnAxis = new LinkedHashMap<>();

    private TensorVariableElimination(Trace trace, int maxPlateNesting, String[] nonFinite) {
        List<Site> sample = trace.sites().stream().filter(s -> s.type() == SiteType.SAMPLE).toList();
        int enumerated = sample.stream().filter(Site::isEnumerated).mapToInt(s -> -s.enumDim().getAsInt() - maxPlateNesting - 1)
                .max().orElse(0);
        this.rank = enumerated + 1 + maxPlateNesting;
        this.particleAxis = enumerated;
        for (Site s : sample) {
            Set<String> plates = new LinkedHashSet<>();
            for (PlateFrame f : s.plates()) {
                plates.add(f.name());
                frames.put(f.name(), f);
            }
            int step = s.markovStep().orElse(-1);
            if (s.isEnumerated()) {
                Variable v = new Variable(s.name(), rank + s.enumDim().getAsInt(), plates, step);
                variables.add(v);
                lastOnAxis.put(v.axis(), v);
            }
            Var lp = s.unscaledLogProb();
            if (nonFinite[0] == null && !lp.value().allMatch(v -> v < Double.POSITIVE_INFINITY)) {
                nonFinite[0] = s.name();
            }
            factors.add(compact(padded(lp, s.name()), plates, s.scale(), s.name(), step));
        }
        for (Factor f : factors) {
            for (Variable v : variables) {
                if (dependsOn(f, v) && !f.plates().containsAll(v.plates())) {
                    throw new IllegalArgumentException("site '" + f.site() + "' (plates " + f.plates() + ") depends on the enumerated site '"
                            + v.site() + "' inside plate(s) " + v.plates() + ": a site outside a plate cannot depend on an enumerated "
                            + "site inside it (move the site into the plate)");
                }
            }
        }
    }

    /**
     * {@code log Σ_{z_E} p(x, z)} of {@code trace} per particle, shape {@code [P]}; the first site
     * whose log-density is NaN or {@code +∞} is reported in {@code nonFinite[0]}.
     */
    static Var logJoint(Trace trace, int particles, int maxPlateNesting, String[] nonFinite) {
        return new TensorVariableElimination(trace, maxPlateNesting, nonFinite).contract(particles);
    }

    /**
     * The posterior marginal {@code p(z_v = k | x, z_p)} of every enumerated site {@code v} per
     * particle {@code p} and plate copy, by differentiating the log joint: with a zero factor
     * {@code b_v(k)} added on {@code v}'s axis, {@code ∂/∂b_v(k) log Σ_z exp(Σ_f log f + b_v(z_v))}
     * at {@code b = 0} is {@code E[1{z_v = k}] = p(z_v = k | x)} (the gradient of a log-partition
     * function is the vector of marginals: Wainwright &amp; Jordan, Found. Trends Mach. Learn. 1(1-2),
     * 2008, Prop. 3.1; Darwiche, J. ACM 50(3), 2003). One contraction gives every site's marginals.
     * Each tensor has shape {@code [P] + [1 or plate size per plate axis] + [K]}.
     */
    static Map<String, Tensor> marginals(Trace trace, int particles, int maxPlateNesting) {
        TensorVariableElimination e = new TensorVariableElimination(trace, maxPlateNesting, new String[1]);
        Tape tape = new Tape();
        List<Var> biases = new ArrayList<>();
        for (Variable v : e.variables) {
            int[] shape = new int[e.rank];
            Arrays.fill(shape, 1);
            shape[v.axis()] = trace.require(v.site()).value().shape()[0];
            shape[e.particleAxis] = particles;
            for (String name : v.plates()) {
                PlateFrame f = e.frames.get(name);
                shape[e.rank + f.dim()] = f.subsampleSize();
            }
            Var b = tape.variable(Tensor.zeros(shape));
            biases.add(b);
            e.factors.add(e.compact(b, v.plates(), trace.require(v.site()).scale(), v.site(), v.step()));
        }
        Var logZ = e.contract(particles).sum();
        Gradients g = tape.gradient(logZ, biases.toArray(Var[]::new));
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int i = 0; i < e.variables.size(); i++) {
            Variable v = e.variables.get(i);
            Tensor grad = g.get(i);
            int[] shape = grad.shape();
            // drop the enumeration axes (size 1 except v's), then put v's support last
            int[] rest = Arrays.copyOfRange(shape, e.particleAxis, e.rank);
            int k = shape[v.axis()];
            Tensor moved = grad.reshape(Broadcasting.concat(new int[] {k}, rest));
            int[] order = new int[rest.length + 1];
            for (int a = 0; a < rest.length; a++) {
                order[a] = a + 1;
            }
            order[rest.length] = 0;
            out.put(v.site(), moved.permute(order));
        }
        return out;
    }

    private Var contract(int particles) {
        List<Factor> pending = new ArrayList<>(factors);
        Var total = Var.constant(0.0);
        while (!pending.isEmpty()) {
            Set<String> leaf = deepest(pending);
            List<Factor> group = new ArrayList<>();
            pending.removeIf(f -> f.plates().equals(leaf) && group.add(f));
            for (Variable v : variables) {
                if (v.plates().equals(leaf)) {
                    eliminate(v, group);
                }
            }
            for (Factor f : group) {
                Set<String> keep = new LinkedHashSet<>();
                for (Variable v : variables) {
                    if (dependsOn(f, v)) {
                        keep.addAll(v.plates());
                    }
                }
                if (leaf.isEmpty()) {
                    Var term = perParticle(f);
                    total = total.add(f.scale() == 1.0 ? term : term.mul(f.scale()));
                } else if (keep.equals(leaf)) {
                    throw new IllegalArgumentException("site '" + f.site() + "' in plates " + leaf + " depends on enumerated sites in "
                            + "different plates that do not nest; elimination needs the plates of enumerated sites to form a tree");
                } else {
                    pending.add(productOverPlates(f, leaf, keep));
                }
            }
        }
        int[] shape = total.shape();
        if (shape.length == 1 && shape[0] == particles) {
            return total;
        }
        return total.reshape(shape.length == 0 ? new int[] {1} : new int[] {Arrays.stream(shape).reduce(1, (a, b) -> a * b)})
                .broadcastTo(particles);
    }

    /** Adds the factors of {@code group} that depend on {@code v} and sums {@code v} out of them by {@code logsumexp}. */
    private void eliminate(Variable v, List<Factor> group) {
        List<Factor> with = group.stream().filter(f -> dependsOn(f, v)).toList();
        if (with.isEmpty()) {
            return;
        }
        double scale = with.get(0).scale();
        for (Factor f : with) {
            if (Math.abs(f.scale() - scale) > 1e-12 * Math.abs(scale)) {
                throw new IllegalArgumentException("enumerated site '" + v.site() + "': its factors '" + with.get(0).site() + "' and '"
                        + f.site() + "' have different scales (" + scale + " and " + f.scale() + "); scale them alike");
            }
        }
        int[] union = with.stream().flatMapToInt(f -> Arrays.stream(f.axes())).distinct().sorted().toArray();
        int[] sizes = new int[union.length];
        for (Factor f : with) {
            int[] fs = f.log().shape();
            for (int i = 0; i < f.axes().length; i++) {
                sizes[Arrays.binarySearch(union, f.axes()[i])] = fs[i];
            }
        }
        Var sum = null;
        for (Factor f : with) {
            Var aligned = aligned(f, union, sizes);
            sum = sum == null ? aligned : sum.add(aligned);
        }
        int position = Arrays.binarySearch(union, v.axis());
        int[] rest = new int[union.length - 1];
        for (int i = 0, k = 0; i < union.length; i++) {
            if (i != position) {
                rest[k++] = union[i];
            }
        }
        group.removeAll(with);
        int step = with.stream().mapToInt(Factor::step).max().orElse(-1);
        group.add(new Factor(sum.logSumExp(position), rest, v.plates(), scale, v.site(), step));
    }

    /** {@code f} reshaped to the axes {@code union} (a superset of its own, with their sizes): 1 on the axes it lacks. */
    private static Var aligned(Factor f, int[] union, int[] sizes) {
        int[] shape = new int[union.length];
        for (int i = 0; i < union.length; i++) {
            shape[i] = Arrays.binarySearch(f.axes(), union[i]) >= 0 ? sizes[i] : 1;
        }
        return Arrays.equals(shape, f.log().shape()) ? f.log() : f.log().reshape(shape);
    }

    /** {@code f} summed over the axes of the plates {@code leaf \ keep}, times their subsampling scale. */
    private Factor productOverPlates(Factor f, Set<String> leaf, Set<String> keep) {
        double plateScale = 1.0;
        Set<Integer> summed = new LinkedHashSet<>();
        for (String name : leaf) {
            if (!keep.contains(name)) {
                PlateFrame frame = frames.get(name);
                summed.add(rank + frame.dim());
                plateScale *= (double) frame.size() / frame.subsampleSize();
            }
        }
        List<Integer> positions = new ArrayList<>();
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < f.axes().length; i++) {
            (summed.contains(f.axes()[i]) ? positions : rest).add(i);
        }
        Var log = positions.isEmpty() ? f.log() : f.log().sum(positions.stream().mapToInt(Integer::intValue).toArray());
        int[] axes = rest.stream().mapToInt(i -> f.axes()[i]).toArray();
        return new Factor(plateScale == 1.0 ? log : log.mul(plateScale), axes, keep, f.scale() / plateScale, f.site(), f.step());
    }

    /** A deepest set of plates among {@code pending} (the first in trace order among those with the most plates). */
    private static Set<String> deepest(List<Factor> pending) {
        Set<String> best = pending.get(0).plates();
        for (Factor f : pending) {
            if (f.plates().size() > best.size()) {
                best = f.plates();
            }
        }
        return best;
    }

    /**
     * True when {@code f} has {@code v}'s axis and that axis is {@code v}'s: inside a {@code markov}
     * chain an axis is shared by the sites of every other step, and a factor of step {@code t}
     * depends on the sites of steps {@code t - 1} and {@code t}; a factor outside the chain, on the
     * last site of the axis.
     */
    private boolean dependsOn(Factor f, Variable v) {
        if (Arrays.binarySearch(f.axes(), v.axis()) < 0) {
            return false;
        }
        if (v.step() < 0) {
            return true;
        }
        return f.step() >= 0 ? f.step() == v.step() || f.step() == v.step() + 1 : lastOnAxis.get(v.axis()) == v;
    }

    /** A factor summed over every axis but the particle axis: shape {@code [P]}, or a scalar when it has no particle axis. */
    private Var perParticle(Factor f) {
        int p = Arrays.binarySearch(f.axes(), particleAxis);
        if (p < 0) {
            return f.axes().length == 0 ? f.log() : f.log().sum();
        }
        int[] others = new int[f.axes().length - 1];
        for (int i = 0, k = 0; i < f.axes().length; i++) {
            if (i != p) {
                others[k++] = i;
            }
        }
        return others.length == 0 ? f.log() : f.log().sum(others);
    }

    /** The compact factor of a full-rank log-density: its axes of size {@code > 1} only. */
    private Factor compact(Var full, Set<String> plates, double scale, String site, int step) {
        int[] shape = full.shape();
        int count = 0;
        for (int d : shape) {
            count += d > 1 ? 1 : 0;
        }
        int[] axes = new int[count];
        int[] sizes = new int[count];
        for (int i = 0, k = 0; i < shape.length; i++) {
            if (shape[i] > 1) {
                axes[k] = i;
                sizes[k++] = shape[i];
            }
        }
        return new Factor(Arrays.equals(sizes, shape) ? full : full.reshape(sizes), axes, plates, scale, site, step);
    }

    /** {@code lp} padded on the left with 1s to the full rank. */
    private Var padded(Var lp, String site) {
        int[] shape = lp.shape();
        if (shape.length > rank) {
            throw new IllegalArgumentException("site '" + site + "' has log-density shape " + Arrays.toString(shape) + " of rank "
                    + shape.length + " > " + rank + " (enumerated sites, particles and plates): under enumeration every batch axis "
                    + "must belong to a plate (m.plate(...)) or be an event axis (toEvent)");
        }
        if (shape.length == rank) {
            return lp;
        }
        int[] full = new int[rank];
        Arrays.fill(full, 1);
        System.arraycopy(shape, 0, full, rank - shape.length, shape.length);
        return lp.reshape(full);
    }
}
