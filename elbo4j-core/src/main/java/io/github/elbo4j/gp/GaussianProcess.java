package io.github.elbo4j.gp;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.multivariate.MultivariateNormal;
import io.github.elbo4j.tensor.Tensor;

/**
 * A Gaussian process prior for the Model API: at finite inputs {@code x} ({@code [n, d]}) the
 * process {@code f ~ GP(0, k)} is the multivariate normal {@code f(x) ~ N(0, K + εI)},
 * {@code K_ij = k(x_i, x_j)} (Rasmussen &amp; Williams 2006, Definition 2.1), represented by its
 * Cholesky factor {@code L = chol(K + εI)}. Put it at a sample site like any distribution:
 * <pre>{@code
 * Var f = m.sample("f", GaussianProcess.prior(kernel, x));
 * m.observe("y", Normal.of(f, 0.3).toEvent(1), y); // y given f: one event of n values
 * }</pre>
 * The jitter {@code ε} (default {@code 1e-6}, GPflow's) keeps the factorization stable when inputs
 * nearly repeat; with hyperparameters as model parameters ({@link #prior(Kernel, Var, Tensor, double)}
 * with {@code m.param}) the prior is differentiable in them.
 */
public final class GaussianProcess {

    private GaussianProcess() {
    }

    /** {@code N(0, K + 1e-6 I)} at {@code x} with the kernel's own hyperparameters. */
    public static MultivariateNormal prior(Kernel kernel, Tensor x) {
        return prior(kernel, Var.constant(kernel.parameters()), x, 1e-6);
    }

    /**
     * {@code N(0, K + εI)} at {@code x}, {@code K} at the unconstrained hyperparameters {@code u}.
     *
     * @throws IllegalArgumentException if {@code x} does not fit the kernel, {@code jitter} is negative,
     *     or {@code K + εI} is not positive definite (naming the jitter)
     */
    public static MultivariateNormal prior(Kernel kernel, Var u, Tensor x, double jitter) {
        Var xs = Var.constant(x);
        Var l = Jitter.cholesky("GaussianProcess prior K", kernel.matrix(u, xs, xs),
                Jitter.check("GaussianProcess", jitter));
        return MultivariateNormal.ofScaleTril(Var.constant(Tensor.zeros(x.dim(0))), l);
    }
}
