package io.github.elbo4j.model;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.Distribution;
import io.github.elbo4j.distribution.Unconstrained;
import io.github.elbo4j.transform.Bijector;
import io.github.elbo4j.transform.Bijectors;

/**
 * Gives latent sample sites (and plate subsamples) the values recorded in another trace, as a
 * model is replayed against its guide's draws. Sites absent from the trace run as usual.
 *
 * <p>A guide site drawn in unconstrained coordinates ({@link Unconstrained}) is mapped here, on
 * the model side, by {@code T = bijectTo(support)} of the model's distribution of this run (whose
 * bounds may be other latents), and {@code log |det ∂T/∂u|} joins the site's log-density.
 */
public final class ReplayHandler implements Handler {

    private final Trace guide;

    /** Replays the values of {@code trace}. */
    public ReplayHandler(Trace trace) {
        this.guide = trace;
    }

    @Override
    public void process(Message msg) {
        if ((msg.type() == SiteType.SAMPLE && !msg.isObserved()) || msg.type() == SiteType.PLATE) {
            guide.get(msg.name()).ifPresent(s -> {
                if (msg.type() == SiteType.SAMPLE && s.distribution().orElse(null) instanceof Unconstrained u) {
                    constrain(msg, s.value(), u.withJacobian());
                } else {
                    msg.setValue(s.value());
                }
            });
        }
    }

    private static void constrain(Message msg, Var u, boolean withJacobian) {
        Distribution d = msg.distribution().orElseThrow();
        Bijector t = Bijectors.bijectTo(d.support());
        Var z = t.forward(u);
        msg.setValue(z);
        if (withJacobian) {
            Var ladj = t.logAbsDetJacobian(u, z);
            int extra = ladj.value().rank() - (z.value().rank() - d.eventShape().length);
            for (int i = 0; i < extra; i++) {
                ladj = ladj.sum(-1);
            }
            msg.setLogJacobian(ladj);
        }
    }
}
