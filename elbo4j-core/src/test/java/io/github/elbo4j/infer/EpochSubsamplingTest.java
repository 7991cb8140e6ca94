package io.github.elbo4j.infer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.autodiff.Var;
import io.github.elbo4j.distribution.continuous.Normal;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.model.ModelContext;
import io.github.elbo4j.model.PlateFrame;
import io.github.elbo4j.model.SubsampleHandler;
import io.github.elbo4j.optim.Adam;
import io.github.elbo4j.random.RandomStream;
import io.github.elbo4j.tensor.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Subsampling#epochs()}: seeded shuffles cut into minibatches, shared by the guide and the model. */
class EpochSubsamplingTest {

    private static final RandomStream SCHEDULE = RandomStream.of(5).split(-7);

    private static int[] batch(PlateFrame f, long step) {
        return Arrays.stream(Subsampling.Epochs.indices(f, step, SCHEDULE).toArray()).mapToInt(v -> (int) v).toArray();
    }

    @Test
    void everyDatumOnceAnEpochWhenTheBatchDividesTheData() {
        PlateFrame f = new PlateFrame("data", 12, 4, -1);
        assertThat(Subsampling.Epochs.batchesPerEpoch(f)).isEqualTo(3);
        for (int epoch = 0; epoch < 3; epoch++) {
            int[] seen = new int[12];
            for (int b = 0; b < 3; b++) {
                for (int i : batch(f, epoch * 3L + b)) {
                    seen[i]++;
                }
            }
            // catches drawing each minibatch independently (repeats and misses within an epoch)
            assertThat(seen).as("epoch %d", epoch).containsOnly(1);
        }
        // catches one shuffle reused for every epoch
        assertThat(batch(f, 3)).isNotEqualTo(batch(f, 0));
        // same seed, same schedule: a resumed fit continues it
        assertThat(batch(f, 4)).isEqualTo(batch(f, 4));
    }

    /**
     * The schedule's handler keeps each epoch's permutation instead of drawing it every step: over
     * three epochs of a plate its indices equal the stateless {@code indices}, for two schedules
     * served by the same instance in turn (a memo keyed wrongly would hand the second schedule the
     * first one's permutation), and for two plates of different sizes under one name.
     */
    @Test
    void theHandlersMemoGivesTheSameIndicesAsDrawingEveryStep() {
        Subsampling.Epochs epochs = (Subsampling.Epochs) Subsampling.epochs();
        RandomStream other = RandomStream.of(6).split(-7);
        for (PlateFrame f : List.of(new PlateFrame("data", 10, 4, -1), new PlateFrame("data", 13, 5, -1))) {
            for (long step = 0; step < 9; step++) {
                for (RandomStream schedule : List.of(SCHEDULE, other)) {
                    PlateFrame frame = f;
                    long at = step;
                    int[][] seen = new int[1][];
                    Model m = ctx -> ctx.plate(frame.name(), frame.size(), frame.subsampleSize(), p -> seen[0] = p.indices());
                    ModelContext.trace(m, epochs.handlerAt(at, schedule), new io.github.elbo4j.model.SeedHandler(RandomStream.of(1)));
                    assertThat(Arrays.stream(seen[0]).asDoubleStream().toArray()).as("%s step %d", frame, step)
                            .containsExactly(Subsampling.Epochs.indices(frame, at, schedule).toArray());
                }
            }
        }
        assertThat(Subsampling.epochs()).isEqualTo(epochs).hasToString("epochs");
    }

    @Test
    void aShortLastBatchIsCompletedFromTheStartOfTheSamePermutation() {
        PlateFrame f = new PlateFrame("data", 10, 4, -1);
        assertThat(Subsampling.Epochs.batchesPerEpoch(f)).isEqualTo(3);
        int[] first = batch(f, 0);
        int[] last = batch(f, 2);
        assertThat(last).hasSize(4);
        assertThat(Arrays.copyOfRange(last, 2, 4)).containsExactly(first[0], first[1]);
        int[] seen = new int[10];
        for (int b = 0; b < 3; b++) {
            for (int i : batch(f, b)) {
                seen[i]++;
            }
        }
        assertThat(Arrays.stream(seen).min().getAsInt()).isEqualTo(1);
        assertThat(Arrays.stream(seen).sum()).isEqualTo(12);
    }

    @Test
    void theGuideAndTheModelSeeTheMinibatchOfTheSchedule() {
        int n = 12;
        Tensor data = Tensor.arange(n);
        List<int[]> seenByModel = new ArrayList<>();
        List<int[]> seenByGuide = new ArrayList<>();
        Model model = m -> m.plate("data", n, 4, p -> {
            Var z = m.sample("z", Normal.of(0, 1));
            seenByModel.add(p.indices());
            m.observe("x", Normal.of(z, 1.0), p.subsample(data));
        });
        Model guide = m -> m.plate("data", n, 4, p -> {
            seenByGuide.add(p.indices());
            Var loc = m.param("loc", Tensor.zeros(n)).indexSelect(0, p.indices());
            m.sample("z", Normal.of(loc, 0.5));
        });
        Svi svi = Svi.builder(model).guide(guide).optimizer(Adam.lr(0.01)).subsampling(Subsampling.epochs()).seed(5)
                .maxSteps(6).convergence(Convergence.none()).diagnosticDraws(0).build();
        SviState s = svi.init();
        seenByModel.clear();
        seenByGuide.clear();
        for (int t = 0; t < 6; t++) {
            s = svi.update(s).state();
        }
        assertThat(seenByGuide).hasSize(6);
        for (int t = 0; t < 6; t++) {
            assertThat(seenByModel.get(t)).as("step %d", t).isEqualTo(seenByGuide.get(t));
            assertThat(seenByGuide.get(t)).as("step %d", t).isEqualTo(batch(new PlateFrame("data", n, 4, -1), t));
        }
    }

    @Test
    void aScheduleOfTheWrongSizeOrRangeIsRefusedNamingThePlate() {
        Model model = m -> m.plate("rows", 10, 3, p -> m.sample("z", Normal.of(0, 1)));
        assertThatThrownBy(() -> ModelContext.trace(model, new SubsampleHandler(f -> Tensor.of(0, 1)),
                new io.github.elbo4j.model.SeedHandler(1)))
                .hasMessageContaining("plate 'rows' needs 3 subsample indices");
        assertThatThrownBy(() -> ModelContext.trace(model, new SubsampleHandler(f -> Tensor.of(0, 1, 10)),
                new io.github.elbo4j.model.SeedHandler(1)))
                .hasMessageContaining("must lie in [0, 10)").hasMessageContaining("10.0");
    }
}
