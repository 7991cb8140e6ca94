package io.github.elbo4j.model;

/**
 * One enclosing plate of a site: conditionally independent copies along tensor axis {@code dim}
 * (negative, counted from the right as in Pyro), of full {@code size}, of which
 * {@code subsampleSize} are drawn this run.
 *
 * @param name          the plate's name
 * @param size          the number of copies in the full data
 * @param subsampleSize the number used this run ({@code <= size})
 * @param dim           the batch axis the copies occupy (-1 for the innermost plate)
 */
public record PlateFrame(String name, int size, int subsampleSize, int dim) {
}
