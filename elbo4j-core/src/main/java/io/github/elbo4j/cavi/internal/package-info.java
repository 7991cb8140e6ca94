/**
 * What the CAVI models share and users never call (not exported): the sweep loop's ELBO
 * bookkeeping and stopping rule, and the conversion of a closed-form result to a checked fit.
 */
package io.github.elbo4j.cavi.internal;
