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

# ==== continuous families (branch continuous) ===========================================
# Parameter names are elbo4j's; each line spells out the scipy parameterization. Points x include
# values outside the support (log_prob -inf), the support's boundary and far tails. Where elbo4j's
# definition differs from scipy's (VonMises), the case says so and sets the value explicitly.
import scipy.special as sc

NEG_INF = float("-inf")


def continuous_case(name, params, dist, x, **kw):
    """A case whose x outside elbo4j's support must give log_prob = -inf."""
    case(name, params, dist, x, **kw)
    return cases[-1]


# LogNormal(loc, scale): log X ~ N(loc, scale^2) = scipy.stats.lognorm(s=scale, scale=exp(loc))
# (scipy's variance p(p - 1), p = exp(s^2), cancels for small s: at s = 1e-3 it is off by 3.8e-11 against
# mpmath, elbo4j's expm1 form by 8e-16; still inside the 1e-10 tolerance, so no override)
for loc, scale in [(0.0, 1.0), (1.5, 0.25), (-3.0, 2.5), (10.0, 1e-3)]:
    m = np.exp(loc)
    continuous_case("LogNormal", {"loc": loc, "scale": scale}, stats.lognorm(s=scale, scale=m),
                    x=[-1.0, 0.0, m * np.exp(-6 * scale), m * np.exp(-scale), m, m * np.exp(2 * scale), m * np.exp(8 * scale)])

# HalfNormal(scale) = scipy.stats.halfnorm(scale=scale)
for scale in [1.0, 0.01, 30.0]:
    continuous_case("HalfNormal", {"scale": scale}, stats.halfnorm(scale=scale),
                    x=[-1.0 * scale, -1e-12 * scale, 0.0, 1e-3 * scale, scale, 3 * scale, 30 * scale])

# Cauchy(loc, scale) = scipy.stats.cauchy(loc, scale)  (mean and variance nan)
for loc, scale in [(0.0, 1.0), (-2.0, 0.5), (100.0, 1e-3), (0.0, 1e4)]:
    continuous_case("Cauchy", {"loc": loc, "scale": scale}, stats.cauchy(loc, scale),
                    x=[loc + scale * z for z in (-1e6, -50.0, -1.0, 0.0, 0.3, 2.0, 40.0)])

# HalfCauchy(scale) = scipy.stats.halfcauchy(scale=scale)  (mean and variance inf)
for scale in [1.0, 0.2, 25.0]:
    continuous_case("HalfCauchy", {"scale": scale}, stats.halfcauchy(scale=scale),
                    x=[-scale, 0.0, 1e-3 * scale, scale, 7 * scale, 1e4 * scale])

# StudentT(df, loc, scale) = scipy.stats.t(df, loc, scale); mean inf for df <= 1 and variance
# nan (df <= 1) or inf (1 < df <= 2), as scipy
for df, loc, scale in [(1.0, 0.0, 1.0), (0.7, 0.0, 1.0), (3.0, 1.0, 2.0), (2.0, 0.0, 1.0), (30.0, -1.0, 0.5),
                       (1e3, 0.0, 1.0), (2.5, 5.0, 10.0)]:
    continuous_case("StudentT", {"df": df, "loc": loc, "scale": scale}, stats.t(df, loc, scale),
                    x=[loc + scale * z for z in (-100.0, -3.0, -0.5, 0.0, 0.1, 2.0, 40.0)])

# Laplace(loc, scale) = scipy.stats.laplace(loc, scale)
for loc, scale in [(0.0, 1.0), (2.0, 0.1), (-50.0, 20.0)]:
    continuous_case("Laplace", {"loc": loc, "scale": scale}, stats.laplace(loc, scale),
                    x=[loc + scale * z for z in (-30.0, -1.0, 0.0, 1e-3, 1.0, 30.0)])

# Exponential(rate) = scipy.stats.expon(scale=1/rate)
for rate in [1.0, 1e-3, 50.0]:
    continuous_case("Exponential", {"rate": rate}, stats.expon(scale=1 / rate),
                    x=[-1.0 / rate, 0.0, 1e-3 / rate, 1.0 / rate, 5.0 / rate, 100.0 / rate])

# Gamma(concentration, rate) = scipy.stats.gamma(a=concentration, scale=1/rate)
for a, rate in [(1.0, 1.0), (0.5, 2.0), (0.05, 1.0), (3.0, 0.5), (150.0, 30.0), (1e4, 1.0)]:
    mean, sd = a / rate, np.sqrt(a) / rate
    continuous_case("Gamma", {"concentration": a, "rate": rate}, stats.gamma(a, scale=1 / rate),
                    x=[-1.0, 0.0, 1e-8 * mean, max(mean - 2 * sd, 0.1 * mean), mean, mean + 5 * sd, mean + 40 * sd])

# InverseGamma(concentration, scale): 1/X ~ Gamma(concentration, rate=scale)
# = scipy.stats.invgamma(a=concentration, scale=scale); mean inf for a <= 1, variance inf for a <= 2
for a, scale in [(1.0, 1.0), (0.5, 2.0), (3.0, 0.5), (50.0, 100.0)]:
    mode = scale / (a + 1)
    continuous_case("InverseGamma", {"concentration": a, "scale": scale}, stats.invgamma(a, scale=scale),
                    x=[-1.0, 0.0, 0.05 * mode, 0.5 * mode, mode, 3 * mode, 1e3 * mode])

# Beta(concentration1, concentration0) = scipy.stats.beta(a=concentration1, b=concentration0)
for a, b in [(1.0, 1.0), (0.5, 0.5), (2.0, 5.0), (0.1, 3.0), (200.0, 300.0), (1.0, 3.0)]:
    continuous_case("Beta", {"concentration1": a, "concentration0": b}, stats.beta(a, b),
                    x=[-0.1, 0.0, 1e-6, 0.25, 0.4, 0.5, 0.9, 1 - 1e-9, 1.0, 1.2])

# Uniform(low, high) = scipy.stats.uniform(loc=low, scale=high-low)  (closed interval)
for low, high in [(0.0, 1.0), (-3.0, 5.0), (10.0, 10.001)]:
    w = high - low
    continuous_case("Uniform", {"low": low, "high": high}, stats.uniform(low, w),
                    x=[low - w, low - 1e-6 * w, low, low + 0.3 * w, high, high + 1e-6 * w])

# Logistic(loc, scale) = scipy.stats.logistic(loc, scale)
for loc, scale in [(0.0, 1.0), (3.0, 0.2), (-100.0, 10.0)]:
    continuous_case("Logistic", {"loc": loc, "scale": scale}, stats.logistic(loc, scale),
                    x=[loc + scale * z for z in (-800.0, -30.0, -1.0, 0.0, 0.5, 40.0, 800.0)])

# Gumbel(loc, scale) = scipy.stats.gumbel_r(loc, scale)
for loc, scale in [(0.0, 1.0), (2.0, 0.5), (-10.0, 30.0)]:
    continuous_case("Gumbel", {"loc": loc, "scale": scale}, stats.gumbel_r(loc, scale),
                    x=[loc + scale * z for z in (-5.0, -1.0, 0.0, 1.0, 10.0, 700.0)])

# Weibull(scale, concentration) = scipy.stats.weibull_min(c=concentration, scale=scale)
for scale, k in [(1.0, 1.0), (2.0, 0.5), (0.5, 5.0), (3.0, 1.5), (10.0, 20.0)]:
    continuous_case("Weibull", {"scale": scale, "concentration": k}, stats.weibull_min(k, scale=scale),
                    x=[-1.0, 0.0, 1e-3 * scale, 0.5 * scale, scale, 2 * scale, 5 * scale])

# Pareto(scale, alpha) = scipy.stats.pareto(b=alpha, scale=scale)  (support x >= scale; mean inf
# for alpha <= 1, variance inf for alpha <= 2)
for scale, alpha in [(1.0, 1.0), (2.0, 3.0), (0.5, 0.7), (10.0, 50.0)]:
    continuous_case("Pareto", {"scale": scale, "alpha": alpha}, stats.pareto(alpha, scale=scale),
                    x=[scale - 1.0, scale * (1 - 1e-12), scale, 1.5 * scale, 10 * scale, 1e6 * scale])

# Chi2(df) = scipy.stats.chi2(df)
for df in [1.0, 2.0, 0.5, 10.0, 500.0]:
    continuous_case("Chi2", {"df": df}, stats.chi2(df),
                    x=[-1.0, 0.0, 1e-6 * df, 0.5 * df, df, 3 * df, 20 * df])

# VonMises(loc, concentration) = scipy.stats.vonmises(kappa=concentration, loc=loc) inside [-pi, pi].
# elbo4j's support is [-pi, pi] (as NumPyro), scipy's density is periodic: points outside get
# -inf here. mean is loc (circular mean) and variance the circular variance 1 - I1(k)/I0(k), as
# PyTorch/NumPyro, written from scipy.special (scipy.stats reports linear moments). No cdf.
for loc, kappa in [(0.0, 1.0), (1.0, 2.0), (-2.5, 0.01), (0.5, 50.0), (3.0, 700.0), (0.0, 1e-6)]:
    xs = [-4.0, -np.pi, -1.0, loc, loc + 0.1, np.pi, 3.5]
    c = continuous_case("VonMises", {"loc": loc, "concentration": kappa}, stats.vonmises(kappa, loc=loc), x=xs, cdf=False)
    c["log_prob"] = [v if -np.pi <= xv <= np.pi else NEG_INF for v, xv in zip(c["log_prob"], xs)]
    c["mean"] = loc
    c["variance"] = float(1 - sc.i1e(kappa) / sc.i0e(kappa))
# ==== end of continuous families ==========================================================

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "distributions.json"), "w") as f:
    json.dump({"generator": "make_distribution_reference.py", "scipy": scipy.__version__, "numpy": np.__version__,
               "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases")
