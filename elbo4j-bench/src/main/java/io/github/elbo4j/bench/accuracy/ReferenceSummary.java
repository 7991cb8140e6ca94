package io.github.elbo4j.bench.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The content of a posterior's {@code reference.json}, written by
 * {@code posteriors/make_references.R} (README.md beside it documents every field).
 *
 * @param name the posterior's directory name
 * @param method {@code nuts}, NUTS on a reparameterization of the same posterior, or an exact computation
 * @param stresses what the posterior stresses (correlation, funnel, scale...)
 * @param wellPosed NUTS on the model as written ran without divergence and no two unconstrained
 *     latents have |correlation| >= 0.999
 * @param maxAbsCorrelationUnconstrained max |correlation| between two latent coordinates after
 *     Stan's unconstraining transforms, the space a mean-field Gaussian guide lives in
 * @param maxAbsCorrelationConstrained the same on the constrained latents
 * @param meanFieldSdRatio the smallest {@code sqrt(1 / (S_ii P_ii))} over the unconstrained
 *     coordinates, {@code S} their posterior covariance and {@code P = S⁻¹}: what the sd of a
 *     mean-field Gaussian fitted by KL(q || p) would be, over the true sd, were the posterior Gaussian
 * @param sites the latent sites, in Stan's declaration order
 * @param parameters the marginal of every latent coordinate, then of the derived quantities
 * @param nuts the run the summary comes from (absent for an exact reference)
 * @param nutsAsWritten where the summary does not come from this model's own NUTS run, that run,
 *     kept to document its divergences
 * @param logDensityChecks five points with Stan's log density
 */
public record ReferenceSummary(String name, String method, List<String> stresses, boolean wellPosed,
        double maxAbsCorrelationUnconstrained, double maxAbsCorrelationConstrained, double meanFieldSdRatio, List<LatentSite> sites,
        List<ParameterSummary> parameters, Optional<NutsRun> nuts, Optional<NutsRun> nutsAsWritten,
        List<LogDensityCheck> logDensityChecks) {

    public ReferenceSummary {
        stresses = List.copyOf(stresses);
        sites = List.copyOf(sites);
        parameters = List.copyOf(parameters);
        logDensityChecks = List.copyOf(logDensityChecks);
    }

    /** Reads {@code posteriors/<name>/reference.json} from the class path. */
    public static ReferenceSummary load(String name) {
        return parse(new PosteriorFiles(name).reference());
    }

    /** The summary of coordinate {@code name} ({@code tau}, {@code theta[3]}), if the reference has it. */
    public Optional<ParameterSummary> parameter(String name) {
        return parameters.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** Parses the tree of a {@code reference.json}. */
    static ReferenceSummary parse(JsonNode root) {
        String name = text(root, "name");
        List<LatentSite> sites = new ArrayList<>();
        for (JsonNode s : require(root, "sites")) {
            List<Integer> shape = new ArrayList<>();
            for (JsonNode d : require(s, "shape")) {
                shape.add(d.intValue());
            }
            sites.add(new LatentSite(text(s, "name"), shape, text(s, "constraint")));
        }
        List<ParameterSummary> parameters = new ArrayList<>();
        for (JsonNode p : require(root, "parameters")) {
            parameters.add(new ParameterSummary(text(p, "name"), number(p, "mean"), number(p, "sd"), number(p, "q05"),
                    number(p, "q50"), number(p, "q95"), number(p, "mcse_mean"), optional(p, "ess_bulk"),
                    optional(p, "ess_tail"), optional(p, "rhat")));
        }
        List<LogDensityCheck> checks = new ArrayList<>();
        for (JsonNode c : require(root, "log_density_checks")) {
            checks.add(new LogDensityCheck(point(name, sites, require(c, "point")), number(c, "log_density")));
        }
        List<String> stresses = new ArrayList<>();
        require(root, "stresses").forEach(s -> stresses.add(s.textValue()));
        JsonNode correlation = require(root, "max_abs_correlation");
        return new ReferenceSummary(name, text(root, "method"), stresses, require(root, "well_posed").booleanValue(),
                number(correlation, "unconstrained"), number(correlation, "constrained"),
                number(require(root, "mean_field_gaussian"), "min_sd_ratio"), sites, parameters,
                nutsRun(root.get("nuts")), nutsRun(root.get("nuts_as_written")), checks);
    }

    private static Map<String, Tensor> point(String name, List<LatentSite> sites, JsonNode point) {
        Map<String, Tensor> values = new LinkedHashMap<>();
        for (LatentSite s : sites) {
            JsonNode v = require(point, s.name());
            if (s.shape().isEmpty()) {
                values.put(s.name(), Tensor.scalar(v.doubleValue()));
                continue;
            }
            if (v.size() != s.size()) {
                throw new IllegalArgumentException(name + "/reference.json check point of '" + s.name() + "' has "
                        + v.size() + " values, the site has " + s.size());
            }
            double[] x = new double[v.size()];
            for (int i = 0; i < x.length; i++) {
                x[i] = v.get(i).doubleValue();
            }
            values.put(s.name(), Tensor.of(x, s.dims()));
        }
        if (point.size() != sites.size()) {
            throw new IllegalArgumentException(name + "/reference.json check point has " + point.size()
                    + " entries, the model has " + sites.size() + " latent sites");
        }
        return values;
    }

    private static Optional<NutsRun> nutsRun(JsonNode n) {
        if (n == null || n.isNull()) {
            return Optional.empty();
        }
        return Optional.of(new NutsRun(integer(n, "chains"), integer(n, "warmup"), integer(n, "draws"),
                number(n, "adapt_delta"), integer(n, "max_treedepth"), integer(n, "seed"), integer(n, "divergences"),
                integer(n, "max_treedepth_hits"), number(n, "seconds")));
    }

    private static JsonNode require(JsonNode n, String key) {
        JsonNode v = n.get(key);
        if (v == null) {
            throw new IllegalArgumentException("reference.json: no field '" + key + "' in " + abbreviate(n));
        }
        return v;
    }

    private static String text(JsonNode n, String key) {
        JsonNode v = require(n, key);
        if (!v.isTextual()) {
            throw new IllegalArgumentException("reference.json: field '" + key + "' must be a string, got " + v);
        }
        return v.textValue();
    }

    private static double number(JsonNode n, String key) {
        JsonNode v = require(n, key);
        if (!v.isNumber()) {
            throw new IllegalArgumentException("reference.json: field '" + key + "' must be a number, got " + v);
        }
        return v.doubleValue();
    }

    private static int integer(JsonNode n, String key) {
        JsonNode v = require(n, key);
        if (!v.isIntegralNumber()) {
            throw new IllegalArgumentException("reference.json: field '" + key + "' must be an integer, got " + v);
        }
        return v.intValue();
    }

    private static OptionalDouble optional(JsonNode n, String key) {
        JsonNode v = n.get(key);
        return v == null || v.isNull() ? OptionalDouble.empty() : OptionalDouble.of(number(n, key));
    }

    private static String abbreviate(JsonNode n) {
        String s = n.toString();
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
