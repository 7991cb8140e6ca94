#!/usr/bin/env python3
"""Reference values for elbo4j's multivariate discrete distributions (Multinomial, DirichletMultinomial,
OneHotCategorical), computed with scipy (outside the project).

Run from this folder:  python3 make_discrete_multivariate_reference.py
Writes discrete_multivariate.json: per case the parameters, count vectors x (one per row), log_prob per
row, mean and variance per category, and (OneHotCategorical) entropy. Read by
io.github.elbo4j.distribution.multivariate.MultivariateDiscreteReferenceTest.
  Multinomial(n, probs p)            = scipy.stats.multinomial(n, p)
  DirichletMultinomial(n, alpha)     = scipy.stats.dirichlet_multinomial(alpha, n)
  OneHotCategorical(probs p)         = scipy.stats.multinomial(1, p) on one-hot vectors
"""
import json
import os

import mpmath as mp
import numpy as np
import scipy
from scipy import stats

cases = []


def logpmf(dist, row):
    """scipy's logpmf; -inf outside the support (dirichlet_multinomial raises there instead)."""
    if np.any(row < 0) or np.any(row != np.floor(row)):
        return float("-inf")
    return float(dist.logpmf(row))


def case(name, params, dist, x, entropy=False, tolerance=None):
    x = np.asarray(x, dtype=float)
    c = {"distribution": name, "params": params, "x": x.tolist(),
         "log_prob": [logpmf(dist, row) for row in x],
         "mean": [float(v) for v in dist.mean()],
         "variance": [float(v) for v in np.diagonal(dist.cov())]}
    if entropy:
        c["entropy"] = float(dist.entropy())
    if tolerance is not None:
        c["tolerance"] = tolerance
    cases.append(c)


for n, p in [(10, [0.2, 0.5, 0.3]), (5, [0.0, 0.4, 0.6]), (0, [0.5, 0.5]), (3, [1.0])]:
    k = len(p)
    rows = [[n] + [0] * (k - 1), [0] * (k - 1) + [n]]
    if k == 3 and n == 10:
        rows += [[2, 5, 3], [1, 1, 9], [2.5, 4.5, 3], [-1, 6, 5], [0, 0, 0]]
    if n == 5:
        rows += [[0, 2, 3], [1, 2, 2]]
    case("Multinomial", {"totalCount": n, "probs": p}, stats.multinomial(n, p), rows)
# Large counts: log Γ(n + 1) - Σ log Γ(x + 1) cancels ~1.3e7 down to ~ -14, in scipy (off by 9e-11 here) as
# in elbo4j (measured 1.0e-10 relative), so log_prob comes from mpmath at 50 digits and the tolerance is 3e-10.
big = [[250_000, 250_000, 500_000], [249_000, 251_500, 499_500]]
case("Multinomial", {"totalCount": 1_000_000, "probs": [0.25, 0.25, 0.5]}, stats.multinomial(1_000_000, [0.25, 0.25, 0.5]),
     big, tolerance=3e-10)
mp.mp.dps = 50
cases[-1]["log_prob"] = [float(mp.loggamma(1_000_001) - sum(mp.loggamma(v + 1) for v in row)
                               + sum(v * mp.log(p) for v, p in zip(row, [mp.mpf(1) / 4, mp.mpf(1) / 4, mp.mpf(1) / 2])))
                         for row in big]

for n, alpha in [(10, [0.5, 2.0, 3.5]), (1, [1.0, 1.0]), (7, [1e-3, 5.0, 50.0])]:
    k = len(alpha)
    rows = [[n] + [0] * (k - 1), [0] * (k - 1) + [n]]
    if k == 3 and n == 10:
        rows += [[2, 5, 3], [2.5, 4.5, 3], [-1, 6, 5], [0, 0, 1]]
    case("DirichletMultinomial", {"totalCount": n, "concentration": alpha}, stats.dirichlet_multinomial(alpha, n), rows)

for p in [[0.2, 0.5, 0.3], [1e-12, 0.5, 0.5 - 1e-12], [0.0, 1.0]]:
    k = len(p)
    rows = np.eye(k).tolist() + [[0.0] * k, [1.0] * k, [0.5] * k]
    d = stats.multinomial(1, p)
    case("OneHotCategorical", {"probs": p}, d, rows, entropy=True)

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "discrete_multivariate.json"), "w") as f:
    json.dump({"generator": "make_discrete_multivariate_reference.py", "scipy": scipy.__version__,
               "numpy": np.__version__, "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases")
