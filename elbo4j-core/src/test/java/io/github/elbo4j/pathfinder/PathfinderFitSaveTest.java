package io.github.elbo4j.pathfinder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.infer.DrawsPosterior;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.SiteSummary;
import io.github.elbo4j.random.RandomStream;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Pathfinder fit saves its draws and loads back with the same summary bits; its posterior has no density to score. */
class PathfinderFitSaveTest {

    @Test
    void savedFitLoadsWithTheSameSummary(@TempDir Path dir) {
        PathfinderFit r = Pathfinder.of(PathfinderReferenceTest.eightSchools()).paths(2).draws(300).seed(4).run();
        Path file = dir.resolve("fit.json");
        r.fit().save(file);
        Fit loaded = Fit.load(file, PathfinderReferenceTest.eightSchools());
        List<SiteSummary> before = r.summary();
        List<SiteSummary> after = loaded.summary();
        assertThat(after).hasSize(10);
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i).mean()).isEqualTo(before.get(i).mean());
            assertThat(after.get(i).sd()).isEqualTo(before.get(i).sd());
        }
        assertThat(loaded.posterior()).isInstanceOf(DrawsPosterior.class);
        assertThat(((DrawsPosterior) loaded.posterior()).size()).isEqualTo(300);
        assertThatThrownBy(() -> loaded.posterior().logRatios(PathfinderReferenceTest.eightSchools(), 10, RandomStream.of(1)))
                .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("have no density q");
    }
}
