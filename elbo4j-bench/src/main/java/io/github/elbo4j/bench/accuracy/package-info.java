/**
 * The accuracy suite: reference posteriors (fixed data, a Stan model, a long NUTS or exact
 * reference summary made by {@code posteriors/make_references.R}) and the same models in elbo4j's
 * model API, for checking what an approximate posterior gets right.
 */
package io.github.elbo4j.bench.accuracy;
