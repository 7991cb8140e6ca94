package io.github.elbo4j.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.SiteType;
import io.github.elbo4j.model.SubstituteHandler;
import io.github.elbo4j.model.Trace;
import io.github.elbo4j.tensor.Tensor;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java models are the Stan models: at each of the five check points of every
 * {@code posteriors/<name>/reference.json} (parameter values from the reference draws), the Java
 * model's log joint density, summed over its sample sites ({@link Site#logProb()}: priors,
 * likelihood and factors) with the latents substituted to the point, equals Stan's
 * {@code log_prob(..., adjust_transform = FALSE)} there (all normalizing constants, constrained
 * space, no Jacobian), written by {@code posteriors/make_references.R}. The tolerance, 1e-8
 * relative, leaves room for the different order of floating-point sums (about 1e-15 relative per
 * operation over a few thousand terms) and for Stan's round trip of the point through its
 * unconstrained space, and is far below any modelling difference (a missing constant such as
 * log 2 is at least 1e-3 relative here).
 */
class PosteriorLogDensityTest {

    private static final double RELATIVE_TOLERANCE = 1e-8;

    @TestFactory
    Stream<DynamicTest> javaLogJointEqualsStansAtEveryCheckPoint() {
        return ReferencePosteriors.all().stream().flatMap(p -> {
            List<LogDensityCheck> checks = p.reference().logDensityChecks();
            return IntStream.range(0, checks.size()).mapToObj(i -> dynamicTest(p.name() + " at check point " + i, () -> {
                LogDensityCheck check = checks.get(i);
                double java = logJoint(p.model(), check.point());
                assertThat(java).as("%s point %d: Java %s vs Stan %s", p.name(), i, java, check.logDensity())
                        .isCloseTo(check.logDensity(), org.assertj.core.data.Offset.offset(
                                RELATIVE_TOLERANCE * Math.abs(check.logDensity())));
            }));
        });
    }

    /**
     * The same five points as one batch of vectorized particles, laid out as SVI lays them
     * ({@code [P, 1, ..., 1, batch, event]}, the particle axis left of every plate): each particle's
     * log joint is Stan's value at its point. So the models run under SVI with several particles and
     * compute the same density there.
     */
    @TestFactory
    Stream<DynamicTest> vectorizedParticlesGiveEachPointsLogJoint() {
        return ReferencePosteriors.all().stream().map(p -> dynamicTest(p.name(), () -> {
            List<LogDensityCheck> checks = p.reference().logDensityChecks();
            double[] java = batchedLogJoint(p.model(), checks);
            for (int i = 0; i < checks.size(); i++) {
                double stan = checks.get(i).logDensity();
                assertThat(java[i]).as("%s particle %d", p.name(), i)
                        .isCloseTo(stan, org.assertj.core.data.Offset.offset(RELATIVE_TOLERANCE * Math.abs(stan)));
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyPosteriorHasFiveCheckPoints() {
        return ReferencePosteriors.all().stream().map(p -> dynamicTest(p.name(),
                () -> assertThat(p.reference().logDensityChecks()).hasSize(5)));
    }

    /** Per particle, {@code Σ_sites log p} with the latents of particle {@code i} from {@code checks.get(i)}. */
    private static double[] batchedLogJoint(Model model, List<LogDensityCheck> checks) {
        int particles = checks.size();
        Trace single = substituted(model, checks.get(0).point());
        int nesting = 0;
        for (Site s : single.sites()) {
            nesting = Math.max(nesting, s.plates().size());
        }
        Map<String, Var> batch = new HashMap<>();
        for (Site s : single.latentSites()) {
            int[] shape = s.value().shape();
            int pad = Math.max(0, nesting - s.distribution().orElseThrow().batchShape().length);
            int[] batched = new int[1 + pad + shape.length];
            Arrays.fill(batched, 1);
            batched[0] = particles;
            System.arraycopy(shape, 0, batched, 1 + pad, shape.length);
            int size = s.value().value().size();
            double[] values = new double[particles * size];
            for (int i = 0; i < particles; i++) {
                System.arraycopy(checks.get(i).point().get(s.name()).toArray(), 0, values, i * size, size);
            }
            batch.put(s.name(), Var.constant(Tensor.of(values, batched)));
        }
        double[] total = new double[particles];
        for (Site s : ModelContext.trace(model, new SubstituteHandler(batch)).sites()) {
            if (s.type() != SiteType.SAMPLE) {
                continue;
            }
            double[] lp = s.logProb().value().toArray();
            assertThat(lp.length % particles).as("log-density of %s has a leading particle axis", s.name()).isZero();
            int each = lp.length / particles;
            for (int i = 0; i < particles; i++) {
                for (int e = 0; e < each; e++) {
                    total[i] += lp[i * each + e];
                }
            }
        }
        return total;
    }

    private static Trace substituted(Model model, Map<String, Tensor> point) {
        Map<String, Var> values = new HashMap<>();
        point.forEach((name, value) -> values.put(name, Var.constant(value)));
        return ModelContext.trace(model, new SubstituteHandler(values));
    }

    /**
     * {@code Σ_sites log p} over the sample sites of one run of {@code model} with every latent
     * substituted from {@code point}; the latent sites must be exactly the point's names.
     */
    static double logJoint(Model model, Map<String, Tensor> point) {
        Trace trace = substituted(model, point);
        assertThat(trace.latentSites().stream().map(Site::name)).containsExactlyInAnyOrderElementsOf(point.keySet());
        double total = 0.0;
        for (Site s : trace.sites()) {
            if (s.type() == SiteType.SAMPLE) {
                total += s.logProb().sum().item();
            }
        }
        return total;
    }
}
