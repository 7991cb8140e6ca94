#!/usr/bin/python3
"""Reference for CompareRunnerSmokeTest: scikit-learn 1.2.1 LatentDirichletAllocation with the settings of
LdaComparison's batch variant (K=20, priors 1/K, 50 batch passes) on the test's tiny corpus: 40 documents over
20 terms, even documents hold terms 0-3 with counts 3,2,2,1, odd ones terms 10-13 with the same counts.
Prints the training perplexity (sklearn's definition) for random_state 0-9: min, max.
Run: /usr/bin/python3 make_tiny_lda_reference.py > tiny_lda_reference.txt
"""
import numpy as np
from sklearn.decomposition import LatentDirichletAllocation

x = np.zeros((40, 20))
for d in range(40):
    first = 0 if d % 2 == 0 else 10
    x[d, first:first + 4] = [3, 2, 2, 1]
vals = []
for seed in range(10):
    m = LatentDirichletAllocation(n_components=20, learning_method="batch", max_iter=50, random_state=seed).fit(x)
    vals.append(m.perplexity(x))
print("# training perplexity, scikit-learn random_state 0-9: min max")
print("%.6f %.6f" % (min(vals), max(vals)))
