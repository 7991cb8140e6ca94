package io.github.elbo4j.cli.demo;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.cli.report.ChartFiles;
import io.github.elbo4j.cli.report.Charts;
import io.github.elbo4j.cli.report.HtmlReport;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.flow.FlowLayer;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.knowm.xchart.XYChart;

/**
 * Normalizing-flow guides of increasing depth on a 2-D banana, {@code x1 ~ N(0, 1)},
 * {@code x2 ~ N(x1² - 1, 0.4²)} (normalized, so {@code -ELBO = KL(q ‖ p)}): rational-quadratic spline
 * coupling layers ({@link FlowLayer#splineCoupling()}), 1, 2, 4 and 8 of them, each guide fitted by
 * stochastic VI; a heat map of each fitted guide's draws beside the target's contours, and the
 * ELBO traces.
 */
public final class FlowsDemo implements Demo {

    static final double[] BOX = {-3.5, 3.5, -2.5, 6.0};
    static final double SCALE = 0.4;

    /** How long the fits run and how many draws each panel shows. */
    record Settings(int[] depths, int steps, int draws) {
    }

    private final Settings settings;

    /** The demo's settings: depths 1, 2, 4, 8; 1,500 steps; 40,000 draws per panel. */
    public FlowsDemo() {
        this(new Settings(new int[] {1, 2, 4, 8}, 1500, 40_000));
    }

    FlowsDemo(Settings settings) {
        this.settings = settings;
    }

    @Override
    public String name() {
        return "flows";
    }

    @Override
    public String summary() {
        return "spline-coupling flow guides of depth 1, 2, 4, 8 on a 2-D banana: their densities and ELBOs";
    }

    @Override
    public String mainPlot() {
        return "densities.png";
    }

    /** The banana as a model. */
    static final Model BANANA = m -> {
        Var x1 = m.sample("x1", Normal.of(0, 1));
        m.sample("x2", Normal.of(x1.square().sub(1.0), Var.constant(SCALE)));
    };

    /** {@code log p(x1, x2)} of the banana. */
    static double logTarget(double x1, double x2) {
        double z = (x2 - x1 * x1 + 1) / SCALE;
        return -Math.log(2 * Math.PI) - Math.log(SCALE) - 0.5 * x1 * x1 - 0.5 * z * z;
    }

    /** One fitted depth: the fit, its final ELBO estimate and its wall time. */
    record Result(int depth, Fit fit, double seconds) {
    }

    List<Result> fits(long seed) {
        List<Result> out = new ArrayList<>();
        for (int depth : settings.depths()) {
            long start = System.nanoTime();
            Fit fit = Svi.builder(BANANA).guide(AutoGuide.flow(FlowLayer.splineCoupling(), depth)).maxSteps(settings.steps()).seed(seed)
                    .build().run();
            out.add(new Result(depth, fit, (System.nanoTime() - start) / 1e9));
        }
        return out;
    }

    @Override
    public void run(DemoContext context) throws IOException {
        List<Result> results = fits(context.seed());
        List<DensityPanels.Panel> panels = new ArrayList<>();
        panels.add(new DensityPanels.Panel(null, null, "target: contours 1, 3, 6 nats down"));
        StringBuilder text = new StringBuilder("banana x1 ~ N(0, 1), x2 ~ N(x1² - 1, 0.4²); spline coupling layers (8 bins on [-5, 5])\n");
        text.append(" depth   ELBO (= -KL)   k-hat   verdict          seconds\n");
        List<List<String>> rows = new ArrayList<>();
        for (Result r : results) {
            Map<String, Tensor> draws = r.fit().posterior().sample(settings.draws(), RandomStream.of(context.seed()).split(r.depth()));
            panels.add(new DensityPanels.Panel(draws.get("x1").toArray(), draws.get("x2").toArray(),
                    r.depth() + (r.depth() == 1 ? " layer" : " layers")));
            double elbo = r.fit().posterior().elbo(BANANA, 20_000, RandomStream.of(context.seed()).split(100 + r.depth())).value();
            String k = r.fit().paretoK().isPresent() ? String.format(Locale.ROOT, "%.2f", r.fit().paretoK().getAsDouble()) : "-";
            text.append(String.format(Locale.ROOT, " %5d   %12.4f   %5s   %-15s  %6.1f%n", r.depth(), elbo, k, r.fit().verdict().level(), r.seconds()));
            rows.add(List.of(Integer.toString(r.depth()), String.format(Locale.ROOT, "%.4f", elbo), k, r.fit().verdict().level().toString(),
                    String.format(Locale.ROOT, "%.1f", r.seconds())));
        }
        context.out().print(text);
        byte[] densities = DensityPanels.save(DensityPanels.image(panels, BOX, FlowsDemo::logTarget), context.outDir(), "densities",
                "Flow guides of increasing depth on a banana");
        byte[] elbo = ChartFiles.save(elboChart(results), context.outDir(), "elbo");
        HtmlReport.titled("Normalizing flows of increasing depth")
                .paragraph("A Gaussian cannot bend around a banana; a normalizing flow pushes a Gaussian through invertible layers "
                        + "and keeps the density exact. Each guide here is a full-rank Gaussian through 1, 2, 4 or 8 rational-quadratic "
                        + "spline coupling layers (Durkan et al., NeurIPS 2019), fitted by stochastic VI. The target is normalized, "
                        + "so the ELBO is minus the KL divergence from the guide to the posterior: 0 is a perfect fit.")
                .table(List.of("layers", "ELBO (20,000 draws)", "k-hat", "verdict", "seconds"), rows)
                .figure(densities, "Draws of each fitted guide (heat map) and the target's contours (red)")
                .figure(elbo, "ELBO per step")
                .write(context.outDir().resolve("report.html"));
        context.out().println("wrote " + context.outDir().resolve("report.html"));
    }

    private static XYChart elboChart(List<Result> results) {
        XYChart chart = Charts.lines("ELBO per step (8 particles)", "step", "ELBO");
        double[][] traces = new double[results.size()][];
        for (int i = 0; i < results.size(); i++) {
            Result r = results.get(i);
            traces[i] = r.fit().elboTrace().values();
            double[] steps = new double[traces[i].length];
            for (int s = 0; s < steps.length; s++) {
                steps[s] = s;
            }
            Charts.line(chart, r.depth() + (r.depth() == 1 ? " layer" : " layers"), steps, traces[i]).setLineColor(Charts.PALETTE[i % Charts.PALETTE.length]);
        }
        Charts.elboRange(chart, traces);
        return chart;
    }
}
