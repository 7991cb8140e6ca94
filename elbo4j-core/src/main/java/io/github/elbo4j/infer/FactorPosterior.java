package io.github.elbo4j.infer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.continuous.Beta;
import io.github.elbo4j.distribution.continuous.Gamma;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.multivariate.Dirichlet;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.infer.elbo.ElboInputs;
import io.github.elbo4j.infer.run.PredictiveRun;
import io.github.elbo4j.model.Handler;
import io.github.elbo4j.model.LatentShape;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.SeedHandler;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Broadcasting;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A mean-field approximation {@code q(z) = Π_s q_s(z_s)} given as one named distribution per
 * latent site: the result of coordinate ascent (CAVI), where each factor has a closed form. Its
 * factors are described by family and parameters ({@link Factor}), so the approximation saves
 * and loads without the model.
 */
public final class FactorPosterior implements Posterior {

    /**
     * One factor: a family name and its parameters.
     *
     * @param family     {@code Normal} (loc, scale), {@code Gamma} (concentration, rate), {@code Beta}
     *                   (concentration1, concentration0), {@code Dirichlet} (concentration) or
     *                   {@code MultivariateNormal} (loc, covariance)
     * @param parameters the parameters by name
     */
    public record Factor(String family, Map<String, Tensor> parameters) {

        /** Copies the parameters (keeping their order) and checks the family. */
        public Factor {
            parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
            distribution(family, parameters);
        }

        /** {@code N(loc, scale²)} element-wise. */
        public static Factor normal(Tensor loc, Tensor scale) {
            return new Factor("Normal", Map.of("loc", loc, "scale", scale));
        }

        /** {@code Gamma(concentration, rate)} element-wise. */
        public static Factor gamma(Tensor concentration, Tensor rate) {
            return new Factor("Gamma", Map.of("concentration", concentration, "rate", rate));
        }

        /** {@code Beta(concentration1, concentration0)} element-wise. */
        public static Factor beta(Tensor concentration1, Tensor concentration0) {
            return new Factor("Beta", Map.of("concentration1", concentration1, "concentration0", concentration0));
        }

        /** {@code Dirichlet(concentration)} over the last axis. */
        public static Factor dirichlet(Tensor concentration) {
            return new Factor("Dirichlet", Map.of("concentration", concentration));
        }

        /** {@code N(loc, covariance)} over the last axis. */
        public static Factor multivariateNormal(Tensor loc, Tensor covariance) {
            return new Factor("MultivariateNormal", Map.of("loc", loc, "covariance", covariance));
        }

        /** The distribution this factor describes. */
        public Distribution distribution() {
            return distribution(family, parameters);
        }

        private static Distribution distribution(String family, Map<String, Tensor> p) {
            return switch (family) {
                case "Normal" -> Normal.of(require(p, family, "loc"), require(p, family, "scale"));
                case "Gamma" -> Gamma.of(require(p, family, "concentration"), require(p, family, "rate"));
                case "Beta" -> Beta.of(require(p, family, "concentration1"), require(p, family, "concentration0"));
                case "Dirichlet" -> Dirichlet.of(require(p, family, "concentration"));
                case "MultivariateNormal" -> MultivariateNormal.ofCovariance(require(p, family, "loc"), require(p, family, "covariance"));
                default -> throw new IllegalArgumentException("factor family must be one of Normal, Gamma, Beta, Dirichlet, "
                        + "MultivariateNormal; got '" + family + "'");
            };
        }

        private static Tensor require(Map<String, Tensor> p, String family, String name) {
            Tensor t = p.get(name);
            if (t == null) {
                throw new IllegalArgumentException(family + " factor needs parameter '" + name + "'; got " + p.keySet());
            }
            return t;
        }
    }

    private final Map<String, Factor> factors;
    private final Map<String, Distribution> distributions = new LinkedHashMap<>();

    private FactorPosterior(Map<String, Factor> factors) {
        this.factors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factors));
        factors.forEach((k, f) -> distributions.put(k, f.distribution()));
    }

    /** The approximation with these factors, by latent site name in model order. */
    public static FactorPosterior of(Map<String, Factor> factors) {
        return new FactorPosterior(factors);
    }

    /** The factors, by site. */
    public Map<String, Factor> factors() {
        return factors;
    }

    @Override
    public List<String> latentNames() {
        return List.copyOf(factors.keySet());
    }

    @Override
    public int[] shapeOf(String name) {
        Distribution d = distributions.get(name);
        if (d == null) {
            throw new IllegalArgumentException("no latent site named '" + name + "'; latent sites are " + latentNames());
        }
        return Broadcasting.concat(d.batchShape(), d.eventShape());
    }

    @Override
    public Map<String, Tensor> sample(int n, RandomStream rng) {
        if (n < 1) {
            throw new IllegalArgumentException("number of draws must be >= 1, got " + n);
        }
        Map<String, Tensor> out = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
            out.put(e.getKey(), e.getValue().sample(rng.split(i++), n));
        }
        return out;
    }

    @Override
    public LogRatios logRatios(Model model, int n, RandomStream rng) {
        if (n < 2) {
            throw new IllegalArgumentException("number of draws must be >= 2, got " + n);
        }
        Map<String, Tensor> draws = sample(n, rng.split(0));
        // the model's plates and event shapes, from a run with its latents drawn from q (a prior draw could underflow,
        // e.g. a Gamma(1e-6, 1e-6) precision drawn as 0)
        PrototypeRun prototype = PrototypeRun.of(model, asGuide(), rng.split(1));
        int nesting = prototype.maxPlateNesting();
        double[] logQ = new double[n];
        Map<String, Var> values = new LinkedHashMap<>();
        for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
            Distribution d = e.getValue();
            Tensor z = draws.get(e.getKey());
            double[] lq = sumToDraws(d.logProb(z).value(), n);
            for (int s = 0; s < n; s++) {
                logQ[s] += lq[s];
            }
            int eventRank = prototype.trace().require(e.getKey()).distribution().orElseThrow().eventShape().length;
            int[] site = shapeOf(e.getKey());
            int[] batch = Arrays.copyOf(site, site.length - eventRank);
            int[] event = Arrays.copyOfRange(site, site.length - eventRank, site.length);
            values.put(e.getKey(), Var.constant(z.reshape(LatentShape.valueShape(n, nesting, batch, event))));
        }
        Handler none = new Handler() { };
        ElboInputs in = new ElboInputs(model, m -> { }, none, rng.split(2), n, nesting);
        Trace joint = ModelContext.trace(model, new SubstituteHandler(values::get), new SeedHandler(rng.split(3)));
        Tensor logP = in.sumPerParticle(joint, new String[1]).value();
        double[] lp = logP.size() == n ? logP.toArray() : logP.broadcastTo(n).toArray();
        double[] ratios = new double[n];
        for (int s = 0; s < n; s++) {
            ratios[s] = lp[s] - logQ[s];
        }
        return new LogRatios(draws, ratios);
    }

    @Override
    public Map<String, Tensor> predictive(Model model, int n, RandomStream rng) {
        Map<String, Tensor> draws = sample(n, rng.split(0));
        Map<String, Var> values = new LinkedHashMap<>();
        draws.forEach((k, v) -> values.put(k, Var.constant(v)));
        Trace latents = ModelContext.trace(model, new SubstituteHandler(values::get), new SeedHandler(rng.split(1)));
        return PredictiveRun.draws(PredictiveRun.trace(model, latents, rng.split(2)), n);
    }

    /** A guide program drawing every site from its factor. */
    private Model asGuide() {
        return m -> distributions.forEach(m::sample);
    }

    /**
     * The summary from the factors' marginals in closed form, not from draws ({@code n} and
     * {@code rng} are not used): mean and sd from the family's moments; 5/50/95% quantiles from the
     * marginal's quantile function (Normal, Gamma, Beta; a Dirichlet's marginals are
     * {@code Beta(α_i, α₀ - α_i)}, a multivariate normal's {@code N(μ_i, Σ_ii)}: Bishop 2006,
     * PRML, eqs. 2.37 and B.39). Exact, and cheap for a factor of millions of elements.
     */
    @Override
    public List<SiteSummary> summary(int n, RandomStream rng) {
        List<SiteSummary> rows = new java.util.ArrayList<>();
        for (Map.Entry<String, Distribution> e : distributions.entrySet()) {
            Distribution marginal = marginal(e.getValue());
            double[] mean = marginal.mean().toArray();
            double[] sd = marginal.variance().sqrt().toArray();
            int[] shape = shapeOf(e.getKey());
            double[][] q = new double[3][];
            double[] probs = {0.05, 0.5, 0.95};
            for (int i = 0; i < 3; i++) {
                q[i] = marginal.icdf(Tensor.full(probs[i], marginal.batchShape())).toArray();
            }
            for (int j = 0; j < mean.length; j++) {
                rows.add(new SiteSummary(Posterior.elementName(e.getKey(), shape, j), mean[j], sd[j], q[0][j], q[1][j], q[2][j]));
            }
        }
        return rows;
    }

    /** The element-wise marginals of a factor, as a family with a quantile function. */
    private static Distribution marginal(Distribution d) {
        if (d instanceof Dirichlet dir) {
            Tensor alpha = dir.concentration().value();
            Tensor total = alpha.sum(-1).reshape(Broadcasting.concat(dir.batchShape(), new int[] {1}));
            return Beta.of(alpha, total.sub(alpha).broadcastTo(alpha.shape()));
        }
        if (d instanceof MultivariateNormal mvn) {
            return Normal.of(mvn.loc().value(), io.github.elbo4j.tensor.LinearAlgebra.diagonal(mvn.covariance().value()).sqrt());
        }
        return d;
    }

    ObjectNode toJson(ObjectMapper json) {
        ObjectNode node = json.createObjectNode();
        factors.forEach((site, f) -> {
            ObjectNode o = node.putObject(site);
            o.put("family", f.family());
            ObjectNode p = o.putObject("parameters");
            f.parameters().forEach((k, v) -> p.set(k, FitJson.tensor(v)));
        });
        return node;
    }

    static FactorPosterior fromJson(JsonNode node) {
        Map<String, Factor> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            Map<String, Tensor> p = new LinkedHashMap<>();
            e.getValue().path("parameters").fields().forEachRemaining(q -> p.put(q.getKey(), FitJson.tensor(q.getValue())));
            out.put(e.getKey(), new Factor(e.getValue().path("family").asText(), p));
        });
        return of(out);
    }

    /** Sums {@code t} (shape {@code [n, ...]}) over all axes but the first. */
    private static double[] sumToDraws(Tensor t, int n) {
        double[] all = t.toArray();
        double[] out = new double[n];
        int k = all.length / n;
        for (int s = 0; s < n; s++) {
            for (int j = 0; j < k; j++) {
                out[s] += all[s * k + j];
            }
        }
        return out;
    }

    @Override
    public String toString() {
        return "FactorPosterior" + factors.keySet();
    }
}
