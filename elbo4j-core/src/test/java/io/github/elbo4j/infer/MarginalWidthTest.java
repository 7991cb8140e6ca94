package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.guide.GaussianMoments;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The width check on a posterior known exactly: {@code x ~ N(0, 1)}, {@code y ~ N(2, 3²)},
 * independent, so each latent's sd is its prior's. Tolerances from the spread over 40 seeds
 * (a scratch run of the same calls): with 1,000 draws per site, the factor for a q of sd 0.5 on x
 * had mean 2.008 and sd 0.076; for the exact q the largest factor had mean 1.015 and sd 0.021.
 */
class MarginalWidthTest {

    private static final Model TWO_NORMALS = m -> {
        m.sample("x", Normal.of(0, 1));
        m.sample("y", Normal.of(2, 3));
    };

    private static GaussianMoments q(double sdX) {
        return new GaussianMoments(Tensor.of(0.0, 2.0), Tensor.of(new double[] {sdX, 0, 0, 3}, 2, 2));
    }

    /** Catches weights taken against q instead of the mixture, a proposal not widened, or the sds swapped: q half as wide as the posterior reads 2. */
    @Test
    void aGuideHalfAsWideAsThePosteriorReadsAFactorOfTwo() {
        MarginalWidth w = MarginalWidth.largest(LogDensity.of(TWO_NORMALS, RandomStream.of(1)), q(0.5), RandomStream.of(3), 1000, 8)
                .orElseThrow();
        assertThat(w.site()).isEqualTo("x");
        assertThat(w.factor()).isCloseTo(2.0, Offset.offset(4 * 0.076));
        assertThat(w.weightedSd()).isCloseTo(1.0, Offset.offset(0.1));
        assertThat(w.sd()).isCloseTo(0.5, Offset.offset(0.05));
    }

    /** Catches a check that fires on an exact guide: the largest factor stays within 6 of its sds of 1.015. */
    @Test
    void anExactGuideReadsAboutOne() {
        MarginalWidth w = MarginalWidth.largest(LogDensity.of(TWO_NORMALS, RandomStream.of(1)), q(1.0), RandomStream.of(3), 1000, 8)
                .orElseThrow();
        assertThat(w.factor()).isBetween(0.9, 1.015 + 6 * 0.021);
    }

    /** Only the first {@code maxSites} scalar sites are checked: with one, y's factor (about 1) is the answer even though x is narrow. */
    @Test
    void checksOnlyTheFirstSitesAskedFor() {
        GaussianMoments narrowY = new GaussianMoments(Tensor.of(0.0, 2.0), Tensor.of(new double[] {1, 0, 0, 1.5}, 2, 2));
        MarginalWidth first = MarginalWidth.largest(LogDensity.of(TWO_NORMALS, RandomStream.of(1)), narrowY, RandomStream.of(3), 1000, 1)
                .orElseThrow();
        assertThat(first.site()).isEqualTo("x");
        MarginalWidth both = MarginalWidth.largest(LogDensity.of(TWO_NORMALS, RandomStream.of(1)), narrowY, RandomStream.of(3), 1000, 2)
                .orElseThrow();
        assertThat(both.site()).isEqualTo("y");
        assertThat(both.factor()).isCloseTo(2.0, Offset.offset(0.3));
    }

    @Test
    void rejectsAnOddNumberOfDraws() {
        assertThatThrownBy(() -> MarginalWidth.largest(LogDensity.of(TWO_NORMALS, RandomStream.of(1)), q(1), RandomStream.of(3), 999, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 999");
    }

    /** The verdict's reading of the factor: catches the width finding lowering a verdict below its thresholds, or not at all above them. */
    @Test
    void theVerdictReadsTheFactorWithTheSdThresholds() {
        Verdict good = new Verdict(Verdict.Level.GOOD, java.util.List.of());
        assertThat(good.withMarginalWidth(new MarginalWidth("tau", 1.15, 1, 1.15, 500))).isEqualTo(good);
        Verdict usable = good.withMarginalWidth(new MarginalWidth("tau", 1.36, 0.1, 0.136, 500));
        assertThat(usable.level()).isEqualTo(Verdict.Level.USABLE);
        assertThat(usable.summaryLine()).startsWith("usable: q's marginal of tau is too narrow").contains("1.36 times q's 0.1");
        assertThat(good.withMarginalWidth(new MarginalWidth("tau", 2.4, 0.1, 0.24, 500)).level()).isEqualTo(Verdict.Level.DO_NOT_TRUST);
    }
}
