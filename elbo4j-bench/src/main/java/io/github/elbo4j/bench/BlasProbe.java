package io.github.elbo4j.bench;

import dev.ludovic.netlib.blas.BLAS;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Prints, as one JSON line, which BLAS {@code dev.ludovic.netlib} loads in this JVM: the
 * implementation class ({@code JNIBLAS} = native through JNI, {@code VectorBLAS} = Java Vector API,
 * {@code Java11BLAS}/{@code Java8BLAS} = plain Java) and, for the native one, the shared libraries
 * actually mapped into the process (from {@code /proc/self/maps}), which tells OpenBLAS from the
 * reference BLAS behind {@code libblas.so.3}; and how long the first {@code BLAS.getInstance()}
 * took (choosing and loading the implementation, including the start of {@code java.util.logging}
 * for netlib's warnings), a part of every first call. {@code bench/core.sh} runs it with the
 * benchmarks' JVM flags so that the report names the BLAS that was measured.
 */
public final class BlasProbe {

    private BlasProbe() {
    }

    /** Prints the JSON line; takes no arguments. */
    public static void main(String[] args) throws IOException {
        long start = System.nanoTime();
        String implementation = BLAS.getInstance().getClass().getName();
        long initNanos = System.nanoTime() - start;
        List<String> fields = new ArrayList<>();
        fields.add(field("blas", implementation));
        fields.add("\"first_get_instance_ms\":" + initNanos / 1_000_000);
        fields.add(field("java_version", System.getProperty("java.version")));
        fields.add(field("vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version")));
        fields.add("\"jvm_args\":" + array(ManagementFactory.getRuntimeMXBean().getInputArguments()));
        fields.add("\"available_processors\":" + Runtime.getRuntime().availableProcessors());
        fields.add(field("max_heap_mib", Long.toString(Runtime.getRuntime().maxMemory() >> 20)));
        fields.add("\"native_libraries\":" + array(mappedBlasLibraries()));
        System.out.println("{" + String.join(",", fields) + "}");
    }

    /** Shared objects in this process whose path mentions BLAS, LAPACK or netlib. */
    private static List<String> mappedBlasLibraries() throws IOException {
        Path maps = Path.of("/proc/self/maps");
        TreeSet<String> libs = new TreeSet<>();
        if (!Files.isReadable(maps)) {
            return List.of();
        }
        for (String line : Files.readAllLines(maps)) {
            int slash = line.indexOf('/');
            if (slash < 0) {
                continue;
            }
            String path = line.substring(slash);
            String lower = path.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("blas") || lower.contains("lapack") || lower.contains("netlib")) {
                libs.add(path);
            }
        }
        return new ArrayList<>(libs);
    }

    private static String field(String name, String value) {
        return "\"" + name + "\":" + quote(value);
    }

    private static String array(List<String> values) {
        List<String> quoted = new ArrayList<>();
        for (String v : values) {
            quoted.add(quote(v));
        }
        return "[" + String.join(",", quoted) + "]";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
