package io.github.elbo4j.infer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.elbo4j.infer.elbo.TraceEnumElbo;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.infer.guide.LatentLayout;
import io.github.elbo4j.infer.run.SviProgram;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.random.RandomStream;
import java.nio.file.Path;
import java.util.Optional;

/** Rebuilds saved fits with their model (and hand-written guide). */
final class SavedFits {

    private SavedFits() {
    }

    static Fit load(Path file, Model model, Model guide) {
        JsonNode root = FitJson.readTree(file);
        JsonNode post = root.path("posterior");
        String type = post.path("type").asText();
        Optional<SviState> state = root.has("state") ? Optional.of(PosteriorJson.readState(root.path("state"))) : Optional.empty();
        RandomStream rootStream = RandomStream.of(root.path("provenance").path("seed").asLong());
        // a fit whose ELBO summed out the discrete sites: its guide leaves them out, and its PSIS check sums them out again
        boolean enumerate = TraceEnumElbo.class.getSimpleName().equals(root.path("provenance").path("settings").path("estimator").asText());
        Posterior posterior = switch (type) {
            case "factors" -> FactorPosterior.fromJson(post.path("factors"));
            case "automatic" -> {
                AutoGuide auto = AutoGuide.named(post.path("guide").asText());
                SviProgram p = SviProgram.automatic(model, auto, LatentLayout::of, PosteriorJson.readPreconditioner(post.path("preconditioner")),
                        rootStream.split(-1), enumerate);
                yield GuidePosterior.of(p, PosteriorJson.readStore(post.path("parameters")));
            }
            case "guide" -> {
                if (guide == null) {
                    throw new IllegalArgumentException("fit file " + file + " was fitted with a hand-written guide: Fit.load(file, model, guide)");
                }
                SviProgram p = SviProgram.handWritten(model, guide, rootStream.split(-1), enumerate);
                yield GuidePosterior.of(p, PosteriorJson.readStore(post.path("parameters")));
            }
            case "draws" -> DrawsPosterior.of(LogDensity.of(model, rootStream.split(-1)), FitJson.tensor(post.path("points")),
                    post.path("origin").asText());
            default -> throw new IllegalArgumentException("fit file " + file + " has an unknown posterior type '" + type + "'");
        };
        return FitJson.fromTree(root, posterior, state);
    }
}
