/**
 * The data term of SVI summed on Apache Spark: rows of a {@code Dataset} regrouped into blocks of
 * a fixed number of rows, each step's parameters broadcast, every block's likelihood and gradient
 * computed on the executors by elbo4j-core's {@link io.github.elbo4j.data.RowLikelihood}, and the
 * block sums combined by {@code treeAggregate} and added on the driver in row order. The same
 * pattern runs the Bayesian Gaussian mixture's CAVI sweeps ({@link io.github.elbo4j.spark.SparkGaussianMixture}).
 */
package io.github.elbo4j.spark;
