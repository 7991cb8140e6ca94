package io.github.elbo4j.mcmc;

import io.github.elbo4j.random.RandomStream;

/**
 * One transition of the no-U-turn sampler (Hoffman &amp; Gelman 2014, "The No-U-Turn sampler",
 * JMLR 15, 1593-1623) in the form Stan uses (Betancourt 2017, "A conceptual introduction to
 * Hamiltonian Monte Carlo", arXiv:1701.02434, sections 4.3 and A.4):
 * <ul>
 * <li>draw {@code p ~ N(0, M)}; the trajectory doubles, each time in a random direction, by a
 * subtree of {@code 2^depth} leapfrog steps, until a U-turn, a divergence or {@code maxTreeDepth};</li>
 * <li>each state {@code z} weighs {@code w(z) = exp(H₀ - H(z))}, {@code H = -log π(q) + ½ pᵀM⁻¹p}; the
 * draw is multinomial over the trajectory: inside a subtree its two halves are merged with the
 * uniform rule (take the second half's pick with probability {@code W₂/(W₁+W₂)}), and a new subtree
 * replaces the running pick with the biased rule {@code min(1, W_new/W_old)} (biased progressive
 * sampling, which favours states far from the start);</li>
 * <li>the generalized no-U-turn criterion: a (sub)trajectory with momentum sum {@code ρ = Σ p} and end
 * velocities {@code p♯± = M⁻¹p±} continues while {@code p♯₋·ρ > 0} and {@code p♯₊·ρ > 0}; checked on
 * every merged subtree and, as Stan does since 2.21, also on each half extended by the first state of
 * the other half;</li>
 * <li>a state whose energy error {@code H - H₀} exceeds 1000 is a divergence: the subtree is
 * rejected and the trajectory stops.</li>
 * </ul>
 * The acceptance statistic for step-size adaptation is the mean of {@code min(1, exp(H₀ - H))} over
 * the trajectory's new states. Mutable, one chain's.
 */
final class NutsTransition {

    /** The energy error beyond which a state is a divergence (Stan's {@code max_deltaH}). */
    static final double MAX_ENERGY_ERROR = 1000;

    /** What one transition did. */
    record Result(int treeDepth, int leapfrogSteps, boolean divergent, double acceptStat, double energy) {
    }

    private final CountingDensity density;
    private final RandomStream rng;
    private final int dimension;
    private final int maxTreeDepth;
    private InverseMetric metric;
    private double stepSize;

    /** The integrator's current state while a tree is built. */
    private final PhasePoint z;
    private int leapfrogSteps;
    private double sumAcceptProb;
    private boolean divergent;

    NutsTransition(CountingDensity density, InverseMetric metric, int maxTreeDepth, RandomStream rng) {
        this.density = density;
        this.metric = metric;
        this.dimension = metric.dimension();
        this.maxTreeDepth = maxTreeDepth;
        this.rng = rng;
        this.z = new PhasePoint(dimension);
    }

    void setStepSize(double stepSize) {
        this.stepSize = stepSize;
    }

    double stepSize() {
        return stepSize;
    }

    void setMetric(InverseMetric metric) {
        this.metric = metric;
    }

    InverseMetric metric() {
        return metric;
    }

    /** {@code H(z) = -log π(q) + ½ pᵀ M⁻¹ p}, NaN read as +∞. */
    double hamiltonian(PhasePoint point, double[] scratch) {
        metric.velocity(point.p, scratch);
        double h = -point.logDensity + InverseMetric.kinetic(point.p, scratch);
        return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    /** One leapfrog step of size {@code epsilon} (negative: backward) of {@code point}, in place. */
    void leapfrog(PhasePoint point, double epsilon, double[] scratch) {
        double half = 0.5 * epsilon;
        for (int i = 0; i < dimension; i++) {
            point.p[i] += half * point.gradient[i];
        }
        metric.velocity(point.p, scratch);
        for (int i = 0; i < dimension; i++) {
            point.q[i] += epsilon * scratch[i];
        }
        density.evaluate(point);
        for (int i = 0; i < dimension; i++) {
            point.p[i] += half * point.gradient[i];
        }
    }

    /**
     * A NUTS transition from {@code start} (its {@code q}, log density and gradient; its momentum is
     * redrawn). Writes the selected state into {@code start}.
     */
    Result transition(PhasePoint start) {
        metric.drawMomentum(rng, start.p);
        z.copyFrom(start);
        double[] sharp = new double[dimension];
        double h0 = hamiltonian(z, sharp);

        PhasePoint forward = z.copy();
        PhasePoint backward = z.copy();
        PhasePoint sample = z.copy();
        PhasePoint propose = z.copy();
        double[] pFwdFwd = z.p.clone();
        double[] pFwdBck = z.p.clone();
        double[] pBckFwd = z.p.clone();
        double[] pBckBck = z.p.clone();
        double[] sharpFwdFwd = sharp.clone();
        double[] sharpFwdBck = sharp.clone();
        double[] sharpBckFwd = sharp.clone();
        double[] sharpBckBck = sharp.clone();
        double[] rho = z.p.clone();
        double logSumWeight = 0;   // log w(z0) = 0

        leapfrogSteps = 0;
        sumAcceptProb = 0;
        divergent = false;
        int depth = 0;
        while (depth < maxTreeDepth) {
            double[] rhoFwd = new double[dimension];
            double[] rhoBck = new double[dimension];
            double[] logSumWeightSubtree = {Double.NEGATIVE_INFINITY};
            boolean valid;
            if (rng.nextDouble() > 0.5) {             // extend forward
                z.copyFrom(forward);
                System.arraycopy(rho, 0, rhoBck, 0, dimension);
                System.arraycopy(pFwdBck, 0, pBckFwd, 0, dimension);
                System.arraycopy(sharpFwdBck, 0, sharpBckFwd, 0, dimension);
                valid = buildTree(depth, propose, sharpFwdBck, sharpFwdFwd, rhoFwd, pFwdBck, pFwdFwd, h0, 1, logSumWeightSubtree);
                forward.copyFrom(z);
            } else {                                  // extend backward
                z.copyFrom(backward);
                System.arraycopy(rho, 0, rhoFwd, 0, dimension);
                System.arraycopy(pBckFwd, 0, pFwdBck, 0, dimension);
                System.arraycopy(sharpBckFwd, 0, sharpFwdBck, 0, dimension);
                valid = buildTree(depth, propose, sharpBckFwd, sharpBckBck, rhoBck, pBckFwd, pBckBck, h0, -1, logSumWeightSubtree);
                backward.copyFrom(z);
            }
            if (!valid) {
                break;
            }
            depth++;
            if (logSumWeightSubtree[0] > logSumWeight) {
                sample.copyFrom(propose);
            } else if (rng.nextDouble() < Math.exp(logSumWeightSubtree[0] - logSumWeight)) {
                sample.copyFrom(propose);
            }
            logSumWeight = logSumExp(logSumWeight, logSumWeightSubtree[0]);
            for (int i = 0; i < dimension; i++) {
                rho[i] = rhoBck[i] + rhoFwd[i];
            }
            boolean persist = noUTurn(sharpBckBck, sharpFwdFwd, rho);
            double[] extended = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                extended[i] = rhoBck[i] + pFwdBck[i];
            }
            persist &= noUTurn(sharpBckBck, sharpFwdBck, extended);
            for (int i = 0; i < dimension; i++) {
                extended[i] = rhoFwd[i] + pBckFwd[i];
            }
            persist &= noUTurn(sharpBckFwd, sharpFwdFwd, extended);
            if (!persist) {
                break;
            }
        }
        start.copyFrom(sample);
        double energy = hamiltonian(sample, sharp);
        return new Result(depth, leapfrogSteps, divergent, leapfrogSteps == 0 ? 0 : sumAcceptProb / leapfrogSteps, energy);
    }

    /**
     * Builds a subtree of {@code 2^depth} leapfrog steps from the current state {@code z} in
     * direction {@code sign}; on return {@code z} is its last state, {@code propose} its multinomial
     * pick, {@code rho} has its momenta added, the {@code beg}/{@code end} arrays hold the momenta
     * and velocities of its first and last states, and {@code logSumWeight[0]} has its log weight
     * added. False if it diverged or made a U-turn inside.
     */
    private boolean buildTree(int depth, PhasePoint propose, double[] sharpBeg, double[] sharpEnd, double[] rho,
                              double[] pBeg, double[] pEnd, double h0, int sign, double[] logSumWeight) {
        if (depth == 0) {
            double[] sharp = new double[dimension];
            leapfrog(z, sign * stepSize, sharp);
            leapfrogSteps++;
            double h = hamiltonian(z, sharp);
            if (h - h0 > MAX_ENERGY_ERROR) {
                divergent = true;
            }
            logSumWeight[0] = logSumExp(logSumWeight[0], h0 - h);
            sumAcceptProb += h0 - h > 0 ? 1 : Math.exp(h0 - h);
            propose.copyFrom(z);
            System.arraycopy(sharp, 0, sharpBeg, 0, dimension);
            System.arraycopy(sharp, 0, sharpEnd, 0, dimension);
            for (int i = 0; i < dimension; i++) {
                rho[i] += z.p[i];
            }
            System.arraycopy(z.p, 0, pBeg, 0, dimension);
            System.arraycopy(z.p, 0, pEnd, 0, dimension);
            return !divergent;
        }
        double[] logSumWeightInit = {Double.NEGATIVE_INFINITY};
        double[] pInitEnd = new double[dimension];
        double[] sharpInitEnd = new double[dimension];
        double[] rhoInit = new double[dimension];
        if (!buildTree(depth - 1, propose, sharpBeg, sharpInitEnd, rhoInit, pBeg, pInitEnd, h0, sign, logSumWeightInit)) {
            return false;
        }
        PhasePoint proposeFinal = z.copy();
        double[] logSumWeightFinal = {Double.NEGATIVE_INFINITY};
        double[] pFinalBeg = new double[dimension];
        double[] sharpFinalBeg = new double[dimension];
        double[] rhoFinal = new double[dimension];
        if (!buildTree(depth - 1, proposeFinal, sharpFinalBeg, sharpEnd, rhoFinal, pFinalBeg, pEnd, h0, sign, logSumWeightFinal)) {
            return false;
        }
        double logSumWeightSubtree = logSumExp(logSumWeightInit[0], logSumWeightFinal[0]);
        logSumWeight[0] = logSumExp(logSumWeight[0], logSumWeightSubtree);
        if (logSumWeightFinal[0] > logSumWeightSubtree) {
            propose.copyFrom(proposeFinal);
        } else if (rng.nextDouble() < Math.exp(logSumWeightFinal[0] - logSumWeightSubtree)) {
            propose.copyFrom(proposeFinal);
        }
        double[] rhoSubtree = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            rhoSubtree[i] = rhoInit[i] + rhoFinal[i];
            rho[i] += rhoSubtree[i];
        }
        boolean persist = noUTurn(sharpBeg, sharpEnd, rhoSubtree);
        double[] extended = new double[dimension];
        for (int i = 0; i < dimension; i++) {
            extended[i] = rhoInit[i] + pFinalBeg[i];
        }
        persist &= noUTurn(sharpBeg, sharpFinalBeg, extended);
        for (int i = 0; i < dimension; i++) {
            extended[i] = rhoFinal[i] + pInitEnd[i];
        }
        persist &= noUTurn(sharpInitEnd, sharpEnd, extended);
        return persist;
    }

    /** The generalized no-U-turn criterion (Betancourt 2017, A.4.2): {@code p♯₋·ρ > 0 and p♯₊·ρ > 0}. */
    static boolean noUTurn(double[] sharpMinus, double[] sharpPlus, double[] rho) {
        double a = 0;
        double b = 0;
        for (int i = 0; i < rho.length; i++) {
            a += sharpPlus[i] * rho[i];
            b += sharpMinus[i] * rho[i];
        }
        return a > 0 && b > 0;
    }

    /** {@code log(e^a + e^b)}, stable, with {@code -∞} as the empty sum. */
    static double logSumExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log1p(Math.exp(-Math.abs(a - b)));
    }
}
