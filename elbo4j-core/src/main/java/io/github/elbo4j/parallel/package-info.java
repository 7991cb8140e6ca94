/**
 * One worker pool and one chunking rule for every parallel sum: chunk boundaries depend only on
 * the data size, chunk {@code c} draws from {@code stream.split(c)}, and partial results are
 * combined in chunk order, so a result has the same bits on any number of threads.
 */
package io.github.elbo4j.parallel;
