package io.github.elbo4j.parallel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

/** The task runner: every task once, each worker index in use by one thread at a time, failures surface. */
class WorkerPoolTest {

    @Test
    void everyTaskRunsExactlyOnceOnAnyNumberOfThreads() {
        for (int threads : new int[] {1, 2, 5}) {
            try (WorkerPool workers = WorkerPool.of(threads)) {
                for (int round = 0; round < 200; round++) {
                    AtomicIntegerArray runs = new AtomicIntegerArray(37);
                    AtomicIntegerArray busy = new AtomicIntegerArray(threads);
                    workers.run(37, (worker, task) -> {
                        assertThat(busy.incrementAndGet(worker)).as("worker %d used twice at once", worker).isOne();
                        runs.incrementAndGet(task);
                        busy.decrementAndGet(worker);
                    });
                    for (int t = 0; t < 37; t++) {
                        assertThat(runs.get(t)).isOne();
                    }
                }
            }
        }
    }

    @Test
    void aFailingTaskSurfacesAsItsOwnException() {
        try (WorkerPool workers = WorkerPool.of(2)) {
            assertThatThrownBy(() -> workers.run(10, (worker, task) -> {
                if (task == 7) {
                    throw new ArithmeticException("task 7");
                }
            })).isInstanceOf(ArithmeticException.class).hasMessage("task 7");
            AtomicIntegerArray runs = new AtomicIntegerArray(3);
            workers.run(3, (worker, task) -> runs.incrementAndGet(task));
            assertThat(runs.get(0) + runs.get(1) + runs.get(2)).as("usable after a failure").isEqualTo(3);
        }
    }
}
