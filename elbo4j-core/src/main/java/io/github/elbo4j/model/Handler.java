package io.github.elbo4j.model;

/**
 * An effect handler (Plotkin &amp; Pretnar's algebraic effects as used by Pyro and NumPyro:
 * Bingham et al., JMLR 2019; Phan et al., arXiv:1912.11554): a small object on a
 * {@link ModelContext}'s stack that sees every site message on its way in ({@link #process})
 * and on its way out ({@link #postprocess}). Handlers hold their own state and are never static.
 */
public interface Handler {

    /** Called innermost-first before the site gets its value; may set the value, scale, mask, or stop the message. */
    default void process(Message msg) {
    }

    /** Called after the site has its value, in reverse order of {@link #process}. */
    default void postprocess(Message msg) {
    }
}
