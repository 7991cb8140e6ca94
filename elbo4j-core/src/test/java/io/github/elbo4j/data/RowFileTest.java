package io.github.elbo4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.infer.Convergence;
import io.github.elbo4j.infer.Fit;
import io.github.elbo4j.infer.Subsampling;
import io.github.elbo4j.infer.Svi;
import io.github.elbo4j.infer.WarmStart;
import io.github.elbo4j.infer.guide.AutoGuide;
import io.github.elbo4j.model.Model;
import io.github.elbo4j.optim.Adam;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows written to a file and read back, and a fit from the file against the same fit from memory. */
class RowFileTest {

    private static final LogisticData DATA = new LogisticData(700, 4, 21);

    @TempDir
    Path dir;

    private Path write() {
        Path file = dir.resolve("rows.bin");
        int c = DATA.d + 1;
        try (RowFile.Writer w = RowFile.create(file, c)) {
            double[] row = new double[c];
            for (int i = 0; i < DATA.n; i++) {
                System.arraycopy(DATA.rows, i * c, row, 0, c);
                w.append(row);
            }
        }
        return file;
    }

    @Test
    void readsBackWhatWasWritten() {
        try (RowFile f = RowFile.open(write())) {
            assertThat(f.rows()).isEqualTo(700);
            assertThat(f.columns()).isEqualTo(5);
            double[] buf = new double[3 * 5];
            f.read(698, 2, buf);
            assertThat(java.util.Arrays.copyOf(buf, 10)).containsExactly(java.util.Arrays.copyOfRange(DATA.rows, 698 * 5, 700 * 5));
            assertThatThrownBy(() -> f.read(699, 2, buf)).hasMessage("rows [699, 701) must lie in [0, 700)");
        }
    }

    @Test
    void aFileOfTheWrongLengthIsRefused() throws IOException {
        Path file = write();
        byte[] bytes = Files.readAllBytes(file);
        Path cut = dir.resolve("cut.bin");
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 8));
        assertThatThrownBy(() -> RowFile.open(cut)).hasMessageContaining("got columns = 5, rows = 700, " + (bytes.length - 8) + " bytes");
    }

    /** Windows of 128 rows (they wrap past row 699): the file and the array give the same chunks, so the same bits. */
    @Test
    void aFitFromTheFileHasTheBitsOfTheFitFromMemory() {
        Fit fromMemory;
        try (LocalRowSum sum = LocalRowSum.of(RowSource.of(DATA.rows, 5), 2, 50)) {
            fromMemory = fit(DATA.dataTermModel(DataTerm.of(LogisticRows.of(4), sum), 128));
        }
        Fit fromFile;
        try (RowFile f = RowFile.open(write()); LocalRowSum sum = LocalRowSum.of(f, 2, 50)) {
            fromFile = fit(DATA.dataTermModel(DataTerm.of(LogisticRows.of(4), sum), 128));
        }
        assertThat(fromFile.elboTrace().values()).isEqualTo(fromMemory.elboTrace().values());
        assertThat(fromFile.parameters()).isEqualTo(fromMemory.parameters());
    }

    private static Fit fit(Model model) {
        return Svi.builder(model).guide(AutoGuide.meanField(1.0)).optimizer(Adam.lr(0.05)).maxSteps(30)
                .convergence(Convergence.none()).warmStart(WarmStart.none()).diagnosticDraws(0).subsampling(Subsampling.windows()).seed(9)
                .build().run();
    }
}
