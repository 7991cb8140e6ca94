package io.github.elbo4j.cli.fit;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The settings of one {@code elbo4j fit} run, as parsed from the command line.
 *
 * @param target     the response column (regression families)
 * @param features   the feature columns (empty: every column but the target)
 * @param guide      meanfield, lowrank, fullrank, laplace, auto or map (SVI families)
 * @param optimizer  adam, sgd, rmsprop or adagrad (SVI families); empty: elbo4j chooses (deterministic VI)
 * @param learningRate the optimizer's step size (SVI families); given alone, it selects Adam
 * @param steps      the step, iteration or sweep budget
 * @param tolerance  relative ELBO tolerance (Stan's rule for stochastic VI; gmm's sweeps); empty: the default rule
 * @param components number of mixture components or topics (gmm, lda); empty: the family's default
 * @param seed       random seed
 * @param threads    worker threads (CAVI families)
 * @param vocabulary the vocabulary file, one term per line (lda)
 * @param heldOut    held-out documents in the training file's format, or null (lda)
 * @param method     batch or online (lda)
 * @param batchSize  documents per online minibatch (lda)
 * @param delimiter  the CSV field separator (linreg, logreg, gmm)
 * @param rank       the rank of the low-rank guide; empty: {@code round(√D)} in {@code [1, D - 1]}
 * @param particles  SVGD particles (linreg, logreg with {@code --method svgd})
 * @param paths      Pathfinder paths (linreg, logreg with {@code --method pathfinder})
 * @param schedule   in-order, shuffled or bernoulli (lda with {@code --method online}); empty: in-order
 */
public record FitOptions(String target, List<String> features, String guide, Optional<String> optimizer, OptionalDouble learningRate,
                         long steps, OptionalDouble tolerance, OptionalInt components, long seed, int threads, Path vocabulary, Path heldOut,
                         String method, int batchSize, char delimiter, OptionalInt rank,
                         int particles, int paths, Optional<String> schedule) {
}
