package io.github.elbo4j.mcmc;

import io.github.elbo4j.diagnostics.ChainDiagnostics;
import io.github.elbo4j.infer.LogDensity;
import io.github.elbo4j.infer.Posterior;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The draws of a NUTS run in constrained space, site by site (each unconstrained draw {@code u}
 * mapped through the layout's bijectors {@code T(u)}), with what each chain did ({@link ChainStats})
 * and the convergence diagnostics of every scalar ({@link #summary()}). Immutable.
 */
public final class Samples {

    private final NutsSettings settings;
    private final List<String> names;
    private final Map<String, int[]> shapes;
    private final Map<String, double[][]> values;   // site -> [chain][draw * size + element]
    private final List<ChainStats> stats;

    private Samples(NutsSettings settings, List<String> names, Map<String, int[]> shapes, Map<String, double[][]> values,
                    List<ChainStats> stats) {
        this.settings = settings;
        this.names = names;
        this.shapes = shapes;
        this.values = values;
        this.stats = stats;
    }

    static Samples of(LogDensity density, NutsSettings settings, List<Chain.Output> outputs) {
        LatentLayout layout = density.layout();
        int n = settings.draws();
        List<String> names = new ArrayList<>();
        Map<String, int[]> shapes = new LinkedHashMap<>();
        Map<String, double[][]> values = new LinkedHashMap<>();
        for (LatentLayout.Entry e : layout.entries()) {
            names.add(e.name());
            shapes.put(e.name(), e.shape().clone());
            values.put(e.name(), new double[outputs.size()][]);
        }
        LogDensity reader = density.withStream(RandomStream.of(settings.seed()).split(-1));
        for (int c = 0; c < outputs.size(); c++) {
            double[][] u = outputs.get(c).draws();
            for (LatentLayout.Entry e : layout.entries()) {
                int size = Broadcasting.size(e.shape());
                double[] out = new double[n * size];
                if (!e.transform().codomain().isParameterized()) {
                    double[] flat = new double[n * e.size()];
                    for (int i = 0; i < n; i++) {
                        System.arraycopy(u[i], e.offset(), flat, i * e.size(), e.size());
                    }
                    Tensor x = e.transform().forward(Tensor.of(flat, Broadcasting.concat(new int[] {n}, e.unconstrainedShape())));
                    System.arraycopy(x.toArray(), 0, out, 0, out.length);
                } else {
                    for (int i = 0; i < n; i++) {   // bounds that are other latents: one model run per draw
                        System.arraycopy(reader.constrain(u[i]).get(e.name()).toArray(), 0, out, i * size, size);
                    }
                }
                values.get(e.name())[c] = out;
            }
        }
        List<ChainStats> stats = new ArrayList<>();
        for (Chain.Output o : outputs) {
            stats.add(o.stats());
        }
        return new Samples(settings, List.copyOf(names), shapes, values, List.copyOf(stats));
    }

    /** The settings of the run. */
    public NutsSettings settings() {
        return settings;
    }

    /** The latent site names, in model order. */
    public List<String> latentNames() {
        return names;
    }

    /** The shape of one draw of site {@code name}. */
    public int[] shapeOf(String name) {
        return require(name).clone();
    }

    public int chains() {
        return stats.size();
    }

    /** Kept draws per chain. */
    public int drawsPerChain() {
        return settings.draws();
    }

    /** Every site's draws of all chains, chain after chain: {@code [chains * draws] + siteShape}. */
    public Map<String, Tensor> draws() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (String name : names) {
            out.put(name, draws(name));
        }
        return Collections.unmodifiableMap(out);
    }

    /** Site {@code name}'s draws of all chains, chain after chain: {@code [chains * draws] + siteShape}. */
    public Tensor draws(String name) {
        int[] shape = require(name);
        double[][] v = values.get(name);
        int per = v[0].length;
        double[] all = new double[v.length * per];
        for (int c = 0; c < v.length; c++) {
            System.arraycopy(v[c], 0, all, c * per, per);
        }
        return Tensor.of(all, Broadcasting.concat(new int[] {v.length * settings.draws()}, shape));
    }

    /** The draws {@code [chain][draw]} of element {@code element} (row-major) of site {@code name}. */
    public double[][] chainDraws(String name, int element) {
        int size = Broadcasting.size(require(name));
        if (element < 0 || element >= size) {
            throw new IllegalArgumentException("element " + element + " of site '" + name + "' must be in [0, " + size + ")");
        }
        double[][] v = values.get(name);
        int n = settings.draws();
        double[][] out = new double[v.length][n];
        for (int c = 0; c < v.length; c++) {
            for (int i = 0; i < n; i++) {
                out[c][i] = v[c][i * size + element];
            }
        }
        return out;
    }

    /** What each chain did, in chain order. */
    public List<ChainStats> chainStats() {
        return stats;
    }

    /** Sampling iterations with a divergent trajectory, all chains. */
    public int divergences() {
        int s = 0;
        for (ChainStats c : stats) {
            s += c.divergences();
        }
        return s;
    }

    /** Sampling iterations that stopped at the maximum tree depth, all chains. */
    public int treeDepthSaturations() {
        int s = 0;
        for (ChainStats c : stats) {
            s += c.treeDepthSaturations();
        }
        return s;
    }

    /** Gradient evaluations of the log density, all chains, warm-up included. */
    public long gradientEvaluations() {
        long s = 0;
        for (ChainStats c : stats) {
            s += c.gradientEvaluations();
        }
        return s;
    }

    /** The adapted step size of each chain. */
    public double[] stepSizes() {
        double[] out = new double[stats.size()];
        for (int c = 0; c < out.length; c++) {
            out[c] = stats.get(c).stepSize();
        }
        return out;
    }

    /**
     * One row per scalar element ({@code name}, {@code name[i]}, ...): mean, sd and quantiles of all
     * draws, MCSE of the mean, bulk/tail ESS and R-hat across chains (NaN where a chain has fewer
     * than {@link ChainDiagnostics#MIN_DRAWS} draws).
     */
    public List<ParameterSummary> summary() {
        List<ParameterSummary> rows = new ArrayList<>();
        boolean diagnose = settings.draws() >= ChainDiagnostics.MIN_DRAWS;
        for (String name : names) {
            int[] shape = shapes.get(name);
            int size = Broadcasting.size(shape);
            for (int k = 0; k < size; k++) {
                double[][] x = chainDraws(name, k);
                double[] all = new double[x.length * x[0].length];
                for (int c = 0; c < x.length; c++) {
                    System.arraycopy(x[c], 0, all, c * x[c].length, x[c].length);
                }
                SiteSummary s = SiteSummary.of(Posterior.elementName(name, shape, k), all);
                rows.add(new ParameterSummary(s.name(), s.mean(), s.sd(), s.q05(), s.q50(), s.q95(),
                        diagnose ? ChainDiagnostics.mcseMean(x) : Double.NaN,
                        diagnose ? ChainDiagnostics.essBulk(x) : Double.NaN,
                        diagnose ? ChainDiagnostics.essTail(x) : Double.NaN,
                        diagnose ? ChainDiagnostics.rhat(x) : Double.NaN));
            }
        }
        return rows;
    }

    /** The summary as a text table, with the run's divergences, tree-depth saturations and step sizes below it. */
    public String table() {
        StringBuilder b = new StringBuilder(ParameterSummary.HEADER).append('\n');
        for (ParameterSummary r : summary()) {
            b.append(r).append('\n');
        }
        b.append(String.format(java.util.Locale.ROOT, "%d chains x %d draws (after %d warm-up); divergences %d; max tree depth (%d) hit %d times;"
                        + " step sizes %s; gradient evaluations %d%n", chains(), settings.draws(), settings.warmup(), divergences(),
                settings.maxTreeDepth(), treeDepthSaturations(), java.util.Arrays.toString(stepSizes()), gradientEvaluations()));
        return b.toString();
    }

    private int[] require(String name) {
        int[] s = shapes.get(name);
        if (s == null) {
            throw new IllegalArgumentException("no latent site named '" + name + "'; latent sites are " + names);
        }
        return s;
    }
}
