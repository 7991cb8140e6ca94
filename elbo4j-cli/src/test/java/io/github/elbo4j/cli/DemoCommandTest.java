package io.github.elbo4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code elbo4j demo}. One {@code demo --all --seed 7} run; each demo's report is then read back
 * and the number it exists to show is checked against a value computed here, independently of the
 * demo's code (closed forms, scipy values, a grid integration, or the Monte Carlo error of the
 * demo's own data), so that a demo that computed the wrong thing, or printed another quantity under
 * the label, fails.
 */
class DemoCommandTest {

    @TempDir
    static Path all;

    private static Run allRun;

    private record Run(int exitCode, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cl = Elbo4jCommand.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @BeforeAll
    static void runEveryDemo() {
        allRun = run("demo", "--all", "--out", all.toString(), "--seed", "7");
    }

    /** The text of a demo's report: its {@code <pre>} block, HTML entities decoded. */
    private static String report(String demo) throws IOException {
        String html = Files.readString(all.resolve(demo).resolve("report.html"));
        int from = html.indexOf("<pre>");
        int to = html.indexOf("</pre>", from);
        assertThat(from).as("%s report has a <pre> block", demo).isNotNegative();
        return html.substring(from + 5, to).replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&");
    }

    /** The numbers of the first match of {@code regex} (its groups) in {@code text}. */
    private static double[] numbers(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("/%s/ in:%n%s", regex, text).isTrue();
        double[] v = new double[m.groupCount()];
        for (int i = 0; i < v.length; i++) {
            v[i] = Double.parseDouble(m.group(i + 1));
        }
        return v;
    }

    private static final String NUM = "(-?[0-9]+\\.[0-9]+(?:[eE][-+]?[0-9]+)?)";

    @Test
    void demoWithoutArgumentsListsTheDemos() {
        Run r = run("demo");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("gaussian-sampling");
    }

    @Test
    void unknownDemoNamesTheKnownOnesAndExitsWithTwo() {
        Run r = run("demo", "nope");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown demo 'nope'").contains("gaussian-sampling");
    }

    @Test
    void nameAndAllTogetherAreRejected() {
        Run r = run("demo", "gaussian-sampling", "--all");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("not both");
    }

    @Test
    void allRunsEveryDemoIntoItsOwnFolder() {
        assertThat(allRun.exitCode()).as(allRun.err()).isZero();
        assertThat(Files.exists(all.resolve("gaussian-sampling").resolve("summary.txt"))).isTrue();
        for (var d : io.github.elbo4j.cli.demo.DemoCatalog.all()) {
            assertThat(all.resolve(d.name()).resolve("report.html")).exists();
            assertThat(all.resolve("index.html")).content().contains(d.name() + "/report.html");
        }
    }

    /**
     * gaussian-sampling: each row's sample mean and sd (of the draws in samples.csv, recomputed here)
     * within 4 standard errors ({@code σ/√n}, {@code σ/√(2(n-1))}) of the row's μ and σ, and the table
     * printing those same moments. Catches a table that shows the parameters or another pair's draws,
     * and draws with the wrong location or scale.
     */
    @Test
    void gaussianSamplingTableShowsTheMomentsOfItsDraws() throws IOException {
        List<String> csv = Files.readAllLines(all.resolve("gaussian-sampling").resolve("samples.csv"));
        String table = Files.readString(all.resolve("gaussian-sampling").resolve("summary.txt"));
        double[][] pairs = {{0.0, 1.0}, {2.0, 0.5}, {-1.0, 2.0}};
        for (double[] pair : pairs) {
            List<Double> z = new ArrayList<>();
            for (String row : csv.subList(1, csv.size())) {
                String[] f = row.split(",");
                if (Double.parseDouble(f[0]) == pair[0] && Double.parseDouble(f[1]) == pair[1]) {
                    z.add(Double.parseDouble(f[2]));
                }
            }
            int n = z.size();
            assertThat(n).isEqualTo(1000);
            double mean = z.stream().mapToDouble(Double::doubleValue).sum() / n;
            double sd = Math.sqrt(z.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum() / (n - 1));
            assertThat(Math.abs(mean - pair[0])).isLessThan(4 * pair[1] / Math.sqrt(n));
            assertThat(Math.abs(sd - pair[1])).isLessThan(4 * pair[1] / Math.sqrt(2.0 * (n - 1)));
            String mu = Pattern.quote(String.format(java.util.Locale.ROOT, "%.2f", pair[0]));
            String sigma = Pattern.quote(String.format(java.util.Locale.ROOT, "%.2f", pair[1]));
            double[] row = numbers(table, "\\s" + mu + "\\s+" + sigma + " \\|\\s+" + NUM + "\\s+" + NUM + "\\s+" + NUM + " \\|\\s+" + NUM);
            assertThat(row[0]).as("printed mean").isCloseTo(mean, offset(5e-5));
            assertThat(row[3]).as("printed sd").isCloseTo(sd, offset(5e-5));
        }
    }

    /**
     * bayes-coin: prior Beta(2, 2), 6 heads in 10: the report's posterior summaries and evidence
     * against exact values — mean 8/14, mode 7/12, variance 8·6/(14²·15), median and 95% interval from
     * scipy 1.17 ({@code stats.beta(8, 6).median(), .ppf(0.025), .ppf(0.975)}), log evidence
     * {@code log(C(10,6) B(8,6)/B(2,2)) = log(210 · 7!5!/13! · 6)} — and the Beta-guide VI fit's ELBO
     * below that evidence (4 standard errors) and within 1e-3 of it (its family holds the posterior).
     */
    @Test
    void bayesCoinReportsTheExactPosteriorAndAnElboThatReachesTheEvidence() throws IOException {
        String t = report("bayes-coin");
        assertThat(t).contains("exact posterior Beta(8, 6)");
        double[] s = numbers(t, "posterior mean " + NUM + ", median " + NUM + ", mode " + NUM + ", variance " + NUM
                + ", 95% interval \\[" + NUM + ", " + NUM + "\\]");
        assertThat(s[0]).isCloseTo(8.0 / 14, offset(5e-5));
        assertThat(s[1]).isCloseTo(0.5749233386504184, offset(5e-5));
        assertThat(s[2]).isCloseTo(7.0 / 12, offset(5e-5));
        assertThat(s[3]).isCloseTo(48.0 / 2940, offset(5e-6));
        assertThat(s[4]).isCloseTo(0.31577760291406304, offset(5e-5));
        assertThat(s[5]).isCloseTo(0.807767558198712, offset(5e-5));
        double beta86 = 5040.0 * 120 / 6227020800.0;               // 7! 5! / 13!
        double logEvidence = Math.log(210 * beta86 * 6);            // C(10, 6) B(8, 6) / B(2, 2), B(2, 2) = 1/6
        assertThat(numbers(t, "log evidence log p\\(6 heads\\) = " + NUM)[0]).isCloseTo(logEvidence, offset(5e-7));
        double[] vi = numbers(t, "q = Beta\\(" + NUM + ", " + NUM + "\\), ELBO " + NUM + " ± " + NUM);
        assertThat(vi[2]).isLessThan(logEvidence + 4 * vi[3]);
        assertThat(logEvidence - vi[2]).isLessThan(1e-3);
        // the final iterate of 3000 Adam steps with 32 particles: within 5% of Beta(8, 6)
        assertThat(vi[0] / 8).isCloseTo(1.0, offset(0.05));
        assertThat(vi[1] / 6).isCloseTo(1.0, offset(0.05));
    }

    /**
     * kl-elbo: {@code log p(x) = ELBO(q) + KL(q ‖ post)} on {@code μ ~ N(0, 2²)}, five points with sd 1,
     * q = N(0, 1). Here: log p(x) = -8.066953884885073 (scipy's multivariate normal logpdf, see
     * KlElboDemoTest); the posterior is N(8.4/5.25, 1/5.25), so
     * {@code KL(q ‖ post) = -½ log 5.25 + 5.25 (1 + 1.6²)/2 - ½} by the textbook formula; the ELBO is
     * their difference. Also the forward fit N(0.6, 9.436) (the target's moments) and the reverse fit's
     * KL near {@code -log 0.6 = 0.5108}, the reverse KL of N(3, 1) (the other mode adds under 1e-6),
     * within 0.01 for the optimizer's noise.
     */
    @Test
    void klElboReportsTheIdentityWithIndependentlyComputedTerms() throws IOException {
        String t = report("kl-elbo");
        double logEvidence = -8.066953884885073;
        // KL(N(m1, s1²) ‖ N(m2, s2²)) = log(s2/s1) + (s1² + (m1 - m2)²)/(2 s2²) - ½ with s2² = 1/5.25
        double kl = -0.5 * Math.log(5.25) + 5.25 * (1 + 1.6 * 1.6) / 2 - 0.5;
        assertThat(numbers(t, "ELBO\\(q\\)\\s+= " + NUM)[0]).isCloseTo(logEvidence - kl, offset(1e-11));
        assertThat(numbers(t, "KL\\(q \\|\\| post\\)\\s+= " + NUM)[0]).isCloseTo(kl, offset(1e-11));
        assertThat(numbers(t, "log p\\(x\\)\\s+= " + NUM)[0]).isCloseTo(logEvidence, offset(1e-11));
        assertThat(Math.abs(numbers(t, "residual\\s+= " + NUM)[0])).isLessThan(1e-12);
        double[] forward = numbers(t, "moment matching\\): q = N\\(" + NUM + ", " + NUM + "\\^2\\)");
        assertThat(forward[0]).isCloseTo(0.6, offset(5e-5));
        assertThat(forward[1]).isCloseTo(Math.sqrt(9.436), offset(5e-5));
        double reverseKl = numbers(t, "reverse KL\\(q\\|\\|p\\) fit .*KL\\(q\\|\\|p\\) = " + NUM)[0];
        assertThat(reverseKl).isCloseTo(-Math.log(0.6), offset(0.01));
    }

    /**
     * laplace-mixture: the single-Gaussian fit ({@code μ ~ N(10, 10²)}, {@code σ ~ HalfNormal(10)},
     * {@code y_i ~ N(μ, σ²)}) against its exact posterior means, integrated here on a 801 × 801 grid
     * over the demo's own data ({@code data.csv}) from the sufficient statistics (for seed 7: means
     * 10.5005 and 7.0432, sds 0.498 and 0.355; the same by scipy on a 401 × 401 grid). Mean-field
     * ADVI in (μ, log σ) of a posterior this close to Gaussian (n = 200) has the exact means up to
     * O(1/n); the demo fits with ONE particle per step, so its final iterate carries Adam's noise at
     * the final rate 0.0025 (measured: μ 0.05 and σ 0.23 posterior sd off); the summary's 4000 draws
     * add 0.02 sd. Tolerance 0.5 posterior sd. And the mixture's ELBO above the single Gaussian's.
     * Catches a fit of the wrong model (e.g. σ² for σ), a summary of another site, a posterior sd
     * reported as the mean, data in the report other than the data fitted.
     */
    @Test
    void laplaceMixtureGaussianFitHasTheExactPosteriorMeans() throws IOException {
        List<String> data = Files.readAllLines(all.resolve("laplace-mixture").resolve("data.csv"));
        assertThat(data.get(0)).isEqualTo("component,y");
        int n = data.size() - 1;
        assertThat(n).isEqualTo(200);
        double s1 = 0;
        double s2 = 0;
        for (String row : data.subList(1, data.size())) {
            double y = Double.parseDouble(row.split(",")[1]);
            s1 += y;
            s2 += y * y;
        }
        double ybar = s1 / n;
        double sd = Math.sqrt((s2 - n * ybar * ybar) / (n - 1));
        int g = 801;
        double muLo = ybar - 10 * sd / Math.sqrt(n);
        double muStep = 20 * sd / Math.sqrt(n) / (g - 1);
        double sLo = sd * (1 - 10 / Math.sqrt(2.0 * n));
        double sStep = sd * 20 / Math.sqrt(2.0 * n) / (g - 1);
        double[][] logPost = new double[g][g];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < g; i++) {
            double mu = muLo + i * muStep;
            for (int j = 0; j < g; j++) {
                double sigma = sLo + j * sStep;
                double lp = -(mu - 10) * (mu - 10) / 200 - sigma * sigma / 200 - n * Math.log(sigma)
                        - (s2 - 2 * mu * s1 + n * mu * mu) / (2 * sigma * sigma);
                logPost[i][j] = lp;
                max = Math.max(max, lp);
            }
        }
        double z = 0;
        double[] m1 = new double[2];
        double[] m2 = new double[2];
        for (int i = 0; i < g; i++) {
            for (int j = 0; j < g; j++) {
                double w = Math.exp(logPost[i][j] - max);
                double mu = muLo + i * muStep;
                double sigma = sLo + j * sStep;
                z += w;
                m1[0] += w * mu;
                m1[1] += w * sigma;
                m2[0] += w * mu * mu;
                m2[1] += w * sigma * sigma;
            }
        }
        String t = report("laplace-mixture");
        String[] names = {"mu", "sigma"};
        for (int k = 0; k < 2; k++) {
            double mean = m1[k] / z;
            double postSd = Math.sqrt(m2[k] / z - mean * mean);
            double fitted = numbers(t, "\\n\\s+" + names[k] + "\\s+" + NUM)[0];
            assertThat(Math.abs(fitted - mean)).as("%s: fitted mean %s, exact %s, posterior sd %s", names[k], fitted, mean, postSd)
                    .isLessThan(0.5 * postSd);
        }
        double single = numbers(t, "single Gaussian: final ELBO " + NUM)[0];
        double mixture = numbers(t, "mixture: final ELBO " + NUM)[0];
        assertThat(mixture).isGreaterThan(single);
    }

    /**
     * cavi-chain and svi-vs-cavi on {@code z1 ~ N(0,1)}, {@code z2 ~ N(z1,1)}, {@code x ~ N(z2,1)},
     * x = 3: exact posterior mean (x/3, 2x/3) = (1, 2), variances 2/3 (the inverse of the precision
     * [[2, -1], [-1, 2]]), log p(x) = log N(3; 0, 3); the mean-field fixed point has the exact means,
     * variances 1/2 (the inverse diagonal precisions) and ELBO {@code log p(x) - ½ log(4/3)}. SVI's
     * final iterate within 0.02 of the means and 3% of the sds.
     */
    @Test
    void chainDemosReportTheExactPosteriorAndTheMeanFieldFixedPoint() throws IOException {
        double logEvidence = -0.5 * Math.log(2 * Math.PI * 3) - 9.0 / 6;
        for (String demo : new String[] {"cavi-chain", "svi-vs-cavi"}) {
            String t = report(demo);
            double[] exact = numbers(t, "exact posterior mean \\(" + NUM + ", " + NUM + "\\), variances \\(" + NUM + ", " + NUM
                    + "\\), log p\\(x\\) = " + NUM);
            assertThat(exact).containsExactly(new double[] {1, 2, 2.0 / 3, 2.0 / 3, logEvidence}, offset(5e-7));
            double[] cavi = numbers(t, "CAVI: [0-9]+ sweeps, means \\(" + NUM + ", " + NUM + "\\), variances \\(" + NUM + ", " + NUM
                    + "\\), ELBO " + NUM);
            assertThat(cavi).containsExactly(new double[] {1, 2, 0.5, 0.5, logEvidence - 0.5 * Math.log(4.0 / 3)}, offset(5e-7));
        }
        double[] svi = numbers(report("svi-vs-cavi"), "means \\(" + NUM + ", " + NUM + "\\), sds \\(" + NUM + ", " + NUM + "\\)");
        assertThat(svi[0]).isCloseTo(1.0, offset(0.02));
        assertThat(svi[1]).isCloseTo(2.0, offset(0.02));
        assertThat(svi[2] / Math.sqrt(0.5)).isCloseTo(1.0, offset(0.03));
        assertThat(svi[3] / Math.sqrt(0.5)).isCloseTo(1.0, offset(0.03));
    }

    /**
     * gmm: 1500 points from weights (0.5, 0.3, 0.2) with known means and covariances; the components
     * the report lists (weight at least 1%) must be three, each matched to one true component with its
     * weight within 4 standard errors {@code √(w(1-w)/N)} of the true weight (plus the 0.01 the five
     * unused components may hold) and its mean within 4 standard errors {@code √(Σ_jj / (N w))} per
     * coordinate. Catches a mixture that merges or splits the clusters or reports the wrong weights.
     */
    @Test
    void gmmReportsThreeComponentsAtTheGeneratingWeightsAndMeans() throws IOException {
        String t = report("gmm");
        assertThat(t).contains("3 components hold >= 1% of the weight");
        double[] weights = {0.5, 0.3, 0.2};
        double[][] means = {{-4, 0}, {3, 3}, {2, -3}};
        double[][] variances = {{1.0, 1.0}, {0.6, 0.3}, {1.5, 0.5}};
        int n = 1500;
        Matcher m = Pattern.compile("component [0-9]+: weight " + NUM + ", mean \\(" + NUM + ", " + NUM + "\\)").matcher(t);
        boolean[] matched = new boolean[3];
        int listed = 0;
        while (m.find()) {
            listed++;
            double w = Double.parseDouble(m.group(1));
            double x = Double.parseDouble(m.group(2));
            double y = Double.parseDouble(m.group(3));
            int k = 0;
            for (int c = 1; c < 3; c++) {
                if (Math.hypot(x - means[c][0], y - means[c][1]) < Math.hypot(x - means[k][0], y - means[k][1])) {
                    k = c;
                }
            }
            assertThat(matched[k]).as("two listed components near true component %d", k).isFalse();
            matched[k] = true;
            double nk = n * weights[k];
            assertThat(Math.abs(w - weights[k])).as("weight of component near %d", k)
                    .isLessThan(4 * Math.sqrt(weights[k] * (1 - weights[k]) / n) + 0.01);
            assertThat(Math.abs(x - means[k][0])).isLessThan(4 * Math.sqrt(variances[k][0] / nk) + 5e-4);
            assertThat(Math.abs(y - means[k][1])).isLessThan(4 * Math.sqrt(variances[k][1] / nk) + 5e-4);
        }
        assertThat(listed).isEqualTo(3);
    }

    /**
     * vae on the bundled sample: 300 held-out digits; the held-out log-likelihood bound (IWAE, k = 100)
     * at least the ELBO for both models (it is a tighter bound; the 10-draw ELBO's noise on 300 digits
     * is far below the nats between them), both far above a fair coin per pixel (784 log 1/2) and the
     * 20-D model above the 2-D one (a 2-D code cannot hold a digit's details).
     */
    @Test
    void vaeReportsHeldOutBoundsInTheirOrder() throws IOException {
        String t = report("vae");
        assertThat(t).contains("1200 train, 300 held out");
        double[] elbo = numbers(t, "held-out ELBO per digit \\(10 draws\\): " + NUM + " \\(latent 20\\), " + NUM + " \\(latent 2\\)");
        double[] ll = numbers(t, "held-out log-likelihood per digit \\(IWAE bound, k = 100\\): " + NUM + " \\(latent 20\\), " + NUM
                + " \\(latent 2\\)");
        for (int m = 0; m < 2; m++) {
            assertThat(ll[m]).isGreaterThanOrEqualTo(elbo[m]).isLessThan(0.0);
            assertThat(elbo[m]).isGreaterThan(-784 * Math.log(2) / 2);
        }
        assertThat(ll[0]).isGreaterThan(ll[1]);
    }
}
