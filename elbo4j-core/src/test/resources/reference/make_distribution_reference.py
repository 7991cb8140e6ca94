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

# HalfStudentT(df, scale): |T| for T ~ scipy.stats.t(df, 0, scale). scipy has no half-t, so every
# quantity comes from mpmath at 50 digits: log p = log 2 + log t.pdf, cdf = I_{z^2/(df+z^2)}(1/2, df/2)
# (A&S 26.7.1 folded), ppf by mpmath.findroot on that cdf; mean 2 s sqrt(df) / ((df-1) B(df/2, 1/2))
# for df > 1 (else inf), variance s^2 df/(df-2) - mean^2 for df > 2 (inf for 1 < df <= 2, nan for
# df <= 1, as scipy's t), entropy H(t) - log 2 (folding a symmetric density). The closed forms are
# asserted against mpmath.quad of x p, x^2 p and -p log p (and the entropy against scipy's t).
import mpmath as _mp


class HalfT:
    def __init__(self, df, scale):
        self.df = _mp.mpf(df)
        self.s = _mp.mpf(scale)

    def _logpdf(self, x):
        v, s = self.df, self.s
        z = x / s
        return (_mp.log(2) + _mp.loggamma((v + 1) / 2) - _mp.loggamma(v / 2) - _mp.log(v * _mp.pi) / 2
                - _mp.log(s) - (v + 1) / 2 * _mp.log1p(z * z / v))

    def logpdf(self, xs):
        with _mp.workdps(50):
            return np.array([float(self._logpdf(_mp.mpf(x))) if x >= 0 else NEG_INF for x in xs])

    def _cdf(self, x):
        z2 = (x / self.s) ** 2
        return _mp.betainc(_mp.mpf(1) / 2, self.df / 2, 0, z2 / (self.df + z2), regularized=True)

    def cdf(self, xs):
        with _mp.workdps(50):
            return np.array([float(self._cdf(_mp.mpf(x))) if x > 0 else 0.0 for x in xs])

    def ppf(self, qs):
        out = []
        with _mp.workdps(50):
            for q in qs:
                x0 = _mp.mpf(stats.t(float(self.df), 0, float(self.s)).ppf((1 + q) / 2))
                out.append(float(_mp.findroot(lambda x: self._cdf(x) - _mp.mpf(q), x0)))
        return np.array(out)

    def _closed_mean(self):
        v, s = self.df, self.s
        return 2 * s * _mp.sqrt(v) / ((v - 1) * _mp.beta(v / 2, _mp.mpf(1) / 2))

    def mean(self):
        if self.df <= 1:
            return float("inf")
        with _mp.workdps(50):
            m = self._closed_mean()
            q = _mp.quad(lambda x: x * _mp.exp(self._logpdf(x)), [0, self.s, _mp.inf])
            assert abs(q / m - 1) < 1e-12, (float(q), float(m))
            return float(m)

    def var(self):
        if self.df <= 1:
            return float("nan")
        if self.df <= 2:
            return float("inf")
        with _mp.workdps(50):
            v, s = self.df, self.s
            m = self._closed_mean()
            second = s * s * v / (v - 2)
            q = _mp.quad(lambda x: x * x * _mp.exp(self._logpdf(x)), [0, self.s, _mp.inf])
            assert abs(q / second - 1) < 1e-12, (float(q), float(second))
            return float(second - m * m)

    def entropy(self):
        with _mp.workdps(50):
            h = -_mp.quad(lambda x: _mp.exp(self._logpdf(x)) * self._logpdf(x), [0, self.s, 100 * self.s, _mp.inf])
        closed = stats.t(float(self.df), 0, float(self.s)).entropy() - np.log(2)
        assert abs(float(h) - closed) < 1e-9 * max(1.0, abs(closed)), (float(h), closed)
        return float(h)


for df, scale in [(1.0, 1.0), (0.7, 1.0), (3.0, 2.0), (2.0, 1.0), (30.0, 0.5), (1e3, 1.0), (2.5, 10.0)]:
    continuous_case("HalfStudentT", {"df": df, "scale": scale}, HalfT(df, scale),
                    x=[-scale, 0.0, 1e-3 * scale, scale, 7 * scale, 1e4 * scale])
# ==== end of continuous families ==========================================================

# ==== discrete families (branch "discrete") ==========================================================
# log_prob: scipy's logpmf for these families subtracts log-gamma values (binom, poisson, nbinom,
# betabinom), which loses up to log10(k) digits for large counts (measured: 3e-7 relative at n = 1e9,
# 5e-6 for a Poisson at 1e12). So log_prob comes from mpmath at 50 digits; scipy's logpmf is asserted
# to agree with it (1e-5 relative) as a cross-check, and scipy supplies mean, variance, entropy, cdf and
# ppf. Cases given by logits use p = expit(l) computed in mpmath; where expit(l) rounds to 0 or 1 in
# doubles (|l| = 50) every quantity comes from mpmath (class MpBinary below).
import mpmath as mp

mp.mp.dps = 50


def mp_logpmf(family, params):
    """k -> log P(K = k) at 50 digits, -inf outside the support."""
    def is_count(k):
        return np.isfinite(k) and k >= 0 and float(k) == np.floor(k)

    def f(k):
        if not is_count(k):
            return float("-inf")
        k = mp.mpf(float(k))
        p = mp_p(params) if ("probs" in params or "logits" in params) else None
        if family == "Bernoulli":
            return mp_log(p) if k == 1 else (mp_log(1 - p) if k == 0 else float("-inf"))
        if family == "Binomial":
            n = mp.mpf(params["totalCount"])
            if k > n:
                return float("-inf")
            return mp.loggamma(n + 1) - mp.loggamma(k + 1) - mp.loggamma(n - k + 1) + xlog(k, p) + xlog(n - k, 1 - p)
        if family == "Poisson":
            lam = mp.mpf(params["rate"])
            return xlog(k, lam) - lam - mp.loggamma(k + 1)
        if family == "Geometric":
            return xlog(k, 1 - p) + mp_log(p)
        if family == "NegativeBinomial":
            r = mp.mpf(params["totalCount"])
            return mp.loggamma(k + r) - mp.loggamma(r) - mp.loggamma(k + 1) + r * mp_log(p) + xlog(k, 1 - p)
        if family == "BetaBinomial":
            n, a, b = (mp.mpf(params[x]) for x in ("totalCount", "concentration1", "concentration0"))
            if k > n:
                return float("-inf")
            return (mp.loggamma(n + 1) - mp.loggamma(k + 1) - mp.loggamma(n - k + 1)
                    + mp.loggamma(k + a) + mp.loggamma(n - k + b) - mp.loggamma(n + a + b)
                    - mp.loggamma(a) - mp.loggamma(b) + mp.loggamma(a + b))
        raise ValueError(family)
    return lambda ks: [float(f(k)) for k in np.atleast_1d(ks)]


def mp_p(params):
    if "probs" in params:
        return mp.mpf(params["probs"])
    return 1 / (1 + mp.exp(-mp.mpf(params["logits"])))


def mp_log(x):
    return mp.log(x) if x > 0 else mp.mpf("-inf")


def xlog(k, y):
    return mp.mpf(0) if k == 0 else k * mp_log(y)


class Checked:
    """A scipy frozen distribution whose logpmf is replaced by the 50-digit one, after a cross-check."""

    def __init__(self, dist, logpmf):
        self.dist, self.exact = dist, logpmf

    def logpmf(self, x):
        exact = self.exact(x)
        approx = self.dist.logpmf(np.asarray(x, dtype=float))
        for e, a in zip(exact, approx):
            assert (np.isinf(e) and e == a) or abs(e - a) <= 1e-5 * max(1.0, abs(e)), (e, a)
        return exact

    def __getattr__(self, name):
        return getattr(self.dist, name)


class MpBinary:
    """Bernoulli or Geometric at 50 digits, for logits whose expit rounds to 0 or 1 in doubles."""

    def __init__(self, family, params):
        self.family, self.params, self.p = family, params, mp_p(params)
        self.lp = mp_logpmf(family, params)

    def logpmf(self, x):
        return self.lp(x)

    def mean(self):
        p = self.p
        return float(p if self.family == "Bernoulli" else (1 - p) / p)

    def var(self):
        p = self.p
        return float(p * (1 - p) if self.family == "Bernoulli" else (1 - p) / p ** 2)

    def entropy(self):
        p, q = self.p, 1 - self.p
        h = -(p * mp.log(p) + q * mp.log(q))
        return float(h if self.family == "Bernoulli" else h / p)

    def cdf(self, x):
        p, q = self.p, 1 - self.p
        out = []
        for v in x:
            k = mp.floor(v)
            if k < 0:
                out.append(0.0)
            elif self.family == "Bernoulli":
                out.append(float(q if k < 1 else 1))
            else:
                out.append(float(1 - q ** (k + 1)))
        return out

    def ppf(self, u):
        out = []
        for v in u:
            k = 0
            while self.cdf([k])[0] < v:
                k = k + 1 if self.family == "Bernoulli" else int(mp.ceil(mp.log1p(-v) / mp.log(1 - self.p) - 1))
            out.append(float(k))
        return out


def mp_entropy(name, params):
    """-Σ p log p at 50 digits: summed over mode ± (40 sd + 60) for Binomial and Poisson (the terms left
    out are below 1e-300), or, for a Poisson rate >= 1e4, the asymptotic series of Evans et al. (1988)
    with the next term, -9/(80 λ⁴), included (error O(λ⁻⁵) < 1e-20)."""
    if name == "Poisson":
        lam = mp.mpf(params["rate"])
        if lam >= 10000:
            return float(mp.log(2 * mp.pi * mp.e * lam) / 2 - 1 / (12 * lam) - 1 / (24 * lam ** 2)
                         - mp.mpf(19) / (360 * lam ** 3) - mp.mpf(9) / (80 * lam ** 4))
        mean, sd, hi = lam, mp.sqrt(lam), None
    else:
        n, p = mp.mpf(params["totalCount"]), mp_p(params)
        mean, sd, hi = n * p, mp.sqrt(n * p * (1 - p)), int(n)
    lo_k = max(0, int(mean - 40 * sd - 60))
    hi_k = int(mean + 40 * sd + 60) if hi is None else min(hi, int(mean + 40 * sd + 60))
    h = mp.mpf(0)
    mp.mp.dps = 30
    for k in range(lo_k, hi_k + 1):
        k_ = mp.mpf(k)
        if name == "Poisson":
            v = xlog(k_, lam) - lam - mp.loggamma(k_ + 1)
        else:
            v = mp.loggamma(n + 1) - mp.loggamma(k_ + 1) - mp.loggamma(n - k_ + 1) + xlog(k_, p) + xlog(n - k_, 1 - p)
        if v > -mp.inf:
            h -= mp.exp(v) * v
    mp.mp.dps = 50
    return float(h)


def mp_moments(name, params):
    """Mean and variance from the closed forms at 50 digits (scipy rounds 1 - p first: e.g. its geom mean
    and binom var at p = 1 - 1e-12 are off by 1e-4 relative)."""
    p = mp_p(params)
    if name == "Binomial":
        n = mp.mpf(params["totalCount"])
        return n * p, n * p * (1 - p)
    if name == "NegativeBinomial":
        r = mp.mpf(params["totalCount"])
        return r * (1 - p) / p, r * (1 - p) / p ** 2
    raise ValueError(name)


def discrete(name, params, dist, x, q=(0.001, 0.1, 0.5, 0.9, 0.999), entropy=True, tolerance=None, **kw):
    """A reference case; the entropy of Binomial and Poisson comes from mp_entropy (scipy's generic
    summation does not converge for large parameters), and 0 log 0 = 0 where scipy gives NaN."""
    if not isinstance(dist, MpBinary) and name != "Categorical":
        dist = Checked(dist, mp_logpmf(name, params))
    exact = entropy and name in ("Binomial", "Poisson")
    case(name, params, dist, x, q=q, entropy=entropy and not exact, **kw)
    if exact:
        cases[-1]["entropy"] = mp_entropy(name, params)
    if entropy and np.isnan(cases[-1]["entropy"]):
        cases[-1]["entropy"] = 0.0
    if name in ("Binomial", "NegativeBinomial"):
        mean, var = mp_moments(name, params)
        cases[-1]["mean"], cases[-1]["variance"] = float(mean), float(var)
    if tolerance is not None:
        cases[-1]["tolerance"] = tolerance


def p_of(params):
    return float(mp_p(params))


# Bernoulli(probs p) = scipy.stats.bernoulli(p); Bernoulli(logits l) has p = expit(l).
# Bernoulli and Geometric come from their closed forms at 50 digits (MpBinary): scipy's entropy and
# moments round 1 - p first (Bernoulli entropy at p = 1e-12 is off by 8e-7); scipy agrees elsewhere.
for p in [0.3, 0.5, 1e-12, 1 - 1e-12, 0.0, 1.0]:
    discrete("Bernoulli", {"probs": p}, MpBinary("Bernoulli", {"probs": p}), x=[-1, 0, 0.5, 1, 2], q=(0.001, 0.2, 0.8, 0.999))
    assert abs(cases[-1]["mean"] - stats.bernoulli(p).mean()) <= 1e-15
for l in [0.7, -3.0, 50.0, -50.0]:
    discrete("Bernoulli", {"logits": l}, MpBinary("Bernoulli", {"logits": l}), x=[-1, 0, 0.5, 1, 2], q=(1e-30, 0.2, 0.8))

# Binomial(totalCount n, probs p) = scipy.stats.binom(n, p).
for n, p in [(10, 0.3), (1, 0.5), (0, 0.4), (25, 0.0), (25, 1.0), (50, 1e-12), (50, 1 - 1e-12), (1000, 0.002),
             (1_000_000, 0.37), (1_000_000_000, 0.37)]:
    m = round(n * p)
    # entropy only up to n = 1e6: the 50-digit sum for n = 1e9 would take ~1e6 terms. Tolerance at
    # n = 1e9: the cdf's regularized incomplete beta at a, b ~ 1e9 (Commons Numbers vs scipy's Boost)
    # differs by 2.2e-8 relative; log_prob, mean and variance meet it with room to spare.
    discrete("Binomial", {"totalCount": n, "probs": p}, stats.binom(n, p),
             x=sorted({-1, 0, 1, 2.5, max(m - 3, 0), m, m + 2, n, n + 1}), q=(0.001, 0.13, 0.5, 0.87, 0.999),
             entropy=n <= 1_000_000, tolerance=5e-8 if n >= 1_000_000_000 else None)
for n, l in [(20, 0.3), (7, -4.0)]:
    discrete("Binomial", {"totalCount": n, "logits": l}, stats.binom(n, p_of({"logits": l})),
             x=[-1, 0, 1, 3, n - 1, n, n + 1], q=(0.001, 0.13, 0.5, 0.87, 0.999))

# Poisson(rate λ) = scipy.stats.poisson(λ).
for lam in [0.5, 3.7, 1e-12, 9999.5, 1e4, 12345.6, 1e9]:
    m = np.floor(lam)
    discrete("Poisson", {"rate": lam}, stats.poisson(lam),
             x=sorted({-1, 0, 1, 2.5, m, m + 1, m + 3 * np.ceil(np.sqrt(lam)), 3 * m + 30}), q=(0.001, 0.13, 0.5, 0.87, 0.999))
discrete("Poisson", {"rate": 0.0}, stats.poisson(0.0), x=[-1, 0, 1, 2.5], q=(0.13, 0.5))

# Geometric(probs p), failures before the first success on {0, 1, ...} = scipy.stats.geom(p, loc=-1).
# (scipy's geom ppf is -1 at p = 1, where every draw is 0.)
for p in [0.3, 0.999, 1e-12, 1 - 1e-12, 1.0]:
    discrete("Geometric", {"probs": p}, MpBinary("Geometric", {"probs": p}), x=[-1, 0, 1, 2.5, 7, 1e6], q=(0.001, 0.13, 0.5, 0.87, 0.999))
    if p < 0.5:
        assert np.allclose(cases[-1]["log_prob"], stats.geom(p, loc=-1).logpmf(cases[-1]["x"]), rtol=1e-12)
for l in [1.2, 50.0, -50.0]:
    discrete("Geometric", {"logits": l}, MpBinary("Geometric", {"logits": l}), x=[-1, 0, 1, 2.5, 7, 1e22], q=(0.001, 0.5, 0.999))

# NegativeBinomial(totalCount r, probs p): failures before the r-th success = scipy.stats.nbinom(n=r, p=p).
for r, p in [(3, 0.4), (0.5, 0.9), (2.5, 0.01), (7, 1.0), (1e6, 0.5)]:
    m = np.floor(r * (1 - p) / p)
    # (q avoids 0.5: F(999999) of r = 1e6, p = 1/2 is 0.5 within 1e-16, too close to call)
    # r = 1e6: log Γ(k + r) - log Γ(r) - log Γ(k + 1) cancels ~1e7 to ~8; measured 1.6e-10 relative
    discrete("NegativeBinomial", {"totalCount": r, "probs": p}, stats.nbinom(r, p),
             x=sorted({-1, 0, 1, 2.5, m, m + 5, 10 * m + 30}), q=(0.001, 0.13, 0.47, 0.87, 0.999), entropy=False,
             tolerance=2e-10 if r >= 1e6 else None)
discrete("NegativeBinomial", {"totalCount": 4.5, "logits": -1.5}, stats.nbinom(4.5, p_of({"logits": -1.5})),
         x=[-1, 0, 1, 2.5, 10, 60], entropy=False)

# BetaBinomial(totalCount n, concentration1 α, concentration0 β) = scipy.stats.betabinom(n, α, β).
# Tolerances: the log-gamma sum cancels, to 3e-5 from terms near 7000 for (30, 1e-3, 1e3) (measured
# 4.0e-8 relative) and to 13 from terms near 1e7 for n = 1e6 (measured 1.2e-10).
for n, a, b, tol in [(10, 2.0, 3.0, None), (1, 1.0, 1.0, None), (100, 0.5, 0.5, None), (30, 1e-3, 1e3, 5e-8),
                     (1_000_000, 2.5, 7.5, 2e-10)]:
    m = round(n * a / (a + b))
    discrete("BetaBinomial", {"totalCount": n, "concentration1": a, "concentration0": b}, stats.betabinom(n, a, b),
             x=sorted({-1, 0, 1, 2.5, m, n, n + 1}), entropy=False, cdf=False, tolerance=tol)

# Categorical(probs p) = scipy.stats.rv_discrete(values=(range(K), p)); logits via p = softmax(l).
for p in [[0.2, 0.5, 0.3], [1e-12, 0.5, 0.5 - 1e-12], [0.0, 1.0], [1.0]]:
    discrete("Categorical", {"probs": p}, stats.rv_discrete(values=(np.arange(len(p)), p)),
             x=[-1, 0, 0.5, 1, 2, 3], cdf=False)
# ==== end of discrete families ========================================================================

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "distributions.json"), "w") as f:
    json.dump({"generator": "make_distribution_reference.py", "scipy": scipy.__version__, "numpy": np.__version__,
               "cases": cases}, f, indent=1)
print(f"wrote {len(cases)} cases")
