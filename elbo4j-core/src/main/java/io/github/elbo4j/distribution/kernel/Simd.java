package io.github.elbo4j.distribution.kernel;

/**
 * Whether the fused density kernels may use the incubating Vector API ({@code jdk.incubator.vector},
 * JDK 16+), whose {@code EXP} and {@code LOG} lane operations HotSpot compiles to SIMD code
 * (Intel's SVML on x86). The JDK leaves the module out unless the JVM is started with
 * {@code --add-modules jdk.incubator.vector}; without it every kernel runs its scalar loop, with the
 * same results up to the last bits of {@code exp}/{@code log} (both are within 1 ulp). The system
 * property {@code elbo4j.simd=false} turns the vector loops off even when the module is there.
 * Read once; the classes that use the module are loaded only when this says so.
 */
public final class Simd {

    /** True when the vector loops run. */
    public static final boolean ENABLED = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
            && !"false".equals(System.getProperty("elbo4j.simd"));

    private Simd() {
    }
}
