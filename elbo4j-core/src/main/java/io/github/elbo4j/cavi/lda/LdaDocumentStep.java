package io.github.elbo4j.cavi.lda;

/**
 * The E-step of one document (Blei, Ng and Jordan, JMLR 3, 2003, section 5.2, eqs. 6–7, in the
 * form of Hoffman, Blei and Bach, NeurIPS 2010, algorithm 1): with
 * {@code θ̃_k = exp(E[log θ_dk])} and {@code β̃_kw = exp(E[log β_kw])}, the optimal
 * {@code φ_dwk = θ̃_k β̃_kw / Z_w} with {@code Z_w = Σ_k θ̃_k β̃_kw} is never stored; each
 * iteration sets
 * <pre>
 *   γ_dk = α + θ̃_k Σ_w (n_dw / Z_w) β̃_kw        (= α + Σ_w n_dw φ_dwk)
 * </pre>
 * and recomputes θ̃ from γ_d, until the mean absolute change of γ_d is below the tolerance or
 * the iteration budget is spent. Both updates are exact coordinate maximizations of the bound,
 * so every iteration leaves it no lower.
 *
 * <p>Afterwards, with θ̃ of the final γ_d: {@code r_w = n_dw / Z_w} (the M-step's sufficient
 * statistics are {@code β̃_kw Σ_d θ̃_dk r_dw}) and the data term of the bound,
 * {@code Σ_w n_dw log Z_w = Σ_w n_dw log Σ_k exp(E[log θ_dk] + E[log β_kw])}.
 *
 * <p>Scratch space of one worker: not thread-safe, no allocation per document once grown.
 */
final class LdaDocumentStep {

    private final int topics;
    private final double alpha;
    private final double tolerance;
    private final double[] expTheta;
    private final double[] sums;
    private double[] rows;      // rows[j K + k] = β̃_k,w_j   (term-major: axpy over k)
    private double[] columns;   // columns[k n + j] = β̃_k,w_j (topic-major: axpy over j)
    private double[] normalizers;
    private double dataTerm;

    LdaDocumentStep(int topics, double alpha, double tolerance) {
        this.topics = topics;
        this.alpha = alpha;
        this.tolerance = tolerance;
        this.expTheta = new double[topics];
        this.sums = new double[topics];
        this.rows = new double[0];
        this.columns = new double[0];
        this.normalizers = new double[0];
    }

    /**
     * Runs the iterations for document {@code d}. Reads {@code expElogBeta} (term-major
     * {@code [V][K]}); {@code gamma[gammaOff..+K)} holds the start and receives the result;
     * writes {@code exp(E[log θ_dk])} of the result to {@code expThetaOut[expThetaOff..+K)} and,
     * when {@code ratio} is not null, {@code n_dw / Z_w} to {@code ratio[ratioOff..+terms)}.
     * The data term is then {@link #dataTerm()} when {@code withDataTerm}.
     *
     * <p>The document's rows of β̃ are copied twice, term-major and topic-major, so that both
     * sums of an iteration are loops of independent multiply-adds over contiguous memory (which
     * the JIT turns into vector instructions): {@code Z_j += θ̃_k β̃_k,w_j} over j for each k,
     * then {@code s_k += (n_j / Z_j) β̃_k,w_j} over k for each j. Each sum runs in a fixed order.
     *
     * @return the number of iterations run (0 when {@code maxIterations} is 0: evaluation only)
     */
    int run(DocumentTermMatrix corpus, int d, double[] expElogBeta, int maxIterations, double[] gamma, int gammaOff,
            double[] expThetaOut, int expThetaOff, double[] ratio, int ratioOff, boolean withDataTerm) {
        final int k = topics;
        final int lo = corpus.offsets[d];
        final int n = corpus.offsets[d + 1] - lo;
        final int[] ids = corpus.termIds;
        final double[] counts = corpus.counts;
        if (rows.length < n * k) {
            rows = new double[Math.max(n * k, 2 * rows.length)];
            columns = new double[rows.length];
            normalizers = new double[rows.length / k];
        }
        final double[] b = rows;
        final double[] bt = columns;
        final double[] z = normalizers;
        for (int j = 0; j < n; j++) {
            int src = ids[lo + j] * k;
            for (int t = 0; t < k; t++) {
                double v = expElogBeta[src + t];
                b[j * k + t] = v;
                bt[t * n + j] = v;
            }
        }
        final double[] e = expTheta;
        final double[] s = sums;
        LdaDirichletExpectation.expExpectedLog(gamma, gammaOff, k, e, 0);
        int iterations = 0;
        while (iterations < maxIterations) {
            normalize(e, bt, z, n, k);
            for (int j = 0; j < n; j++) {
                z[j] = counts[lo + j] / z[j];
            }
            java.util.Arrays.fill(s, 0);
            for (int j = 0; j < n; j++) {
                double r = z[j];
                int base = j * k;
                for (int t = 0; t < k; t++) {
                    s[t] += r * b[base + t];
                }
            }
            double change = 0;
            for (int t = 0; t < k; t++) {
                double g = alpha + e[t] * s[t];
                change += Math.abs(g - gamma[gammaOff + t]);
                gamma[gammaOff + t] = g;
            }
            LdaDirichletExpectation.expExpectedLog(gamma, gammaOff, k, e, 0);
            iterations++;
            if (change / k < tolerance) {
                break;
            }
        }
        double data = 0;
        if (ratio != null || withDataTerm) {
            normalize(e, bt, z, n, k);
            for (int j = 0; j < n; j++) {
                if (ratio != null) {
                    ratio[ratioOff + j] = counts[lo + j] / z[j];
                }
                if (withDataTerm) {
                    data += counts[lo + j] * Math.log(z[j]);
                }
            }
        }
        dataTerm = data;
        System.arraycopy(e, 0, expThetaOut, expThetaOff, k);
        return iterations;
    }

    /** {@code z[j] = Σ_k e[k] bt[k n + j]} for {@code j < n}, k in order. Writes {@code z}. */
    private static void normalize(double[] e, double[] bt, double[] z, int n, int k) {
        double e0 = e[0];
        for (int j = 0; j < n; j++) {
            z[j] = e0 * bt[j];
        }
        for (int t = 1; t < k; t++) {
            double et = e[t];
            int base = t * n;
            for (int j = 0; j < n; j++) {
                z[j] += et * bt[base + j];
            }
        }
    }

    /** {@code Σ_w n_dw log Z_w} of the last {@link #run} (0 unless it asked for it). */
    double dataTerm() {
        return dataTerm;
    }
}
