package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.gmm.GmmRowPass;
import io.github.elbo4j.cavi.gmm.GmmSweepState;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;

/**
 * A Gaussian mixture sweep's pass over cached {@link RowBlock}s of {@link GmmSweepState#BLOCK_ROWS}
 * rows: the sweep state is broadcast, every block computes {@link GmmSweepState#blockSums} on its
 * executor, and {@code treeAggregate} brings the parts back keyed by first row; the driver adds
 * them in row order from zero ({@link BlockPartials#total}), which is the order of the core's own
 * chunk sums.
 */
final class GmmBlockPass implements GmmRowPass {

    private final JavaSparkContext context;
    private final JavaRDD<RowBlock> blocks;
    private final long rows;
    private final long blockCount;

    GmmBlockPass(SparkRows data) {
        this.context = data.context();
        this.blocks = data.blocks();
        this.rows = data.rows();
        this.blockCount = data.blockCount();
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public double[] sweep(GmmSweepState state) {
        BlockPartials parts = perBlock(state, false);
        return parts.total(state.sumsLength());
    }

    @Override
    public double[] responsibilities(GmmSweepState state) {
        return perBlock(state, true).concatenated();
    }

    /** One Spark job: the broadcast state applied to every block, the parts keyed by the block's first row. */
    private BlockPartials perBlock(GmmSweepState state, boolean responsibilities) {
        Broadcast<GmmSweepState> shared = context.broadcast(state);
        BlockPartials parts;
        try {
            parts = blocks.treeAggregate(new BlockPartials(), (acc, block) -> acc.put(block.firstRow(), responsibilities
                            ? shared.value().responsibilities(block.values(), block.rows())
                            : shared.value().blockSums(block.values(), block.rows())),
                    BlockPartials::merge, 2);
        } catch (Exception e) {
            throw SparkRows.unwrap(e);
        } finally {
            shared.destroy();
        }
        if (parts.size() != blockCount) {
            throw new IllegalStateException("the pass returned " + parts.size() + " block parts, the data has " + blockCount
                    + " blocks");
        }
        return parts;
    }
}
