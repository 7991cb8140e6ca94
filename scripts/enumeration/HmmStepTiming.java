import io.github.elbo4j.autodiff.*;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.distribution.discrete.Categorical;
import io.github.elbo4j.infer.elbo.*;
import io.github.elbo4j.model.*;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.Map;

/** Times one enumerated ELBO evaluation with its gradient for an HMM with T = 100, K = 5 (docs/enumeration.md), next to a plain-Java forward algorithm. Arguments: T (default 100), then "markov" to run the chain inside m.markov. */
public class HmmStepTiming {
    /** CPU time of this thread: on a shared machine wall time mostly measures the other processes. */
    static final java.lang.management.ThreadMXBean CPU = java.lang.management.ManagementFactory.getThreadMXBean();

    static double forward(double[] x, double[] mu, int K) {
        double[] a = new double[K];
        double lA = Math.log(1.0 / K);
        for (int k = 0; k < K; k++) a[k] = lA + ln(x[0], mu[k]);
        for (int t = 1; t < x.length; t++) {
            double[] nx = new double[K];
            for (int j = 0; j < K; j++) {
                double m = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < K; i++) m = Math.max(m, a[i] + lA);
                double s = 0;
                for (int i = 0; i < K; i++) s += Math.exp(a[i] + lA - m);
                nx[j] = m + Math.log(s) + ln(x[t], mu[j]);
            }
            a = nx;
        }
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) m = Math.max(m, v);
        double s = 0;
        for (double v : a) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    static double ln(double x, double m) {
        return -0.5 * (x - m) * (x - m) - 0.5 * Math.log(2 * Math.PI);
    }

    public static void main(String[] args) {
        int T = args.length > 0 ? Integer.parseInt(args[0]) : 100, K = 5;
        boolean markov = args.length > 1 && args[1].equals("markov");
        double[] x = Normal.of(0, 2).sample(RandomStream.of(1), T).toArray();
        double[] init = new double[K];
        java.util.Arrays.fill(init, 1.0 / K);
        double[] mu0 = new double[K];
        for (int k = 0; k < K; k++) mu0[k] = -2 + k;
        long best = Long.MAX_VALUE;
        double[] times = new double[300];
        for (int rep = 0; rep < 400; rep++) {
            Tape tape = new Tape();
            Var mu = tape.variable(Tensor.of(mu0));
            Var logits = tape.variable(Tensor.zeros(K, K));
            Model hmm = m -> {
                Var[] z = new Var[1];
                java.util.function.IntConsumer step = t -> {
                    Categorical d = t == 0 ? Categorical.ofProbs(init) : Categorical.ofLogits(logits.take(0, z[0].value()));
                    z[0] = m.sample("z" + t, d);
                    m.observe("x" + t, Normal.of(mu.take(0, z[0].value()), 1.0), Tensor.scalar(x[t]));
                };
                if (markov) {
                    m.markov(T, step);
                } else {
                    for (int t = 0; t < T; t++) {
                        step.accept(t);
                    }
                }
            };
            long t0 = CPU.getCurrentThreadCpuTime();
            ElboInputs in = new ElboInputs(hmm, m -> { }, new SubstituteHandler(Map.of()), RandomStream.of(0), 1, 0);
            ElboStep s = new TraceEnumElbo().estimate(in);
            Gradients g = tape.gradient(s.loss(), mu, logits);
            long dt = CPU.getCurrentThreadCpuTime() - t0;
            if (rep >= 100) times[rep - 100] = dt / 1e6;
            if (rep == 0) System.out.println("log p(x) = " + s.elbo());
        }
        double[] ftimes = new double[300];
        double sink = 0;
        for (int rep = 0; rep < 400; rep++) {
            long t0 = CPU.getCurrentThreadCpuTime();
            sink += forward(x, mu0, K);
            long dt = CPU.getCurrentThreadCpuTime() - t0;
            if (rep >= 100) ftimes[rep - 100] = dt / 1e6;
        }
        java.util.Arrays.sort(ftimes);
        System.out.printf("plain-Java forward algorithm (value only, thread CPU time): median %.4f ms (sink %s)%n", ftimes[150], sink);
        java.util.Arrays.sort(times);
        System.out.printf((markov ? "markov, " : "one axis per step, ") + "T=%d K=%d: ELBO + gradient per step (thread CPU time): median %.2f ms, 10%% %.2f ms, 90%% %.2f ms (300 reps after 100 warm-up)%n",
                T, K, times[150], times[30], times[270]);
    }
}
