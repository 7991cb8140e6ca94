/**
 * Seeded, splittable random streams and draws from the standard distributions; {@link
 * io.github.elbo4j.random.RandomStream#split} gives each chunk of a parallel sum its own stream.
 */
package io.github.elbo4j.random;
