package io.github.elbo4j.spark;

import io.github.elbo4j.data.RowLikelihood;
import io.github.elbo4j.data.RowSelection;
import io.github.elbo4j.data.RowSum;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.storage.StorageLevel;
import scala.Tuple2;

/**
 * A {@link RowSum} on a Spark cluster. {@link #of} reads the named numeric columns of a
 * {@code Dataset}, checks every value (finite, and valid for the likelihood) with an error naming
 * the partition, the row and the column, numbers the rows in the Dataset's order and regroups them
 * into cached blocks of {@code blockRows} consecutive rows (one shuffle, once). Each
 * {@link #sum} then broadcasts the {@code P · k} parameters, has every block compute its part of
 * the likelihood and gradient with elbo4j-core's code, and combines the parts with
 * {@code treeAggregate}; the parts are added on the driver in row order ({@link BlockPartials}). Cost
 * per evaluation: {@code P · k} doubles sent to each executor, {@code P · (k + 1)} doubles back per
 * block, {@code O(rows · columns · P)} work spread over the executors.
 *
 * <p>With every row selected (full batch) block {@code b} is exactly chunk {@code b} of a
 * {@link io.github.elbo4j.data.LocalRowSum} whose chunk size is {@code blockRows}, so the two give
 * the same bits, on any number of partitions. A minibatch that is a cyclic window
 * ({@code Subsampling.windows()}) is cut at block boundaries; a listed subset
 * ({@code Subsampling.random()}, {@code epochs()}) is broadcast too and cut into groups of
 * {@code blockRows} list positions, each block summing its rows of each group in list order.
 */
public final class SparkRows implements RowSum, AutoCloseable {

    private final JavaSparkContext context;
    private final JavaRDD<RowBlock> blocks;
    private final long rows;
    private final int columns;
    private final int blockRows;

    private SparkRows(JavaSparkContext context, JavaRDD<RowBlock> blocks, long rows, int columns, int blockRows) {
        this.context = context;
        this.blocks = blocks;
        this.rows = rows;
        this.columns = columns;
        this.blockRows = blockRows;
    }

    /**
     * The rows of {@code columns} of {@code data}, in that column order, checked against
     * {@code likelihood} and cached in blocks of {@code blockRows} rows. Runs one Spark job.
     *
     * @throws IllegalArgumentException if a column is missing or not numeric, a value is null, not
     *     finite or not valid for the likelihood (naming the partition, the row within it and the
     *     column), a partition holds no rows (naming it), the data have no rows, or {@code blockRows < 1}
     */
    public static SparkRows of(Dataset<Row> data, List<String> columns, RowLikelihood likelihood, int blockRows) {
        if (likelihood.columns() != columns.size()) {
            throw new IllegalArgumentException("likelihood " + likelihood + " reads " + likelihood.columns() + " columns, got "
                    + columns.size() + ": " + columns);
        }
        return of(data, columns, row -> likelihood.checkRow(row, 0), blockRows);
    }

    /** A check of one row's values (already finite) beyond finiteness: a problem, or empty if the row is valid. */
    interface RowCheck extends Serializable {
        Optional<String> problem(double[] row);
    }

    /** As {@link #of(Dataset, List, RowLikelihood, int)} with {@code check} in place of the likelihood's row check. */
    static SparkRows of(Dataset<Row> data, List<String> columns, RowCheck check, int blockRows) {
        if (blockRows < 1) {
            throw new IllegalArgumentException("blockRows must be >= 1, got " + blockRows);
        }
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("columns must name at least one column of the schema "
                    + Arrays.asList(data.schema().fieldNames()));
        }
        List<String> names = Arrays.asList(data.schema().fieldNames());
        for (String c : columns) {
            if (!names.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is not in the schema " + names);
            }
            StructField f = data.schema().apply(c);
            if (!(f.dataType() instanceof NumericType)) {
                throw new IllegalArgumentException("column '" + c + "' has type " + f.dataType().simpleString() + ": it must be numeric");
            }
        }
        String[] cols = columns.toArray(String[]::new);
        JavaRDD<Row> input = data.select(cols[0], Arrays.copyOfRange(cols, 1, cols.length)).javaRDD();
        int partitions = Math.max(1, input.getNumPartitions());
        JavaRDD<double[]> checked = input.mapPartitionsWithIndex((p, it) -> checkPartition(p, partitions, it, cols, check), true);
        JavaRDD<RowBlock> blocks = null;
        long rows;
        try {
            // zipWithIndex runs a job (the partitions' sizes): the checks may fail here already
            JavaPairRDD<Long, Iterable<Tuple2<Long, double[]>>> grouped = checked.zipWithIndex()
                    .mapToPair(t -> new Tuple2<>(t._2() / blockRows, new Tuple2<>(t._2(), t._1())))
                    .groupByKey(partitions);
            blocks = grouped.map(g -> block(g._1() * blockRows, g._2(), cols.length)).persist(StorageLevel.MEMORY_AND_DISK());
            rows = blocks.map(RowBlock::rows).fold(0, Integer::sum);
        } catch (Exception e) {
            if (blocks != null) {
                blocks.unpersist(false);
            }
            throw unwrap(e);
        }
        if (rows == 0) {
            blocks.unpersist(false);
            throw new IllegalArgumentException("the data have no rows (" + partitions + " partition(s), all empty)");
        }
        if (rows > Integer.MAX_VALUE) {
            blocks.unpersist(false);
            throw new IllegalArgumentException("rows = " + rows + " must be at most " + Integer.MAX_VALUE + " (a plate's size is an int)");
        }
        return new SparkRows(JavaSparkContext.fromSparkContext(data.sparkSession().sparkContext()), blocks, rows, cols.length,
                blockRows);
    }

    private static Iterator<double[]> checkPartition(int partition, int partitions, Iterator<Row> it, String[] cols, RowCheck check) {
        if (!it.hasNext()) {
            throw new IllegalArgumentException("bad input in partition " + partition + " of " + partitions + ": it holds no rows, "
                    + "and every partition must hold at least one (an empty partition usually means a filter removed all its "
                    + "rows, or the data were split into more partitions than rows): coalesce or repartition the Dataset");
        }
        List<double[]> out = new ArrayList<>();
        int c = cols.length;
        for (int i = 0; it.hasNext(); i++) {
            Row r = it.next();
            double[] v = new double[c];
            for (int j = 0; j < c; j++) {
                if (r.isNullAt(j)) {
                    throw new IllegalArgumentException(where(partition, i) + "column '" + cols[j] + "' is null: every value must be a number");
                }
                v[j] = ((Number) r.get(j)).doubleValue();
                if (!Double.isFinite(v[j])) {
                    throw new IllegalArgumentException(where(partition, i) + "column '" + cols[j] + "' is " + v[j] + ": every value must be finite");
                }
            }
            Optional<String> problem = check.problem(v);
            if (problem.isPresent()) {
                throw new IllegalArgumentException(where(partition, i) + problem.get() + " (columns " + Arrays.toString(cols)
                        + " are numbered from 0)");
            }
            out.add(v);
        }
        return out.iterator();
    }

    private static String where(int partition, int row) {
        return "bad input in partition " + partition + ", row " + row + " of that partition (counted from 0): ";
    }

    private static RowBlock block(long first, Iterable<Tuple2<Long, double[]>> rows, int columns) {
        List<Tuple2<Long, double[]>> list = new ArrayList<>();
        rows.forEach(list::add);
        list.sort((a, b) -> Long.compare(a._1(), b._1()));
        double[] values = new double[list.size() * columns];
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i)._1() != first + i) {
                throw new IllegalStateException("block at row " + first + " is missing row " + (first + i));
            }
            System.arraycopy(list.get(i)._2(), 0, values, i * columns, columns);
        }
        return new RowBlock(first, list.size(), values);
    }

    /**
     * What a failed Spark job tells the caller: the first IllegalArgumentException in the cause
     * chain (an executor's check) with its own message, else the exception itself (unchecked).
     */
    static RuntimeException unwrap(Exception e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IllegalArgumentException iae) {
                return new IllegalArgumentException(iae.getMessage(), e);
            }
        }
        String m = String.valueOf(e.getMessage());
        String marker = "IllegalArgumentException: ";
        int at = m.indexOf(marker);
        if (at >= 0) {
            String rest = m.substring(at + marker.length());
            int end = rest.indexOf('\n');
            return new IllegalArgumentException(end < 0 ? rest : rest.substring(0, end), e);
        }
        return e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
    }

    @Override
    public long rows() {
        return rows;
    }

    /** The cached blocks, each holding rows {@code [firstRow, firstRow + rows)}. */
    JavaRDD<RowBlock> blocks() {
        return blocks;
    }

    /** The Spark context the blocks live in. */
    JavaSparkContext context() {
        return context;
    }

    /** The number of columns per row. */
    int columns() {
        return columns;
    }

    /** The number of blocks, {@code ⌈rows / blockRows⌉}. */
    public long blockCount() {
        return (rows + blockRows - 1) / blockRows;
    }

    @Override
    public double[] sum(RowLikelihood likelihood, double[] theta, int particles, RowSelection selection) {
        int k = likelihood.parameterCount();
        if (likelihood.columns() != columns) {
            throw new IllegalArgumentException("likelihood " + likelihood + " reads " + likelihood.columns() + " columns, the data have " + columns);
        }
        if (particles < 1 || theta.length != (long) particles * k) {
            throw new IllegalArgumentException("theta length " + theta.length + " must be particles (" + particles + ") x parameters (" + k + ")");
        }
        int width = particles * (k + 1);
        Broadcast<double[]> params = context.broadcast(theta);
        try {
            BlockPartials parts;
            if (selection instanceof RowSelection.Window w) {
                long start = w.start();
                long size = w.size();
                long total = w.total();
                parts = blocks.treeAggregate(new BlockPartials(),
                        (acc, block) -> BlockSums.add(acc, block, likelihood, params.value(), particles, start, size, total),
                        BlockPartials::merge, 2);
            } else {
                int[] listed = ((RowSelection.Indices) selection).rows();
                Broadcast<int[]> rowList = context.broadcast(listed);
                long blockCount = blockCount();
                long perBlock = blockRows;
                int group = blockRows;
                try {
                    parts = blocks.treeAggregate(new BlockPartials(),
                            (acc, block) -> BlockSums.addListed(acc, block, rowList.value(), group, blockCount, perBlock, likelihood,
                                    params.value(), particles),
                            BlockPartials::merge, 2);
                } finally {
                    rowList.destroy();
                }
            }
            return parts.total(width);
        } catch (Exception e) {
            throw unwrap(e);
        } finally {
            params.destroy();
        }
    }

    /** Drops the cached blocks. */
    @Override
    public void close() {
        blocks.unpersist(false);
    }

    @Override
    public String toString() {
        return "SparkRows[" + rows + " rows x " + columns + " columns, blocks of " + blockRows + ", " + blocks.getNumPartitions()
                + " partition(s)]";
    }
}
