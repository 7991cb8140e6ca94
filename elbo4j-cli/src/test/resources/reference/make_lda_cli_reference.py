#!/usr/bin/python3
"""Reference for LdaFitCommandTest: scikit-learn's LatentDirichletAllocation on the test's corpus of two
disjoint topics (documents 0, 2, 4, ... hold terms 0-4 four times each, the others terms 5-9 four times each),
K = 2, priors 1/K, batch, 30 passes, then perplexity on 10 held-out documents of the same kind.
The optimum is unique up to swapping the labels, so the seeds only move the result within the E-step tolerance.
Run: /usr/bin/python3 make_lda_cli_reference.py  (scikit-learn 1.2.1) > lda_cli_reference.txt
"""
import numpy as np
from sklearn.decomposition import LatentDirichletAllocation


def corpus(n):
    x = np.zeros((n, 10))
    for d in range(n):
        first = 0 if d % 2 == 0 else 5
        x[d, first:first + 5] = 4
    return x


values = []
for seed in range(5):
    m = LatentDirichletAllocation(n_components=2, learning_method="batch", max_iter=30, random_state=seed)
    m.fit(corpus(40))
    values.append(m.perplexity(corpus(10)))
print("# held-out perplexity, scikit-learn seeds 0-4: min max")
print("%.10f %.10f" % (min(values), max(values)))
