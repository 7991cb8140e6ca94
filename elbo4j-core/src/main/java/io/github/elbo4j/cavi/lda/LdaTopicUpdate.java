package io.github.elbo4j.cavi.lda;

import io.github.elbo4j.parallel.ParallelChunks;
import io.github.elbo4j.parallel.WorkerPool;

/**
 * The M-step: updates of the topics' variational Dirichlet parameters λ and of
 * {@code β̃_kw = exp(E[log β_kw])}, all term-major ({@code a[w * K + k]} for topic k, term w).
 * With {@code S_kw = Σ_d θ̃_dk n_dw / Z_dw} from {@link LdaEStep}, the expected counts are
 * {@code Σ_d n_dw φ_dwk = β̃_kw S_kw}.
 */
final class LdaTopicUpdate {

    /** Terms per parallel task; fixed, so the split (and the order of the sums) never depends on threads. */
    private static final int TERMS_PER_TASK = 128;

    private LdaTopicUpdate() {
    }

    /**
     * Batch update (Blei, Ng and Jordan, JMLR 3, 2003, eq. 10 with the smoothed topics of
     * section 5.4; Hoffman, Blei and Bach, NeurIPS 2010, algorithm 1):
     * {@code λ_kw = η + β̃_kw S_kw}. Writes {@code lambda}; reads the other arrays.
     */
    static void batch(double[] lambda, double[] expElogBeta, double[] statistics, double eta) {
        for (int i = 0; i < lambda.length; i++) {
            lambda[i] = eta + expElogBeta[i] * statistics[i];
        }
    }

    /**
     * Online update (Hoffman, Blei and Bach, NeurIPS 2010, algorithm 2):
     * {@code λ_kw ← (1 − ρ) λ_kw + ρ (η + (D/|B|) β̃_kw S_kw)}, where {@code scale = D/|B|}
     * makes the minibatch's expected counts an unbiased estimate of the whole corpus's. Writes
     * {@code lambda}, resets {@code statistics} to 0 for the next minibatch, and writes the new
     * topic totals {@code totals[k] = Σ_w λ_kw} (partial sums over fixed blocks of terms, added in
     * block order); reads {@code expElogBeta}, and only where {@code S_kw ≠ 0}, so it need only
     * be current for the minibatch's terms.
     */
    static void online(double[] lambda, double[] expElogBeta, double[] statistics, double eta, double rho,
                       double scale, double[] totals, WorkerPool workers) {
        int topics = totals.length;
        int terms = lambda.length / topics;
        double keep = 1 - rho;
        double prior = rho * eta;
        double step = rho * scale;
        ParallelChunks blocks = ParallelChunks.of(terms, TERMS_PER_TASK);
        int tasks = blocks.chunkCount();
        double[] partial = new double[tasks * topics];
        blocks.forEach(workers, (task, first, last, worker) -> {
            int p = task * topics;
            for (int w = first; w < last; w++) {
                int i = w * topics;
                for (int k = 0; k < topics; k++) {
                    double s = statistics[i + k];
                    double l = keep * lambda[i + k] + prior;
                    if (s != 0) {
                        l += step * expElogBeta[i + k] * s;
                        statistics[i + k] = 0;
                    }
                    lambda[i + k] = l;
                    partial[p + k] += l;
                }
            }
        });
        java.util.Arrays.fill(totals, 0);
        for (int task = 0; task < tasks; task++) {
            for (int k = 0; k < topics; k++) {
                totals[k] += partial[task * topics + k];
            }
        }
    }

    /**
     * {@code out[w K + k] = exp(ψ(λ_kw) − ψ(Σ_v λ_kv))} for every term (Blei, Ng and Jordan,
     * JMLR 3, 2003, appendix A.1). The totals are summed over terms in order; the exponentials
     * run in fixed blocks of terms on the workers. Writes {@code out}, which must not be
     * {@code lambda}.
     */
    static void expectedLog(double[] lambda, int topics, double[] out, WorkerPool workers) {
        int terms = lambda.length / topics;
        double[] totals = new double[topics];
        for (int w = 0; w < terms; w++) {
            for (int k = 0; k < topics; k++) {
                totals[k] += lambda[w * topics + k];
            }
        }
        expectedLog(lambda, totals, null, terms, out, workers);
    }

    /**
     * As {@link #expectedLog(double[], int, double[], WorkerPool)} for the terms
     * {@code termList[0..count)} only (all terms {@code 0..count) when {@code termList} is null),
     * given the topic totals {@code Σ_w λ_kw}. The other rows of {@code out} are left as they
     * were: the online E-step reads only its minibatch's terms.
     */
    static void expectedLog(double[] lambda, double[] totals, int[] termList, int count, double[] out,
                            WorkerPool workers) {
        int topics = totals.length;
        double[] psiTotals = new double[topics];
        for (int k = 0; k < topics; k++) {
            psiTotals[k] = LdaDirichletExpectation.digamma(totals[k]);
        }
        ParallelChunks.of(count, TERMS_PER_TASK).forEach(workers, (task, first, last, worker) -> {
            for (int n = first; n < last; n++) {
                int w = termList == null ? n : termList[n];
                for (int k = 0; k < topics; k++) {
                    int i = w * topics + k;
                    out[i] = LdaDirichletExpectation.expDigammaMinus(lambda[i], psiTotals[k]);
                }
            }
        });
    }
}
