package io.github.elbo4j.gp;

import io.github.elbo4j.math.LogSpace;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.LinearAlgebra;
import io.github.elbo4j.tensor.Tensor;
import java.util.function.ToDoubleFunction;

/**
 * The long-run reference for non-Gaussian GP likelihoods: elliptical slice sampling (Murray, Adams
 * &amp; MacKay, "Elliptical slice sampling", AISTATS 2010, Fig. 2) of the exact posterior
 * {@code p(f | y) ∝ N(f | 0, K) Π p(y_i | f_i)} at the training inputs, then the exact predictive
 * {@code p(y* | y) = E_{f|y} ∫ p(y* | f*) N(f* | K*ᵀK⁻¹f, k** - K*ᵀK⁻¹K*) df*}, averaged over the
 * draws in probability space. No variational approximation and no tuning: the sampler leaves the
 * exact posterior invariant, so with enough draws it is the reference the SVGP is compared with.
 */
final class EllipticalSlice {

    private EllipticalSlice() {
    }

    /**
     * {@code draws} posterior draws of {@code f} (rows), keeping every {@code thin}-th after
     * {@code burnIn} iterations.
     */
    static double[][] sample(Tensor k, ToDoubleFunction<double[]> logLikelihood, int burnIn, int draws, int thin,
            long seed) {
        int n = k.dim(0);
        double[] l = LinearAlgebra.cholesky(k.add(Tensor.eye(n).mul(1e-10))).toArray();
        RandomStream rng = RandomStream.of(seed);
        double[] f = new double[n];
        double ll = logLikelihood.applyAsDouble(f);
        double[][] out = new double[draws][];
        double[] eps = new double[n];
        double[] nu = new double[n];
        double[] proposal = new double[n];
        for (int it = 0, kept = 0; kept < draws; it++) {
            rng.fillGaussian(eps);
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int j = 0; j <= i; j++) {
                    s += l[i * n + j] * eps[j];
                }
                nu[i] = s;
            }
            double threshold = ll + Math.log(rng.nextDouble());
            double theta = 2 * Math.PI * rng.nextDouble();
            double lo = theta - 2 * Math.PI;
            double hi = theta;
            while (true) {
                for (int i = 0; i < n; i++) {
                    proposal[i] = f[i] * Math.cos(theta) + nu[i] * Math.sin(theta);
                }
                double lp = logLikelihood.applyAsDouble(proposal);
                if (lp > threshold) {
                    System.arraycopy(proposal, 0, f, 0, n);
                    ll = lp;
                    break;
                }
                if (theta < 0) {
                    lo = theta;
                } else {
                    hi = theta;
                }
                theta = lo + (hi - lo) * rng.nextDouble();
            }
            if (it >= burnIn && (it - burnIn) % thin == 0) {
                out[kept++] = f.clone();
            }
        }
        return out;
    }

    /**
     * The mean held-out log predictive density {@code (1/n*) Σ_j log((1/S) Σ_s p(y*_j | f_s))}, with
     * {@code p(y*_j | f_s)} the likelihood integrated over the conditional {@code f*_j | f_s}
     * ({@code likelihood.logPredictiveDensity} at the conditional mean and variance).
     */
    static double heldOutLogPredictiveDensity(Kernel kernel, Likelihood likelihood, Tensor x, double[][] draws,
            Tensor xs, Tensor ys) {
        int n = x.dim(0);
        Tensor l = LinearAlgebra.cholesky(kernel.matrix(x, x).add(Tensor.eye(n).mul(1e-10)));
        Tensor ks = kernel.matrix(x, xs);
        Tensor a = LinearAlgebra.choleskySolve(l, ks); // K⁻¹K*, [n, n*]
        Tensor v = LinearAlgebra.triangularSolve(l, ks, true, false);
        Tensor var = kernel.diagonal(xs).sub(v.square().sum(0));
        int ns = xs.dim(0);
        double[][] logP = new double[ns][draws.length];
        for (int s = 0; s < draws.length; s++) {
            Tensor mean = a.transpose().matmul(Tensor.of(draws[s]));
            double[] lp = likelihood.logPredictiveDensity(mean, var, ys).toArray();
            for (int j = 0; j < ns; j++) {
                logP[j][s] = lp[j];
            }
        }
        double total = 0;
        for (int j = 0; j < ns; j++) {
            total += LogSpace.logSumExp(logP[j]) - Math.log(draws.length);
        }
        return total / ns;
    }
}
