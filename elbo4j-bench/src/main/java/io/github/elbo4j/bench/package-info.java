/** JMH benchmarks of elbo4j's hot paths, each measured against a peer (a plain loop or numpy). */
package io.github.elbo4j.bench;
