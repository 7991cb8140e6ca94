package io.github.elbo4j.infer;

import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scalar of a posterior approximation set against reference draws (typically NUTS's,
 * {@code io.github.elbo4j.mcmc.Samples#draws()}): the error of the mean in reference posterior
 * sds, {@code (mean_q - mean_ref) / sd_ref}, and the sd ratio {@code sd_q / sd_ref} (Yao, Vehtari,
 * Simpson &amp; Gelman 2018, "Yes, but did it work?", ICML: the two numbers by which a VI fit is
 * judged against a long MCMC run).
 *
 * @param name          the scalar: {@code site}, {@code site[i]}, ...
 * @param mean          its mean under the approximation
 * @param sd            its sd under the approximation
 * @param referenceMean its mean in the reference draws
 * @param referenceSd   its sd in the reference draws
 */
public record SiteComparison(String name, double mean, double sd, double referenceMean, double referenceSd) {

    /** {@code (mean - referenceMean) / referenceSd}. */
    public double meanErrorInSds() {
        return (mean - referenceMean) / referenceSd;
    }

    /** {@code sd / referenceSd}. */
    public double sdRatio() {
        return sd / referenceSd;
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%-16s mean %10.4f (ref %10.4f, error %+.3f sd)  sd %9.4f (ref %9.4f, ratio %.3f)",
                name, mean, referenceMean, meanErrorInSds(), sd, referenceSd, sdRatio());
    }

    /**
     * The comparison of {@code q} (from {@code draws} of its draws) with {@code reference}: for every
     * latent site of {@code q}, reference draws of shape {@code [n] + siteShape}, one row per scalar.
     *
     * @throws IllegalArgumentException if a latent site of {@code q} is missing from {@code reference} or has another shape
     */
    static List<SiteComparison> compare(Posterior q, Map<String, Tensor> reference, int draws, RandomStream rng) {
        for (String name : q.latentNames()) {
            Tensor r = reference.get(name);
            if (r == null) {
                throw new IllegalArgumentException("reference draws have no site '" + name + "'; they have " + reference.keySet()
                        + " and the fit's latent sites are " + q.latentNames());
            }
            int[] expected = q.shapeOf(name);
            int[] got = Arrays.copyOfRange(r.shape(), 1, r.shape().length);
            if (r.rank() < 1 || io.github.elbo4j.tensor.Broadcasting.size(got) != io.github.elbo4j.tensor.Broadcasting.size(expected)) {
                throw new IllegalArgumentException("reference draws of '" + name + "' have shape " + Arrays.toString(r.shape())
                        + ", expected [n] + " + Arrays.toString(expected));
            }
        }
        List<SiteSummary> fitted = q.summary(draws, rng);
        List<SiteComparison> out = new ArrayList<>();
        int row = 0;
        for (String name : q.latentNames()) {
            Tensor r = reference.get(name);
            int n = r.dim(0);
            List<SiteSummary> ref = Posterior.summarize(Map.of(name, r), List.of(name), n);
            for (SiteSummary s : ref) {
                SiteSummary f = fitted.get(row++);
                out.add(new SiteComparison(f.name(), f.mean(), f.sd(), s.mean(), s.sd()));
            }
        }
        return out;
    }
}
