package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SignalToNoise;
import io.github.elbo4j.infer.StepListener;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adagrad;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.optim.Optimizer;
import io.github.elbo4j.optim.RmsProp;
import io.github.elbo4j.optim.Sgd;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs an SVI family's model with the command's guide, optimizer and stopping settings. */
final class SviFamilySupport {

    private SviFamilySupport() {
    }

    static AutoGuide guide(String name, java.util.OptionalInt rank) {
        return switch (name) {
            case "meanfield" -> AutoGuide.meanField();
            case "lowrank" -> rank.isPresent() ? AutoGuide.lowRank(rank.getAsInt()) : AutoGuide.lowRank();
            case "fullrank" -> AutoGuide.fullRank();
            case "laplace" -> AutoGuide.laplace();
            case "auto" -> AutoGuide.auto();
            case "map" -> AutoGuide.delta();
            default -> throw new BadInputException("--guide must be one of meanfield, lowrank, fullrank, laplace, auto, map; got '"
                    + name + "'");
        };
    }

    static Optimizer optimizer(String name, double learningRate) {
        return switch (name) {
            case "adam" -> Adam.lr(learningRate);
            case "sgd" -> Sgd.lr(learningRate);
            case "rmsprop" -> RmsProp.lr(learningRate);
            case "adagrad" -> Adagrad.lr(learningRate);
            default -> throw new BadInputException("--optimizer must be one of adam, sgd, rmsprop, adagrad; got '"
                    + name + "'");
        };
    }

    /**
     * Fits {@code model}: elbo4j's default method (deterministic VI for these families) unless
     * {@code --optimizer} or {@code --lr} asks for stochastic VI with that optimizer;
     * {@code --tolerance} sets Stan's relative-ELBO rule for stochastic VI (0: the whole budget);
     * {@code --method nuts} samples with NUTS instead ({@link NutsFamilySupport}); {@code --method pathfinder} or
     * {@code svgd} fits by those methods ({@link LogDensityMethods}).
     */
    static FitOutcome fit(String family, Model model, FitOptions o, StepListener progress, Map<String, String> labels,
                          Map<String, String> notes) {
        switch (o.method()) {
            case "batch" -> { }    // the option's default (lda's batch): ADVI for these families
            case NutsFamilySupport.METHOD -> {
                return NutsFamilySupport.fit(family, model, o, labels, notes);
            }
            case "pathfinder", "svgd" -> {
                Fit fit = LogDensityMethods.fit(o.method(), model, o);
                return FitOutcome.of(family, fit, FitOutcome.rows(fit, labels), notes, Map.of()).withLabelledReasons(labels);
            }
            default -> throw new BadInputException("--method for " + family + " must be nuts, pathfinder or svgd (or left out for ADVI), got '"
                    + o.method() + "'");
        }
        List<SignalToNoise> windows = new ArrayList<>();
        StepListener listener = new StepListener() {
            @Override
            public void onStep(long step, double elbo, double gradientNorm, long nanos) {
                progress.onStep(step, elbo, gradientNorm, nanos);
            }

            @Override
            public void onSignalToNoise(SignalToNoise snr) {
                windows.add(snr);
            }
        };
        Svi.Builder svi = Svi.builder(model).guide(guide(o.guide(), o.rank())).maxSteps(o.steps()).seed(o.seed()).listener(listener);
        if (o.optimizer().isPresent() || o.learningRate().isPresent()) {
            svi = svi.optimizer(optimizer(o.optimizer().orElse("adam"), o.learningRate().orElse(0.05)))
                    .signalToNoiseWindow(FitTables.SNR_WINDOW);
        }
        if (o.tolerance().isPresent()) {
            double t = o.tolerance().getAsDouble();
            svi = svi.convergence(t > 0 ? Convergence.relative(t) : Convergence.none());
        }
        Fit fit;
        try {
            fit = svi.build().run();
        } catch (IllegalArgumentException e) {
            if (o.guide().equals("lowrank") || o.guide().equals("laplace")) {
                // a rank outside [1, D - 1], or a Hessian that is not positive definite at the mode: the options or the data
                throw new BadInputException("--guide " + o.guide() + ": " + e.getMessage());
            }
            throw e;
        }
        Map<String, String> allNotes = new LinkedHashMap<>(notes);
        List<ReportTable> tables = FitTables.forFit(fit, "meanfield".equals(o.guide()), windows, labels, allNotes);
        return FitOutcome.of(family, fit, FitOutcome.rows(fit, labels), allNotes, Map.of()).withTables(tables).withLabelledReasons(labels);
    }

    /** {@code w[j]} is reported as the j-th feature column's name, {@code b} as {@code intercept}. */
    static Map<String, String> labels(List<String> features) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int j = 0; j < features.size(); j++) {
            labels.put(features.size() == 1 ? "w" : "w[" + j + "]", features.get(j));
        }
        labels.put("b", "intercept");
        return labels;
    }
}
