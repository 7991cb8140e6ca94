/** First-order optimizers, learning-rate schedules and gradient clipping. */
package io.github.elbo4j.optim;
