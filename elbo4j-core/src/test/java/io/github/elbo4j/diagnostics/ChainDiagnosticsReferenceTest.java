package io.github.elbo4j.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * R-hat, bulk-ESS, tail-ESS and MCSE of the mean against rstan 2.21.7 on 7 quantities of 4 chains
 * × 1000 draws (correlated, independent, heavy-tailed, one chain shifted, drifting, tied,
 * antithetic), from {@code src/test/resources/reference/make_chain_diagnostics_reference.R} and its
 * outputs {@code chain_diagnostics_draws.csv} and {@code chain_diagnostics_reference.csv}. The split
 * chains have 500 draws, a length whose prime factors are 2 and 5 only, so rstan's FFT
 * autocovariance has the scale of the plain sum used here (see {@link ChainDiagnostics}), and only
 * rounding separates the two: FFT against direct sums, R's {@code qnorm} against Commons Numbers'
 * inverse erfc. Tolerance 1e-9 relative (the worst case measured is printed by no test; it was
 * below 1e-12 when this test was written).
 */
class ChainDiagnosticsReferenceTest {

    private static final double RELATIVE = 1e-7; // percent: 1e-9 relative

    record Quantity(String name, double[][] draws, double rhat, double essBulk, double essTail, double mcseMean) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> quantities() throws IOException {
        List<String[]> draws = rows("chain_diagnostics_draws.csv");
        String[] header = draws.get(0);
        int chains = 4;
        int n = (draws.size() - 1) / chains;
        List<Arguments> out = new ArrayList<>();
        for (String[] ref : rows("chain_diagnostics_reference.csv").subList(1, 8)) {
            int col = List.of(header).indexOf(ref[0]);
            double[][] x = new double[chains][n];
            for (int r = 1; r < draws.size(); r++) {
                String[] row = draws.get(r);
                x[Integer.parseInt(row[0]) - 1][Integer.parseInt(row[1]) - 1] = Double.parseDouble(row[col]);
            }
            out.add(Arguments.of(new Quantity(ref[0], x, Double.parseDouble(ref[1]), Double.parseDouble(ref[2]),
                    Double.parseDouble(ref[3]), Double.parseDouble(ref[4]))));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quantities")
    void rhatMatchesRstan(Quantity q) {
        assertThat(ChainDiagnostics.rhat(q.draws())).as(q.name()).isCloseTo(q.rhat(), withinPercentage(RELATIVE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quantities")
    void bulkEssMatchesRstan(Quantity q) {
        assertThat(ChainDiagnostics.essBulk(q.draws())).as(q.name()).isCloseTo(q.essBulk(), withinPercentage(RELATIVE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quantities")
    void tailEssMatchesRstan(Quantity q) {
        assertThat(ChainDiagnostics.essTail(q.draws())).as(q.name()).isCloseTo(q.essTail(), withinPercentage(RELATIVE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quantities")
    void mcseOfTheMeanMatchesRstan(Quantity q) {
        assertThat(ChainDiagnostics.mcseMean(q.draws())).as(q.name()).isCloseTo(q.mcseMean(), withinPercentage(RELATIVE));
    }

    @Test
    void theFixtureCoversUnmixedAndAntitheticChains() throws IOException {
        // the reference cases must exercise both sides of the rules: R-hat above 1.01, ESS above S
        List<Quantity> all = quantities().map(a -> (Quantity) a.get()[0]).toList();
        assertThat(all).anyMatch(q -> q.rhat() > 1.01).anyMatch(q -> q.essBulk() > 4000);
    }

    @Test
    void constantOrNonFiniteDrawsHaveNoValue() {
        double[][] constant = {{1, 1, 1, 1, 1, 1}, {1, 1, 1, 1, 1, 1}};
        double[][] infinite = {{1, 2, 3, 4, 5, Double.POSITIVE_INFINITY}, {1, 2, 3, 4, 5, 6}};
        assertThat(ChainDiagnostics.rhat(constant)).isNaN();
        assertThat(ChainDiagnostics.essBulk(infinite)).isNaN();
        assertThat(ChainDiagnostics.mcseMean(constant)).isNaN();
    }

    @Test
    void shortOrRaggedChainsAreRefusedWithTheirLengths() {
        assertThatThrownBy(() -> ChainDiagnostics.rhat(new double[][] {{1, 2, 3, 4, 5}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("draws per chain = 5 must be >= 6");
        assertThatThrownBy(() -> ChainDiagnostics.essBulk(new double[][] {{1, 2, 3, 4, 5, 6}, {1, 2, 3, 4, 5, 6, 7}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("chain 1 has 7");
    }

    private static List<String[]> rows(String file) throws IOException {
        try (InputStream in = ChainDiagnosticsReferenceTest.class.getResourceAsStream("/reference/" + file)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> out = new ArrayList<>();
            for (String line : text.split("\n")) {
                if (!line.isBlank()) {
                    out.add(line.trim().split(","));
                }
            }
            return out;
        }
    }
}
