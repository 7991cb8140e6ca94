package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteSummary;
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

    static AutoGuide guide(String name) {
        return switch (name) {
            case "meanfield" -> AutoGuide.meanField();
            case "fullrank" -> AutoGuide.fullRank();
            case "map" -> AutoGuide.delta();
            default -> throw new BadInputException("--guide must be one of meanfield, fullrank, map; got '" + name + "'");
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

    static FitOutcome fit(String family, Model model, FitOptions o, StepListener progress) {
        Svi svi = Svi.of(model).guide(guide(o.guide())).optimizer(optimizer(o.optimizer(), o.learningRate()))
                .maxSteps(o.steps()).seed(o.seed()).listener(progress);
        if (o.tolerance() > 0) {
            svi = svi.convergence(Convergence.relative(o.tolerance()));
        }
        Fit fit = svi.run();
        List<FitOutcome.SummaryRow> rows = new ArrayList<>();
        for (SiteSummary s : fit.summary()) {
            rows.add(new FitOutcome.SummaryRow(s.name(), s.mean(), s.sd(), s.q05(), s.q50(), s.q95()));
        }
        Map<String, String> notes = new LinkedHashMap<>();
        notes.put("steps", Long.toString(fit.steps()));
        notes.put("final ELBO (mean of last 100 steps)", String.format(java.util.Locale.ROOT, "%.4f", fit.finalElbo()));
        return new FitOutcome(family, "SVI, " + o.guide() + " guide, " + o.optimizer() + "(" + o.learningRate() + "), seed "
                + o.seed(),
                rows, fit.elboTrace().values(), fit.converged(), notes);
    }
}
