package io.github.elbo4j.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one-line JSON result format of the peers' scripts ({@code ../shared/peers/README.md}):
 * {@code peer}, {@code peer_version}, {@code task}, {@code threads} and a {@code summary} list with
 * one entry per variant ({@code variant}, {@code wall_s}, {@code iters}, {@code per_iter_ms},
 * {@code final_elbo}, {@code quality}). elbo4j's side of {@code bench/compare} prints the same, and
 * adds {@code pair} to each variant: text that names the peer variant it is to be compared with
 * (read by {@link CompareReport}).
 */
final class PeerFormat {

    private PeerFormat() {
    }

    /** One summary entry; {@code finalElbo} may be NaN (no ELBO for the task). */
    static Map<String, Object> variant(String variant, String pair, double wallSeconds, long iterations, double finalElbo,
                                       Map<String, Object> quality) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("variant", variant);
        v.put("pair", pair);
        v.put("wall_s", wallSeconds);
        v.put("iters", iterations);
        v.put("per_iter_ms", 1000 * wallSeconds / iterations);
        v.put("final_elbo", Double.isFinite(finalElbo) ? finalElbo : null);
        v.put("quality", quality);
        return v;
    }

    /** The whole line for elbo4j on {@code task}. */
    static String line(String task, String dataset, int threads, List<Map<String, Object>> summary,
                       Map<String, Object> details) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("peer", "elbo4j");
        out.put("peer_version", "elbo4j on Java " + Runtime.version());
        out.put("task", task);
        out.put("dataset", dataset);
        out.put("threads", threads);
        out.put("summary", summary);
        out.putAll(details);
        try {
            return new ObjectMapper().writeValueAsString(out);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the result maps hold only numbers, strings, lists and maps", e);
        }
    }

    /** A result and the median wall time, in seconds, of the timed runs that produced it. */
    record Timed<T>(T result, double medianSeconds) {
    }

    /** Runs {@code fit} once untimed (JIT warm-up), then {@code repeats} times timed; keeps the last result. */
    static <T> Timed<T> timed(java.util.function.Supplier<T> fit, int repeats) {
        fit.get();
        double[] walls = new double[repeats];
        T result = null;
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            result = fit.get();
            walls[i] = (System.nanoTime() - t0) / 1e9;
        }
        return new Timed<>(result, median(walls));
    }

    /** The median of {@code values} (upper median for an even count). */
    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
