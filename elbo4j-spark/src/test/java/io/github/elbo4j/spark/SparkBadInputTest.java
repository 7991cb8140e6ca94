package io.github.elbo4j.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.elbo4j.data.LocalRowSum;
import io.github.elbo4j.data.LogisticRows;
import io.github.elbo4j.data.RowSelection;
import io.github.elbo4j.data.RowSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad input to {@link SparkRows} and {@link LogisticSviJob}: each a clear error naming partition, row and column. */
class SparkBadInputTest {

    private static final int D = 3;

    @TempDir
    Path dir;

    /** 60 rows in 3 partitions of 20 (parallelize slices in order): row 25 is row 5 of partition 1. */
    @Test
    void aNanRowNamesItsPartitionRowAndColumn() {
        double[] rows = SharedSpark.logisticRows(60, D, 3);
        rows[25 * (D + 1) + 2] = Double.NaN;
        assertThatThrownBy(() -> SparkRows.of(SharedSpark.dataset(rows, D, 3), SharedSpark.columns(D), LogisticRows.of(D), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad input in partition 1, row 5 of that partition (counted from 0): column 'x3' is NaN: every value must be finite");
    }

    @Test
    void aResponseOutsideZeroOneNamesTheColumn() {
        double[] rows = SharedSpark.logisticRows(60, D, 3);
        rows[41 * (D + 1) + D] = 0.5;
        assertThatThrownBy(() -> SparkRows.of(SharedSpark.dataset(rows, D, 3), SharedSpark.columns(D), LogisticRows.of(D), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bad input in partition 2, row 1 of that partition (counted from 0): column 3 (response y) is 0.5: the response "
                        + "must be 0 or 1 (columns [x1, x2, x3, y] are numbered from 0)");
    }

    @Test
    void aMissingColumnIsNamedWithTheSchema() {
        double[] rows = SharedSpark.logisticRows(10, D, 3);
        assertThatThrownBy(() -> SparkRows.of(SharedSpark.dataset(rows, D, 1), List.of("x1", "x2", "x9", "y"), LogisticRows.of(D), 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'x9' is not in the schema [x1, x2, x3, y]");
    }

    /**
     * An empty partition is bad input, named (issue 19): 7 rows in 10 slices leave three partitions
     * empty, and data with no row at all leave every partition empty. Repartitioned into as many
     * slices as rows allow, the same rows give the local sums bit for bit (the same blocks).
     */
    @Test
    void anEmptyPartitionIsAnErrorNamingIt() {
        double[] rows = SharedSpark.logisticRows(7, D, 3);
        assertThatThrownBy(() -> SparkRows.of(SharedSpark.dataset(rows, D, 10), SharedSpark.columns(D), LogisticRows.of(D), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("bad input in partition [0-9] of 10: it holds no rows, and every partition must hold at least one .*"
                        + "coalesce or repartition the Dataset");
        assertThatThrownBy(() -> SparkRows.of(SharedSpark.dataset(new double[0], D, 2), SharedSpark.columns(D), LogisticRows.of(D), 2))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("bad input in partition 0 of 2: it holds no rows");
        double[] theta = {0.3, -0.2, 0.1, 1.0, 0.5, -0.5};
        double[] expected;
        try (LocalRowSum local = LocalRowSum.of(RowSource.of(rows, D + 1), 1, 2)) {
            expected = local.sum(LogisticRows.of(D), theta, 2, RowSelection.all(7));
        }
        try (SparkRows spark = SparkRows.of(SharedSpark.dataset(rows, D, 3), SharedSpark.columns(D), LogisticRows.of(D), 2)) {
            assertThat(spark.rows()).isEqualTo(7);
            assertThat(spark.sum(LogisticRows.of(D), theta, 2, RowSelection.all(7))).isEqualTo(expected);
        }
    }

    /** The example job on a CSV with a NaN: the job fails with the row's message and writes nothing. */
    @Test
    void theJobFailsCleanlyAndWritesNothing() throws IOException {
        Path csv = dir.resolve("in.csv");
        StringBuilder text = new StringBuilder("x1,x2,x3,y\n");
        double[] rows = SharedSpark.logisticRows(30, D, 4);
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j <= D; j++) {
                text.append(i == 12 && j == 1 ? "NaN" : Double.toString(rows[i * (D + 1) + j])).append(j < D ? "," : "\n");
            }
        }
        Files.writeString(csv, text);
        Path out = dir.resolve("fit.json");
        assertThatThrownBy(() -> LogisticSviJob.run(SharedSpark.session(), csv, out, 5, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("row 12 of that partition").hasMessageContaining("column 'x2' is NaN");
        assertThat(out).doesNotExist();
    }

    /** The same job on clean data writes the fit (its JSON holds the last step's ELBO). */
    @Test
    void theJobWritesTheFit() throws IOException {
        Path csv = dir.resolve("ok.csv");
        StringBuilder text = new StringBuilder("x1,x2,x3,y\n");
        double[] rows = SharedSpark.logisticRows(40, D, 4);
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j <= D; j++) {
                text.append(rows[i * (D + 1) + j]).append(j < D ? "," : "\n");
            }
        }
        Files.writeString(csv, text);
        Path out = dir.resolve("fit.json");
        io.github.elbo4j.infer.Fit fit = LogisticSviJob.run(SharedSpark.session(), csv, out, 5, 0);
        assertThat(fit.elboTrace().values()).hasSize(5);
        assertThat(Files.readString(out)).contains(Double.toString(fit.elboTrace().values()[4]));
    }
}
