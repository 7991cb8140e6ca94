package io.github.elbo4j.bench;

import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code Tensor.matmul} of two {@code n × n} float64 matrices timed the way
 * {@code elbo4j-bench/peers/numpy_matmul.py} times numpy's {@code a @ b}: two warm-up products,
 * then products until at least 7 and 2 seconds, median time, GFLOP/s {@code = 2n³ / time}. JMH's
 * numbers ({@code bench/core.sh}, {@link MatmulBenchmark}) are the reference; this is the row of
 * {@code bench/compare}. Usage: {@code MatmulComparison [n ...]} (default 512 1024).
 */
public final class MatmulComparison {

    private static final int MIN_REPEATS = 7;
    private static final double MIN_SECONDS = 2.0;

    private MatmulComparison() {
    }

    /** Median seconds of one product at order {@code n}, after two warm-up products. */
    static double medianSeconds(int n, int minRepeats, double minSeconds) {
        Tensor a = RandomInputs.tensor(42, n, n);
        Tensor b = RandomInputs.tensor(43, n, n);
        double check = a.matmul(b).get(0, 0) + a.matmul(b).get(0, 0);
        List<Double> times = new ArrayList<>();
        long start = System.nanoTime();
        while (times.size() < minRepeats || (System.nanoTime() - start) / 1e9 < minSeconds) {
            long t0 = System.nanoTime();
            check += a.matmul(b).get(0, 0);
            times.add((System.nanoTime() - t0) / 1e9);
        }
        if (!Double.isFinite(check)) {
            throw new IllegalStateException("matmul produced " + check);
        }
        return PeerFormat.median(times.stream().mapToDouble(Double::doubleValue).toArray());
    }

    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {512, 1024} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        List<Map<String, Object>> summary = new ArrayList<>();
        for (int n : sizes) {
            double s = medianSeconds(n, MIN_REPEATS, MIN_SECONDS);
            Map<String, Object> quality = new LinkedHashMap<>();
            quality.put("gflops", 2.0 * n * n * (double) n / s / 1e9);
            summary.add(PeerFormat.variant("n=" + n, "n=" + n, s, 1, Double.NaN, quality));
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("blas", dev.ludovic.netlib.blas.BLAS.getInstance().getClass().getName());
        System.out.println(PeerFormat.line("matmul_float64", "uniform(0,1) n x n matrices", 2, summary, details));
    }
}
