package io.github.elbo4j.cavi.gmm;

import io.github.elbo4j.infer.DivergenceException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.tensor.Tensor;
import org.junit.jupiter.api.Test;

/** Bad input fails at the public boundary with a message naming the argument, the value and the rule. */
class GaussianMixtureValidationTest {

    private static final double[][] DATA = {{0, 1}, {1, 2}, {2, 0}, {5, 5}, {6, 5}, {5, 7}};

    private static GaussianMixtureVI twoComponents() {
        return GaussianMixtureVI.builder().components(2).threads(1).maxSweeps(20).build();
    }

    @Test
    void nanInTheDataIsRefusedWithItsPosition() {
        double[][] x = {{0, 1}, {1, Double.NaN}, {2, 0}};
        assertThatThrownBy(() -> twoComponents().fit(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data[1][1] must be finite, got NaN");
    }

    @Test
    void infinityInTheDataIsRefusedWithItsPosition() {
        double[][] x = {{0, 1}, {1, 2}, {Double.NEGATIVE_INFINITY, 0}};
        assertThatThrownBy(() -> twoComponents().fit(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data[2][0] must be finite, got -Infinity");
    }

    @Test
    void fewerThanOneComponentIsRefused() {
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("components must be >= 1, got 0");
    }

    @Test
    void emptyDataIsRefused() {
        assertThatThrownBy(() -> twoComponents().fit(new double[0][])).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must have at least 1 row, got 0");
        assertThatThrownBy(() -> twoComponents().fit(new double[][] {{}, {}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must have at least 1 column, got 0");
        assertThatThrownBy(() -> twoComponents().fit(Tensor.zeros(0, 2))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must have at least 1 row, got 0");
    }

    @Test
    void raggedRowsAreRefused() {
        double[][] x = {{0, 1}, {1, 2}, {2}};
        assertThatThrownBy(() -> twoComponents().fit(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data row 2 has 1 columns, expected 2 (the length of row 0)");
    }

    @Test
    void aTensorThatIsNotAMatrixIsRefused() {
        assertThatThrownBy(() -> twoComponents().fit(Tensor.of(1, 2, 3))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data must be a matrix of shape [N, D], got shape [3]");
    }

    @Test
    void predictionsOnRowsOfAnotherDimensionAreRefused() {
        GaussianMixtureResult r = twoComponents().fit(DATA);
        double[][] x = {{1, 2, 3}};
        assertThatThrownBy(() -> r.predictProba(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x has 3 columns, the mixture was fit on 2");
        assertThatThrownBy(() -> r.logPredictiveDensity(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x has 3 columns, the mixture was fit on 2");
        assertThatThrownBy(() -> r.predict(new double[][] {{Double.NaN, 1}})).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("x[0][0] must be finite, got NaN");
    }

    @Test
    void priorsOfTheWrongDimensionAreRefused() {
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2).meanPrior(0, 0, 0).build().fit(DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("meanPrior has length 3, the data has 2 columns");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2).covariancePrior(new double[][] {{1}}).build().fit(DATA))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("covariancePrior has 1 rows, the data has 2 columns");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2).degreesOfFreedomPrior(0.5).build().fit(DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("degreesOfFreedomPrior must be finite and > D - 1 = 1 for FULL covariance, got 0.5");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2).covariancePrior(new double[][] {{1, 2}, {2, 1}})
                .build().fit(DATA)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("covariancePrior must be positive definite (");
    }

    @Test
    void fewerRowsThanComponentsIsRefusedForKMeansPlusPlus() {
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(10).build().fit(DATA))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data has 6 rows, fewer than components = 10; k-means++ needs at least one row per component");
    }

    @Test
    void aConstantColumnNeedsAnExplicitCovariancePrior() {
        double[][] x = {{0, 1}, {1, 1}, {2, 1}};
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(1).build().fit(x))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the default covariancePrior (the sample covariance of the data; is a column constant?)"
                        + " must be positive definite");
    }

    @Test
    void builderOptionsOutsideTheirRangeAreRefused() {
        assertThatThrownBy(() -> GaussianMixtureVI.builder().maxSweeps(0)).hasMessage("maxSweeps must be >= 1, got 0");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().tolerance(-1e-3)).hasMessage("tolerance must be finite and >= 0, got -0.001");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().restarts(0)).hasMessage("restarts must be >= 1, got 0");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().threads(0)).hasMessage("threads must be >= 1, got 0");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().meanPrecisionPrior(0))
                .hasMessage("meanPrecisionPrior must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> WeightPrior.dirichletProcess(-1))
                .hasMessage("WeightPrior.dirichletProcess concentration must be finite and > 0, got -1.0");
        assertThatThrownBy(() -> WeightPrior.dirichlet(Double.NaN))
                .hasMessage("WeightPrior.dirichlet concentration must be finite and > 0, got NaN");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().restarts(3)
                .initialization(GmmInitialization.fromLabels(new int[] {0, 1})).build())
                .hasMessageStartingWith("restarts must be 1 with a fixed initialization (fromLabels(2 labels");
    }

    @Test
    void dataWhoseSquaresOverflowStopsWithADivergenceInsteadOfAHalfFittedResult() {
        double[][] x = {{1e200, 0}, {-1e200, 1}, {3e200, 2}, {0, 3}};
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2).threads(1).meanPrior(0, 0)
                .covariancePrior(new double[][] {{1, 0}, {0, 1}}).build().fit(x))
                .isInstanceOf(DivergenceException.class)
                .hasMessage("Gaussian mixture fit diverged in sweep 0: a sufficient statistic is not finite (last finite ELBO"
                        + " NaN); rescale the data or check the priors")
                .satisfies(e -> {
                    DivergenceException d = (DivergenceException) e;
                    org.assertj.core.api.Assertions.assertThat(d.step()).isZero();
                    org.assertj.core.api.Assertions.assertThat(d.site()).isEqualTo("a sufficient statistic");
                    org.assertj.core.api.Assertions.assertThat(d.lastGoodParameters()).isEmpty();
                });
    }

    @Test
    void initialLabelsMustFitTheDataAndTheComponents() {
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2).initialization(GmmInitialization.fromLabels(new int[] {0, 1}))
                .build().fit(DATA)).hasMessage("initial labels has 2 labels, the data has 6 rows");
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2)
                .initialization(GmmInitialization.fromLabels(new int[] {0, 1, 2, 0, 1, 0})).build().fit(DATA))
                .hasMessage("initial labels[2] must be in [0, 2), got 2");
        double[][] r = {{0.5, 0.6}, {1, 0}, {1, 0}, {0, 1}, {0, 1}, {0, 1}};
        assertThatThrownBy(() -> GaussianMixtureVI.builder().components(2)
                .initialization(GmmInitialization.fromResponsibilities(r)).build().fit(DATA))
                .hasMessage("initial responsibilities row 0 must sum to 1, got 1.1");
    }
}
