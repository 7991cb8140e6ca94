package io.github.elbo4j.bench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.github.elbo4j.model.Site;
import io.github.elbo4j.model.Trace;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every committed {@code posteriors/<name>/reference.json} parses, covers every latent site the
 * Java model samples with the right shape and one summary row per coordinate, and meets the
 * generator's own acceptance rules (no divergence, R-hat <= 1.01, MCSE of each mean <= 0.02 sd),
 * so a hand edit that breaks them is caught.
 */
class PosteriorReferenceTest {

    @TestFactory
    Stream<DynamicTest> referenceHoldsEveryLatentSiteOfTheJavaModelWithItsShape() {
        return ReferencePosteriors.all().stream().map(p -> dynamicTest(p.name(), () -> {
            io.github.elbo4j.infer.PrototypeRun run = io.github.elbo4j.infer.PrototypeRun.of(p.model(), io.github.elbo4j.random.RandomStream.of(20240));
            Trace trace = run.trace();
            List<LatentSite> sites = p.reference().sites();
            assertThat(trace.latentSites().stream().map(Site::name))
                    .containsExactlyElementsOf(sites.stream().map(LatentSite::name).toList());
            for (LatentSite s : sites) {
                assertThat(run.latentShapes().get(s.name())).as("shape of %s", s.name()).isEqualTo(s.dims());
                for (String coordinate : coordinates(s)) {
                    assertThat(p.reference().parameter(coordinate)).as("summary of %s in %s", coordinate, p.name()).isPresent();
                }
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> nutsReferencesMeetTheGeneratorsAcceptanceRules() {
        return ReferencePosteriors.all().stream().filter(p -> p.reference().nuts().isPresent()).map(p -> dynamicTest(p.name(), () -> {
            assertThat(p.reference().nuts().orElseThrow().divergences()).isZero();
            for (ParameterSummary s : p.reference().parameters()) {
                assertThat(s.rhat().orElseThrow()).as("R-hat of %s", s.name()).isLessThanOrEqualTo(1.01);
                assertThat(s.mcseMean()).as("MCSE of %s", s.name()).isLessThanOrEqualTo(0.02 * s.sd());
                assertThat(s.q05()).as("quantiles of %s", s.name()).isLessThanOrEqualTo(s.q50());
                assertThat(s.q50()).as("quantiles of %s", s.name()).isLessThanOrEqualTo(s.q95());
            }
        }));
    }

    @Test
    void catalogueNamesAreUniqueAndEveryStanModelKeepsItsConstants() {
        List<String> names = ReferencePosteriors.all().stream().map(ReferencePosterior::name).toList();
        assertThat(names).doesNotHaveDuplicates().hasSize(12);
        for (String name : names) {
            String code = new PosteriorFiles(name).stanModel().replaceAll("//[^\n]*", "");
            assertThat(code).as(name).contains("target +=").doesNotContain("~");
        }
    }

    @Test
    void centeredEightSchoolsReferenceIsTheNonCenteredPosterior() {
        ReferenceSummary centered = ReferencePosteriors.named(EightSchools.CENTERED).reference();
        ReferenceSummary noncentered = ReferencePosteriors.named(EightSchools.NONCENTERED).reference();
        assertThat(centered.method()).contains(EightSchools.NONCENTERED);
        assertThat(centered.nutsAsWritten().orElseThrow().divergences()).isPositive();
        for (String coordinate : List.of("mu", "tau", "theta[0]", "theta[7]")) {
            assertThat(centered.parameter(coordinate).orElseThrow().mean())
                    .isEqualTo(noncentered.parameter(coordinate).orElseThrow().mean());
        }
    }

    /**
     * The exact funnel marginals: {@code v ~ N(0, 3²)}; {@code Var x_i = E e^v = e^{9/2}} (the mean
     * of a lognormal), so the sd of {@code x_i} is {@code e^{9/4}}; its 5% and 95% quantiles are
     * symmetric.
     */
    @Test
    void funnelReferenceIsExact() {
        ReferenceSummary funnel = ReferencePosteriors.named(Funnel10.NAME).reference();
        assertThat(funnel.nuts()).isEmpty();
        assertThat(funnel.parameter("v").orElseThrow().sd()).isEqualTo(3.0);
        assertThat(funnel.parameter("v").orElseThrow().q95()).isCloseTo(3 * 1.6448536269514722, Offset.offset(1e-12));
        ParameterSummary x = funnel.parameter("x[8]").orElseThrow();
        assertThat(x.sd()).isCloseTo(Math.exp(9.0 / 4.0), Offset.offset(1e-12));
        assertThat(x.q05()).isEqualTo(-x.q95());
        assertThat(x.essBulk()).isEmpty();
    }

    /** {@code name} for a scalar; {@code name[i]} (0-based, row-major, {@code name[i,j]} for a matrix) otherwise. */
    private static List<String> coordinates(LatentSite s) {
        int[] dims = s.dims();
        List<String> out = new ArrayList<>();
        if (dims.length == 0) {
            out.add(s.name());
            return out;
        }
        int[] index = new int[dims.length];
        for (int k = 0; k < s.size(); k++) {
            int rest = k;
            for (int d = dims.length - 1; d >= 0; d--) {
                index[d] = rest % dims[d];
                rest /= dims[d];
            }
            out.add(s.name() + Arrays.toString(index).replace(" ", ""));
        }
        return out;
    }
}
