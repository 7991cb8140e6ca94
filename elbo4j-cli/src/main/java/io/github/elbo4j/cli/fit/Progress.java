package io.github.elbo4j.cli.fit;

import io.github.elbo4j.infer.StepListener;
import java.io.PrintWriter;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a fit's progress: a live bar with the ELBO, rate and ETA on a terminal; a plain line
 * every tenth of the budget otherwise (CI logs); nothing when quiet.
 */
public final class Progress implements StepListener, AutoCloseable {

    private final ProgressBar bar;
    private final PrintWriter lines;
    private final long total;

    private Progress(ProgressBar bar, PrintWriter lines, long total) {
        this.bar = bar;
        this.lines = lines;
        this.total = total;
    }

    public static Progress of(long total, boolean quiet, PrintWriter err) {
        if (quiet) {
            return new Progress(null, null, total);
        }
        if (System.console() != null) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName("fit").setInitialMax(total)
                    .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).build();
            return new Progress(bar, null, total);
        }
        return new Progress(null, err, total);
    }

    @Override
    public void onStep(long step, double elbo, double gradientNorm, long nanos) {
        if (bar != null) {
            bar.stepTo(step + 1);
            if (Double.isFinite(elbo)) {
                bar.setExtraMessage(String.format(Locale.ROOT, "ELBO %.2f", elbo));
            }
        } else if (lines != null && (step + 1) % Math.max(1, total / 10) == 0) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "step %d/%d", step + 1, total));
            if (Double.isFinite(elbo)) {
                line.append(String.format(Locale.ROOT, "  ELBO %.4f", elbo));
            }
            if (Double.isFinite(gradientNorm)) {
                line.append(String.format(Locale.ROOT, "  |grad| %.3g", gradientNorm));
            }
            lines.println(line);
            lines.flush();
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
