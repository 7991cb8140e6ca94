package io.github.elbo4j.spark;

import io.github.elbo4j.cavi.lda.DocumentTermMatrix;
import java.io.Serializable;

/**
 * Documents {@code [firstDocument, firstDocument + documents.documentCount())} of a corpus: a corpus
 * is cut into blocks of a fixed number of documents by document number, so the blocks (and every
 * sum over them) do not depend on how Spark partitioned the input.
 */
record DocumentBlock(long firstDocument, DocumentTermMatrix documents) implements Serializable {
}
