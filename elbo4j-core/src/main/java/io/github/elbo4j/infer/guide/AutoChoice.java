package io.github.elbo4j.infer.guide;

import io.github.elbo4j.model.Model;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The automatic choice of a guide ({@link AutoGuide#auto()}): not a guide itself but the list of
 * families {@code Svi.run} tries in order of cost, mean field, low rank, full rank, then a flow,
 * stopping at the first whose PSIS check passes (Yao, Vehtari, Simpson &amp; Gelman, ICML 2018, on
 * {@code k̂} as the test of a VI fit; Vehtari et al., JMLR 25(72), 2024, for the threshold 0.7).
 * Families that add nothing for the dimension are left out: low rank below 3 unconstrained latents
 * (at {@code D = 2} its rank-1 part already spans the full covariance) and full rank at {@code D = 1}.
 */
public record AutoChoice() implements AutoGuide {

    /** The families to try for {@code dimension} unconstrained latents, in order. */
    public List<AutoGuide> candidates(int dimension) {
        List<AutoGuide> out = new ArrayList<>();
        out.add(AutoGuide.meanField());
        if (dimension >= 3) {
            out.add(AutoGuide.lowRank());
        }
        if (dimension >= 2) {
            out.add(AutoGuide.fullRank());
        }
        out.add(AutoGuide.flow());
        return out;
    }

    @Override
    public Model guideFor(LatentLayout layout, Preconditioner preconditioner) {
        throw notAGuide();
    }

    @Override
    public GaussianMoments moments(Map<String, Tensor> parameters, Preconditioner preconditioner) {
        throw notAGuide();
    }

    @Override
    public Preconditioner preconditioner(Tensor mode, Tensor precisionCholesky) {
        throw notAGuide();
    }

    @Override
    public String familyName() {
        return "auto";
    }

    private static UnsupportedOperationException notAGuide() {
        return new UnsupportedOperationException("AutoGuide.auto() is a choice among guides that Svi.run makes; it has no guide "
                + "program of its own");
    }
}
