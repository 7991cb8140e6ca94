package io.github.elbo4j.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.random.RandomStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParallelChunksTest {

    /**
     * A Monte Carlo estimate whose floating-point sum depends on the order of additions: per index,
     * a gaussian draw z and the terms z, z², exp(z) / (i + 1).
     */
    private static final ChunkFunction<double[]> NOISY_SUMS = (chunk, start, end, stream) -> {
        double[] partial = new double[3];
        for (int i = start; i < end; i++) {
            double z = stream.nextGaussian();
            partial[0] += z;
            partial[1] += z * z;
            partial[2] += Math.exp(z) / (i + 1);
        }
        return partial;
    };

    @Test
    void chunkBoundariesDependOnlyOnSizeAndChunkSize() {
        ParallelChunks plan = ParallelChunks.of(10, 3);
        assertThat(plan.chunkCount()).isEqualTo(4);
        assertThat(new int[] {plan.chunkStart(0), plan.chunkEnd(0)}).containsExactly(0, 3);
        assertThat(new int[] {plan.chunkStart(2), plan.chunkEnd(2)}).containsExactly(6, 9);
        assertThat(new int[] {plan.chunkStart(3), plan.chunkEnd(3)}).containsExactly(9, 10);
        assertThat(ParallelChunks.of(0, 5).chunkCount()).isZero();
        assertThat(ParallelChunks.of(12, 4).chunkCount()).isEqualTo(3);
    }

    @Test
    void chunksOfARangeNearTheLargestIntDoNotOverflow() {
        ParallelChunks plan = ParallelChunks.of(Integer.MAX_VALUE, 1 << 30);
        assertThat(plan.chunkCount()).isEqualTo(2);
        assertThat(plan.chunkEnd(1)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    void sumsAreBitIdenticalOnOneTwoAndFourThreads() {
        ParallelChunks plan = ParallelChunks.of(100_003, 1000);
        double[] one = plan.sum(RandomStream.of(8), 1, 3, NOISY_SUMS);
        double[] two = plan.sum(RandomStream.of(8), 2, 3, NOISY_SUMS);
        double[] four = plan.sum(RandomStream.of(8), 4, 3, NOISY_SUMS);
        assertThat(two).isEqualTo(one);
        assertThat(four).isEqualTo(one);
        assertThat(one[1] / plan.size()).isBetween(0.98, 1.02); // E[z²] = 1, SE = sqrt(2/n) = 0.0045
    }

    @Test
    void aCallerOwnedPoolGivesTheSameBitsAsCreatedThreads() {
        ParallelChunks plan = ParallelChunks.of(50_000, 777);
        try (WorkerPool pool = WorkerPool.of(3)) {
            double[] owned = plan.sum(RandomStream.of(9), pool, 3, NOISY_SUMS);
            assertThat(owned).isEqualTo(plan.sum(RandomStream.of(9), 2, 3, NOISY_SUMS));
        }
    }

    @Test
    void eachChunkDrawsFromTheParentSplitByItsIndexAndTheParentIsNotAdvanced() {
        RandomStream parent = RandomStream.of(10);
        List<Long> firsts = ParallelChunks.of(40, 10).map(parent, 2, (chunk, start, end, stream) -> stream.nextLong());
        for (int c = 0; c < 4; c++) {
            assertThat(firsts.get(c)).isEqualTo(RandomStream.of(10).split(c).nextLong());
        }
        assertThat(parent.nextLong()).isEqualTo(RandomStream.of(10).nextLong());
    }

    @Test
    void mapReturnsResultsInChunkOrder() {
        List<String> ranges = ParallelChunks.of(7, 2).map(RandomStream.of(1), 4,
                (chunk, start, end, stream) -> chunk + ":" + start + "-" + end);
        assertThat(ranges).containsExactly("0:0-2", "1:2-4", "2:4-6", "3:6-7");
    }

    @Test
    void forEachHandsEveryChunkItsBoundsOnAnyNumberOfWorkers() {
        ParallelChunks plan = ParallelChunks.of(10, 3);
        for (int threads : new int[] {1, 2, 4}) {
            try (WorkerPool pool = WorkerPool.of(threads)) {
                String[] ranges = new String[plan.chunkCount()];
                plan.forEach(pool, (chunk, start, end, worker) -> ranges[chunk] = start + "-" + end);
                assertThat(ranges).containsExactly("0-3", "3-6", "6-9", "9-10");
            }
        }
    }

    @Test
    void anEmptyRangeSumsToZeros() {
        assertThat(ParallelChunks.of(0, 8).sum(RandomStream.of(1), 4, 2, NOISY_SUMS)).containsExactly(0.0, 0.0);
    }

    @Test
    void theFirstFailingChunkInChunkOrderIsRethrown() {
        ParallelChunks plan = ParallelChunks.of(100, 10);
        ChunkFunction<double[]> failing = (chunk, start, end, stream) -> {
            if (chunk == 3 || chunk == 7) {
                throw new ArithmeticException("chunk " + chunk);
            }
            return new double[1];
        };
        for (int threads : new int[] {1, 4}) {
            assertThatThrownBy(() -> plan.sum(RandomStream.of(1), threads, 1, failing))
                    .isInstanceOf(ArithmeticException.class).hasMessage("chunk 3");
        }
    }

    @Test
    void noWorkerThreadOutlivesTheCall() {
        ParallelChunks.of(1000, 10).sum(RandomStream.of(1), 4, 3, NOISY_SUMS);
        assertThat(Thread.getAllStackTraces().keySet())
                .noneMatch(t -> t.getName().startsWith("elbo4j-worker-") && t.isAlive());
    }

    @Test
    void invalidArgumentsAreRejectedWithMessagesNamingTheValue() {
        assertThatThrownBy(() -> ParallelChunks.of(-1, 4)).hasMessage("size must be >= 0, got -1");
        assertThatThrownBy(() -> ParallelChunks.of(10, 0)).hasMessage("chunkSize must be >= 1, got 0");
        ParallelChunks plan = ParallelChunks.of(10, 4);
        assertThatThrownBy(() -> plan.sum(RandomStream.of(1), 0, 3, NOISY_SUMS))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("threads must be >= 1, got 0");
        assertThatThrownBy(() -> plan.sum(RandomStream.of(1), 2, 2, NOISY_SUMS))
                .hasMessage("chunk function must return an array of length 2 (the width), got length 3 for chunk 0");
        assertThatThrownBy(() -> plan.map(RandomStream.of(1), 2, (c, s, e, r) -> c == 1 ? null : "x"))
                .hasMessage("chunk function must not return null, got null for chunk 1");
        assertThatThrownBy(() -> plan.chunkStart(3)).hasMessage("chunk must be in [0, 3), got 3");
        assertThatThrownBy(() -> plan.sum(RandomStream.of(1), 1, -1, NOISY_SUMS)).hasMessage("width must be >= 0, got -1");
    }
}
