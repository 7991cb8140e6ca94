package io.github.elbo4j.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Each example runs and prints what its javadoc promises (so a newcomer's first copy works). */
class ExamplesTest {

    private static String output(Consumer<String[]> main) {
        PrintStream saved = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            main.accept(new String[0]);
        } finally {
            System.setOut(saved);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        saved.print(text);
        return text;
    }

    private static double mean(String text, String site) {
        for (String line : text.split("\\R")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals(site)) {
                return Double.parseDouble(f[1]);
            }
        }
        throw new AssertionError("no row for " + site + " in\n" + text);
    }

    @Test
    void regressionWithSviFindsTheSlopeAndIntercept() {
        String text = output(RegressionWithSvi::main);
        // 100 rows with noise sd 0.3: each coefficient's posterior sd is about 0.03; 0.15 is 5 of them
        assertThat(mean(text, "slope")).isCloseTo(1.5, org.assertj.core.data.Offset.offset(0.15));
        assertThat(mean(text, "intercept")).isCloseTo(-0.5, org.assertj.core.data.Offset.offset(0.15));
    }

    @Test
    void gaussianMixtureWithCaviKeepsThreeComponents() {
        String text = output(GaussianMixtureWithCavi::main);
        assertThat(text).contains("converged: true");
        assertThat(text.lines().filter(l -> l.startsWith("component ")).count()).isEqualTo(3);
    }

    @Test
    void readingAFitPrintsTheVerdictKHatAndSummary() {
        String text = output(ReadingAFit::main);
        assertThat(text).contains("verdict:").contains("k-hat:").contains("theta");
        // exact posterior mean 8/14 = 0.5714, sd 0.128; the fit's mean is within a tenth of an sd
        assertThat(mean(text, "theta")).isCloseTo(8.0 / 14, org.assertj.core.data.Offset.offset(0.015));
    }

    @Test
    void hiddenMarkovModelByEnumerationFindsTheMeansAndTheStates() {
        String text = output(HiddenMarkovModelByEnumeration::main);
        // 60 steps, about 20 per state, noise sd 0.7: each mean's posterior sd is about 0.16; 0.5 is 3 of them
        assertThat(mean(text, "mu[0]")).isCloseTo(-3.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(mean(text, "mu[1]")).isCloseTo(0.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(mean(text, "mu[2]")).isCloseTo(3.0, org.assertj.core.data.Offset.offset(0.5));
        // states 4.3 sds apart: a point is misread with probability ~1.5%, so at most a few of 60
        String line = text.lines().filter(l -> l.startsWith("states recovered:")).findFirst().orElseThrow();
        int right = Integer.parseInt(line.replaceAll("states recovered: (\\d+) of 60", "$1"));
        assertThat(right).isGreaterThanOrEqualTo(55);
    }
}
