/**
 * Seeded, splittable random streams, draws from the standard distributions, and reproducible
 * chunked parallelism whose results depend only on the seed, never on the thread count.
 */
package io.github.elbo4j.random;
