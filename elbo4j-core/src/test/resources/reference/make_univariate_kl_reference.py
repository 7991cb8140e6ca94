#!/usr/bin/env python3
"""Reference values for elbo4j's univariate closed-form KL divergences (Normal and the eight rules of
UnivariateKlRules), computed outside the
project from the definition KL(p || q) = E_p[log p(X) - log q(X)] with mpmath (30 significant
digits), never from a closed form.

Run from this folder:  python3 make_univariate_kl_reference.py
Writes univariate_kl.json, read by io.github.elbo4j.distribution.kl.UnivariateKlReferenceTest.

* Continuous pairs (Normal, Gamma, Beta, Exponential, Laplace, Uniform): mpmath.quad (tanh-sinh) of
  p(x) (log p(x) - log q(x)) over p's support, the interval split at the points where the
  integrand is not smooth or has its bulk (modes, the Laplace locations), with the log-densities
  written out from their textbook formulas with mpmath.loggamma. Gamma is integrated over
  u = log x and Beta over u = logit x (KL is invariant under a bijection of both arguments), which
  removes the x^(a-1) endpoint singularities of shapes below 1. quad's own error estimate must be
  below 1e-20 relative (asserted), far below a double's 1.1e-16, so every stored double is the
  correctly rounded KL.
* Discrete pairs (Poisson, Bernoulli, Categorical): the defining sum, exactly for Bernoulli and
  Categorical; for Poisson sum_{k>=0} p(k) (log p(k) - log q(k)) to k = 2000 (the remaining tail of
  p is below 1e-300 for every rate used) with mpmath.loggamma for log k!.
* Uniform with p's support not inside q's: KL = +inf (p puts mass where q has none), stored as the
  string "inf".

Parameters are elbo4j's: Normal(loc, scale), Gamma(concentration, rate), Beta(concentration1, concentration0),
Exponential(rate), Laplace(loc, scale), Uniform(low, high), Poisson(rate), Bernoulli(probs or
logits), Categorical(probs). The pairs include near-equal distributions (KL of 1e-5 to 1e-3, where
a closed form written as a difference of large terms loses digits), extreme shapes (Gamma and Beta
concentrations 0.3 to 400) and tiny and large rates.
"""
import json
import os

import mpmath as mp

mp.mp.dps = 30
HERE = os.path.dirname(os.path.abspath(__file__))
QUAD_ERROR = mp.mpf("1e-20")
kls = []


def quad(f, points):
    value, error = mp.quad(f, points, error=True)
    assert error < QUAD_ERROR * max(1, abs(value)), (points, value, error)
    return value


def record(label, name, p, q, value):
    kls.append({"label": label, "p": {"distribution": name, "params": p}, "q": {"distribution": name, "params": q},
                "kl": "inf" if value == mp.inf else float(value)})


def args(params):
    return ", ".join(f"{k}={v}" for k, v in params.items())


def continuous(name, p, q, logp, logq, points, negligible=lambda x: False):
    """negligible(x): true where p's density is below e^-500 (skipped: exp(exp(u)) of a huge u is slow in mpmath)."""
    def integrand(x):
        if negligible(x):
            return mp.mpf(0)
        lp = logp(x)
        return mp.exp(lp) * (lp - logq(x))
    value = quad(integrand, points)
    record(f"{name}({args(p)}) || {name}({args(q)})", name, p, q, value)


def normal_logpdf(loc, scale):
    loc, scale = mp.mpf(loc), mp.mpf(scale)
    return lambda x: -mp.log(scale) - mp.log(2 * mp.pi) / 2 - ((x - loc) / scale) ** 2 / 2


for (mp_, sp), (mq, sq) in [((0.3, 1.7), (-1.0, 0.8)), ((0.0, 1.0), (0.0, 1.001)), ((1e3, 0.01), (0.0, 1e3)),
                            ((-2.0, 3.0), (-2.0005, 3.0))]:
    continuous("Normal", {"loc": mp_, "scale": sp}, {"loc": mq, "scale": sq}, normal_logpdf(mp_, sp),
               normal_logpdf(mq, sq), [-mp.inf, mp_ - 5 * sp, mp_, mp_ + 5 * sp, mp.inf])


def gamma_logpdf_of_log(a, b):
    """log of the density of U = log X for X ~ Gamma(a, rate b): log p_X(e^u) + u."""
    a, b = mp.mpf(a), mp.mpf(b)
    return lambda u: a * mp.log(b) - mp.loggamma(a) + a * u - b * mp.exp(u)


# KL is invariant under the change of variables u = log x, which makes the integrand smooth on the
# real line (no x^(a-1) singularity at 0 for a < 1); split at the mode of U, log(a/b).
for (ap, bp), (aq, bq) in [((2.5, 1.5), (1.2, 0.7)), ((0.3, 2.0), (1.0, 1.0)), ((50.0, 10.0), (45.0, 9.5)),
                           ((400.0, 20.0), (401.0, 20.0)), ((1.0, 3.0), (0.5, 0.1))]:
    mode = mp.log(mp.mpf(ap) / bp)
    sd = 1 / mp.sqrt(ap)
    continuous("Gamma", {"concentration": ap, "rate": bp}, {"concentration": aq, "rate": bq},
               gamma_logpdf_of_log(ap, bp), gamma_logpdf_of_log(aq, bq), [-mp.inf, mode - 3 * sd, mode, mode + 3 * sd, mp.inf],
               # log p(u) <= a (u - mode) + const on the left and <= -b e^u + a u + const on the right
               lambda u: u < mode - 600 / mp.mpf(ap) or u > mode + 10)


def beta_logpdf_of_logit(a, b):
    """log of the density of U = logit X for X ~ Beta(a, b): a log x + b log(1 - x) - log B(a, b), x = sigmoid(u)."""
    a, b = mp.mpf(a), mp.mpf(b)
    logb = mp.loggamma(a) + mp.loggamma(b) - mp.loggamma(a + b)
    return lambda u: -a * softplus(-u) - b * softplus(u) - logb


def softplus(u):
    """log(1 + e^u) without forming e^u for a large u."""
    return u + mp.log1p(mp.exp(-u)) if u > 0 else mp.log1p(mp.exp(u))


# u = logit x removes the endpoint singularities of a or b < 1; split at the mode of U, log(a/b).
for (ap, bp), (aq, bq) in [((2.0, 5.0), (1.5, 1.5)), ((0.5, 0.5), (3.0, 0.2)), ((200.0, 300.0), (190.0, 310.0)),
                           ((200.0, 300.0), (201.0, 300.0)), ((1.0, 1.0), (2.0, 2.0)), ((30.0, 0.8), (2.0, 2.0))]:
    mode = mp.log(mp.mpf(ap) / bp)
    sd = mp.sqrt(1 / mp.mpf(ap) + 1 / mp.mpf(bp))
    continuous("Beta", {"concentration1": ap, "concentration0": bp}, {"concentration1": aq, "concentration0": bq},
               beta_logpdf_of_logit(ap, bp), beta_logpdf_of_logit(aq, bq), [-mp.inf, mode - 3 * sd, mode, mode + 3 * sd, mp.inf])


def exponential_logpdf(rate):
    rate = mp.mpf(rate)
    return lambda x: mp.log(rate) - rate * x


for lp, lq in [(2.0, 0.5), (0.5, 2.0), (1.0, 1.01), (1e-3, 7.0), (30.0, 29.0)]:
    continuous("Exponential", {"rate": lp}, {"rate": lq}, exponential_logpdf(lp), exponential_logpdf(lq),
               [0, 1 / mp.mpf(lp), mp.inf])


def laplace_logpdf(loc, scale):
    loc, scale = mp.mpf(loc), mp.mpf(scale)
    return lambda x: -mp.log(2 * scale) - abs(x - loc) / scale


for (mp_, bp), (mq, bq) in [((0.3, 1.2), (-0.5, 2.0)), ((0.0, 1.0), (0.0, 1.0 + 1e-3)), ((5.0, 0.1), (-5.0, 3.0)),
                            ((-2.0, 4.0), (1.0, 0.5)), ((1.0, 1.0), (1.001, 1.0))]:
    lo, hi = sorted((mp.mpf(mp_), mp.mpf(mq)))
    pts = [-mp.inf, lo, hi, mp.inf] if lo < hi else [-mp.inf, lo, mp.inf]
    continuous("Laplace", {"loc": mp_, "scale": bp}, {"loc": mq, "scale": bq}, laplace_logpdf(mp_, bp),
               laplace_logpdf(mq, bq), pts)


def uniform_logpdf(low, high):
    low, high = mp.mpf(low), mp.mpf(high)
    return lambda x: -mp.log(high - low) if low <= x <= high else -mp.inf


for (ap, bp), (aq, bq) in [((0.2, 0.8), (0.0, 1.5)), ((-3.0, 4.0), (-3.0, 4.5)), ((10.0, 10.001), (0.0, 100.0))]:
    continuous("Uniform", {"low": ap, "high": bp}, {"low": aq, "high": bq}, uniform_logpdf(ap, bp),
               uniform_logpdf(aq, bq), [ap, bp])
for (ap, bp), (aq, bq) in [((0.2, 1.6), (0.0, 1.5)), ((-1.0, 0.5), (0.0, 1.5))]:
    # p has mass on [a_p, b_p] \ [a_q, b_q], where q's density is 0: the integrand is +inf on a set of positive p-measure.
    record(f"Uniform({ap}, {bp}) || Uniform({aq}, {bq}) (p outside q)", "Uniform", {"low": ap, "high": bp},
           {"low": aq, "high": bq}, mp.inf)


def poisson_logpmf(rate, k):
    rate = mp.mpf(rate)
    if rate == 0:
        return mp.mpf(0) if k == 0 else -mp.inf
    return k * mp.log(rate) - rate - mp.loggamma(k + 1)


for lp, lq in [(3.5, 5.0), (0.0, 2.0), (1e-3, 0.5), (100.0, 101.0), (2.0, 2.002)]:
    total = mp.mpf(0)
    for k in range(0, 2001):
        lpk = poisson_logpmf(lp, k)
        if lpk == -mp.inf:
            continue
        total += mp.exp(lpk) * (lpk - poisson_logpmf(lq, k))
    assert poisson_logpmf(lp, 2000) < -690, lp  # the tail beyond k = 2000 is below 1e-300
    record(f"Poisson({lp}) || Poisson({lq})", "Poisson", {"rate": lp}, {"rate": lq}, total)


def bernoulli_probs(params):
    if "probs" in params:
        return mp.mpf(params["probs"])
    return 1 / (1 + mp.exp(-mp.mpf(params["logits"])))


for p, q in [({"probs": 0.3}, {"probs": 0.65}), ({"probs": 0.5}, {"probs": 0.5005}), ({"logits": -30.0}, {"logits": 2.0}),
             ({"logits": 25.0}, {"logits": 24.0}), ({"probs": 0.999}, {"probs": 0.001})]:
    a, b = bernoulli_probs(p), bernoulli_probs(q)
    value = a * (mp.log(a) - mp.log(b)) + (1 - a) * (mp.log(1 - a) - mp.log(1 - b))
    record(f"Bernoulli({args(p)}) || Bernoulli({args(q)})", "Bernoulli", p, q, value)


for p, q in [([0.2, 0.5, 0.3], [0.4, 0.4, 0.2]), ([0.0, 0.25, 0.75], [0.1, 0.1, 0.8]),
             ([0.1, 0.2, 0.3, 0.4], [0.1, 0.2, 0.3001, 0.3999]), ([0.5, 0.5], [0.999, 0.001])]:
    a = [mp.mpf(v) for v in p]
    b = [mp.mpf(v) for v in q]
    value = sum((x * (mp.log(x) - mp.log(y)) for x, y in zip(a, b) if x > 0), mp.mpf(0))
    record(f"Categorical({p}) || Categorical({q})", "Categorical", {"probs": p}, {"probs": q}, value)

out = {"generator": "make_univariate_kl_reference.py", "mpmath": mp.__version__, "dps": mp.mp.dps, "kl": kls}
with open(os.path.join(HERE, "univariate_kl.json"), "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(f"wrote univariate_kl.json: {len(kls)} pairs")
