package io.github.elbo4j.model;

/** The kinds of named sites a model run produces. */
public enum SiteType {
    /** A random variable: latent, or observed when it carries data. */
    SAMPLE,
    /** A learnable parameter. */
    PARAM,
    /** A named function of other sites, recorded for reports. */
    DETERMINISTIC,
    /** The subsample indices of a plate, recorded so that the guide and the model see the same minibatch. */
    PLATE
}
