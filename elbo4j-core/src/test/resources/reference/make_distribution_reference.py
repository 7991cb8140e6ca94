#!/usr/bin/env python3
"""Reference values for elbo4j's distributions, computed with scipy (outside the project).

Run from this folder:  python3 make_distribution_reference.py
Writes distributions.json: one case per (distribution, parameters) with log_prob and cdf at
points x, icdf at probabilities q, and mean, variance and entropy. The Java test
io.github.elbo4j.distribution.DistributionReferenceTest reads it and names the case on failure.
Parameter names are elbo4j's; the mapping to scipy's parameterization is spelled out per case.
"""
import json
import os

import numpy as np
import scipy
from scipy import stats

cases = []


def case(name, params, dist, x, q=(0.001, 0.1, 0.5, 0.9, 0.999), support_note=None, entropy=True, cdf=True):
    c = {
        "distribution": name,
        "params": params,
        "x": [float(v) for v in x],
        "log_prob": [float(v) for v in dist.logpdf(np.asarray(x, dtype=float))]
        if hasattr(dist, "logpdf") else [float(v) for v in dist.logpmf(np.asarray(x))],
        "mean": float(dist.mean()),
        "variance": float(dist.var()),
    }
    if cdf:
        c["cdf"] = [float(v) for v in dist.cdf(np.asarray(x, dtype=float))]
        c["q"] = [float(v) for v in q]
        c["icdf"] = [float(v) for v in dist.ppf(np.asarray(q, dtype=float))]
    if entropy:
        c["entropy"] = float(dist.entropy())
    cases.append(c)


# Normal(loc, scale) = scipy.stats.norm(loc, scale)
for loc, scale in [(0.0, 1.0), (0.3, 1.7), (-5.0, 0.01), (1e3, 250.0)]:
    case("Normal", {"loc": loc, "scale": scale}, stats.norm(loc, scale),
         x=[loc - 40 * scale, loc - 3 * scale, loc - 0.5 * scale, loc, loc + 1e-3 * scale, loc + 2 * scale, loc + 9 * scale])

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "distributions.json"), "w") as f:
    json.dump({"generator": "make_distribution_reference.py", "scipy": scipy.__version__, "numpy": np.__version__,
               "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases")
