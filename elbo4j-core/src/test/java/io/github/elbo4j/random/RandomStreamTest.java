package io.github.elbo4j.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Determinism and independence of {@link RandomStream}. Statistical checks use fixed seeds and a
 * tolerance of 4 Monte Carlo standard errors, each stated where it is used.
 */
class RandomStreamTest {

    private static final int N = 100_000;
    private static final long PINNED_ROOT_FIRST_LONG = 8815551698610864235L;
    private static final long PINNED_CHILD_FIRST_LONG = -3499233355033115615L;

    @Test
    void theSameSeedGivesTheSameNumbers() {
        RandomStream a = RandomStream.of(42);
        RandomStream b = RandomStream.of(42);
        for (int i = 0; i < 1000; i++) {
            assertThat(a.nextDouble()).isEqualTo(b.nextDouble());
            assertThat(a.nextGaussian()).isEqualTo(b.nextGaussian());
            assertThat(a.nextLong()).isEqualTo(b.nextLong());
            assertThat(a.nextInt(17)).isEqualTo(b.nextInt(17));
        }
        double[] x = new double[100];
        double[] y = new double[100];
        a.fillGaussian(x);
        b.fillGaussian(y);
        assertThat(x).isEqualTo(y);
        a.fillUniform(x);
        b.fillUniform(y);
        assertThat(x).isEqualTo(y);
    }

    @Test
    void theFirstNumbersOfSeed42AreFixedAcrossVersions() {
        // Pinned so that a change to seeding or splitting, which would silently change every
        // seeded result downstream, fails here first. Update only on purpose, with a release note.
        RandomStream s = RandomStream.of(42);
        assertThat(s.nextLong()).isEqualTo(PINNED_ROOT_FIRST_LONG);
        assertThat(RandomStream.of(42).split(7).nextLong()).isEqualTo(PINNED_CHILD_FIRST_LONG);
    }

    @Test
    void nearbySeedsGiveDifferentNumbers() {
        assertThat(RandomStream.of(1).nextLong()).isNotEqualTo(RandomStream.of(2).nextLong());
        assertThat(RandomStream.of(0).nextLong()).isNotEqualTo(RandomStream.of(-1).nextLong());
    }

    @Test
    void aChildDependsOnlyOnTheParentSeedAndTheIndexNotOnDrawsSoFar() {
        RandomStream parent = RandomStream.of(7);
        RandomStream before = parent.split(3);
        for (int i = 0; i < 1234; i++) {
            parent.nextGaussian();
        }
        RandomStream after = parent.split(3);
        for (int i = 0; i < 100; i++) {
            assertThat(after.nextLong()).isEqualTo(before.nextLong());
        }
    }

    @Test
    void splittingDoesNotAdvanceTheParent() {
        RandomStream a = RandomStream.of(99);
        RandomStream b = RandomStream.of(99);
        a.split(0);
        a.split(1).nextDouble();
        assertThat(a.nextLong()).isEqualTo(b.nextLong());
    }

    @Test
    void aStreamRestartsFromItsSeed() {
        RandomStream child = RandomStream.of(5).split(11).split(2);
        RandomStream again = RandomStream.of(child.seed());
        for (int i = 0; i < 100; i++) {
            assertThat(again.nextLong()).isEqualTo(child.nextLong());
        }
    }

    @Test
    void childrenOfOneParentHaveDistinctSeedsAndDifferFromTheParent() {
        RandomStream parent = RandomStream.of(0);
        Set<Long> seeds = new HashSet<>();
        seeds.add(parent.seed());
        for (long i = -100; i < 10_000; i++) {
            seeds.add(parent.split(i).seed());
        }
        assertThat(seeds).hasSize(10_101);
        assertThat(parent.split(0).nextLong()).isNotEqualTo(RandomStream.of(0).nextLong());
        assertThat(parent.split(0).nextLong()).isNotEqualTo(parent.split(1).nextLong());
    }

    @Test
    void siblingsParentAndChildAndNearbyRootsAreUncorrelated() {
        // Under independence the sample correlation of n pairs has standard error 1/sqrt(n);
        // each pair must be within 4 standard errors of 0.
        double limit = 4 / Math.sqrt(N);
        RandomStream root = RandomStream.of(2024);
        assertThat(correlation(root.split(0), root.split(1))).isBetween(-limit, limit);
        assertThat(correlation(root.split(1), root.split(2))).isBetween(-limit, limit);
        assertThat(correlation(root.split(0), root.split(1_000_000))).isBetween(-limit, limit);
        assertThat(correlation(RandomStream.of(2024), root.split(0))).isBetween(-limit, limit);
        assertThat(correlation(root.split(3), root.split(3).split(0))).isBetween(-limit, limit);
        assertThat(correlation(RandomStream.of(1), RandomStream.of(2))).isBetween(-limit, limit);
    }

    @Test
    void uniformsHaveTheMeanAndVarianceOfUniformZeroOne() {
        // U(0, 1): mean 1/2, variance 1/12, fourth central moment 1/80.
        // SE(mean) = sqrt(1/12 / n); SE(variance) = sqrt((1/80 - 1/144) / n).
        double[] u = new double[N];
        RandomStream.of(31).fillUniform(u);
        for (double v : u) {
            assertThat(v).isGreaterThanOrEqualTo(0.0).isLessThan(1.0);
        }
        SampleMoments.of(u).assertWithinFourStandardErrors(0.5, 1.0 / 12, 1.0 / 80);
    }

    @Test
    void gaussiansHaveMeanZeroAndVarianceOne() {
        // N(0, 1): fourth central moment 3; SE(mean) = sqrt(1/n), SE(variance) = sqrt(2/n).
        double[] z = new double[N];
        RandomStream.of(32).fillGaussian(z);
        SampleMoments.of(z).assertWithinFourStandardErrors(0, 1, 3);
        RandomStream s = RandomStream.of(33);
        for (int i = 0; i < N; i++) {
            z[i] = s.nextGaussian();
        }
        SampleMoments.of(z).assertWithinFourStandardErrors(0, 1, 3);
    }

    @Test
    void nextIntIsUniformOverItsBound() {
        // Each of 10 values has frequency p = 0.1 with SE sqrt(p (1 - p) / n).
        int[] counts = new int[10];
        RandomStream s = RandomStream.of(34);
        for (int i = 0; i < N; i++) {
            counts[s.nextInt(10)]++;
        }
        double se = Math.sqrt(0.1 * 0.9 / N);
        for (int c : counts) {
            assertThat((double) c / N).isBetween(0.1 - 4 * se, 0.1 + 4 * se);
        }
    }

    @Test
    void nextIntRejectsANonPositiveBound() {
        assertThatThrownBy(() -> RandomStream.of(1).nextInt(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("nextInt bound must be > 0, got 0");
        assertThatThrownBy(() -> RandomStream.of(1).nextInt(-3))
                .hasMessage("nextInt bound must be > 0, got -3");
    }

    private static double correlation(RandomStream a, RandomStream b) {
        double sa = 0;
        double sb = 0;
        double saa = 0;
        double sbb = 0;
        double sab = 0;
        for (int i = 0; i < N; i++) {
            double x = a.nextDouble();
            double y = b.nextDouble();
            sa += x;
            sb += y;
            saa += x * x;
            sbb += y * y;
            sab += x * y;
        }
        double cov = sab / N - (sa / N) * (sb / N);
        double va = saa / N - (sa / N) * (sa / N);
        double vb = sbb / N - (sb / N) * (sb / N);
        return cov / Math.sqrt(va * vb);
    }
}
