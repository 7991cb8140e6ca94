#!/usr/bin/env python3
"""Reference values for elbo4j's multivariate distributions and their KL divergences, computed
outside the project with numpy and scipy.

Run from this folder:  python3 make_multivariate_reference.py
Writes multivariate.json, read by io.github.elbo4j.distribution.multivariate.MultivariateReferenceTest.

* MultivariateNormal (scale_tril / covariance / precision), LowRankMultivariateNormal:
  scipy.stats.multivariate_normal(mean, cov).logpdf / .entropy; mean = loc, variance = diag(cov).
  The precision case hands scipy cov = inv(precision).
* Dirichlet: scipy.stats.dirichlet logpdf / mean / var / entropy.
* Wishart: scipy.stats.wishart(df, scale) logpdf / mean / var / entropy.
* LKJCholesky: scipy has none. log p(L) = (eta - 1) log det(L L^T) + sum_j (d - j) log L_jj - log c_d,
  with the normalizing constant c_d of Lewandowski, Kurowicka & Joe (2009), eq. (16), and the
  Jacobian of L -> L L^T on the strict lower entries (prod_{j=1}^{d-1} L_jj^{d-j}). Moments and the
  entropy come from numerical integration (scipy.integrate) of the row densities, which are
  independent: row i (1-based) has density proportional to L_ii^{d - i + 2 eta - 2} on the unit
  ball of its first i - 1 entries.
* KL: Gaussian pairs from the textbook formula with numpy.linalg.inv / slogdet on full covariance
  matrices; Dirichlet pairs with K = 2 by scipy.integrate.quad of p log(p/q) (Beta densities), and
  K = 3 from the digamma formula evaluated with scipy.special.
"""
import json
import math
import os

import numpy as np
import scipy
from scipy import integrate, special, stats

rng = np.random.default_rng(20251123)
cases = []
kls = []


def spd(d, cond=None):
    a = rng.normal(size=(d, d))
    m = a @ a.T + d * np.eye(d)
    if cond is not None:
        w, v = np.linalg.eigh(m)
        w = np.geomspace(1.0, cond, d)
        m = (v * w) @ v.T
        m = 0.5 * (m + m.T)
    return m


def mvn_points(loc, cov, scales=(0.0, 0.3, 1.0, 3.0, 30.0)):
    l = np.linalg.cholesky(cov)
    pts = []
    for s in scales:
        e = rng.normal(size=loc.shape)
        e = e / np.linalg.norm(e) * s * math.sqrt(len(loc))
        pts.append(loc + l @ e)
    return np.array(pts)


def tl(a):
    return np.asarray(a, dtype=float).tolist()


def add_mvn(label, loc, cov, form, tolerance=None):
    d = len(loc)
    x = mvn_points(loc, cov)
    ref = stats.multivariate_normal(loc, cov)
    params = {"loc": tl(loc)}
    if form == "scale_tril":
        params["scale_tril"] = tl(np.linalg.cholesky(cov))
    elif form == "covariance":
        params["covariance"] = tl(cov)
    c = {"distribution": "MultivariateNormal", "label": label, "params": params, "x": tl(x),
         "log_prob": tl(ref.logpdf(x)), "mean": tl(loc), "variance": tl(np.diag(cov)), "entropy": float(ref.entropy())}
    if tolerance:
        c["tolerance"] = tolerance
    cases.append(c)


for d in (1, 3, 5):
    loc = rng.normal(size=d) * 2
    cov = spd(d)
    add_mvn(f"d={d} scale_tril", loc, cov, "scale_tril")
    add_mvn(f"d={d} covariance", loc, cov, "covariance")
    # precision: elbo4j gets P, scipy gets inv(P)
    prec = spd(d)
    cov_p = np.linalg.inv(prec)
    x = mvn_points(loc, cov_p)
    ref = stats.multivariate_normal(loc, cov_p)
    cases.append({"distribution": "MultivariateNormal", "label": f"d={d} precision", "params": {"loc": tl(loc), "precision": tl(prec)},
                  "x": tl(x), "log_prob": tl(ref.logpdf(x)), "mean": tl(loc), "variance": tl(np.diag(cov_p)),
                  "entropy": float(ref.entropy())})
# ill-conditioned covariance (condition number 1e8): rounding in the Cholesky factor of the
# covariance limits the agreement to about cond * 1e-16 relative on log p
loc = np.array([1.0, -2.0, 0.5, 3.0])
add_mvn("d=4 cond=1e8 covariance", loc, spd(4, cond=1e8), "covariance", tolerance=1e-8)

# LowRankMultivariateNormal
for d, r in ((2, 1), (4, 2), (6, 3)):
    loc = rng.normal(size=d)
    w = rng.normal(size=(d, r))
    diag = rng.uniform(0.2, 2.0, size=d)
    cov = w @ w.T + np.diag(diag)
    x = mvn_points(loc, cov)
    ref = stats.multivariate_normal(loc, cov)
    cases.append({"distribution": "LowRankMultivariateNormal", "label": f"d={d} r={r}",
                  "params": {"loc": tl(loc), "cov_factor": tl(w), "cov_diag": tl(diag)}, "x": tl(x),
                  "log_prob": tl(ref.logpdf(x)), "mean": tl(loc), "variance": tl(np.diag(cov)), "entropy": float(ref.entropy())})

# Dirichlet
for alpha in ([1.0, 1.0, 1.0], [0.5, 2.0, 3.5], [10.0, 20.0, 0.1, 5.0], [0.05, 0.05], [300.0, 200.0, 500.0]):
    alpha = np.array(alpha)
    ref = stats.dirichlet(alpha)
    x = rng.dirichlet(alpha, size=4)
    x = np.vstack([x, alpha / alpha.sum()])
    x = np.clip(x, 1e-300, None)
    x = x / x.sum(axis=1, keepdims=True)
    lp = [float(ref.logpdf(xi)) for xi in x]
    cases.append({"distribution": "Dirichlet", "label": f"alpha={alpha.tolist()}", "params": {"concentration": tl(alpha)},
                  "x": tl(x), "log_prob": lp, "mean": tl(ref.mean()), "variance": tl(ref.var()), "entropy": float(ref.entropy())})

# Wishart
for d, df in ((1, 2.5), (2, 1.5), (3, 3.0), (3, 11.0), (5, 7.25)):
    scale = spd(d) / d
    ref = stats.wishart(df=df, scale=scale)
    xs = [ref.rvs(random_state=rng) for _ in range(4)]
    xs = [np.atleast_2d(x) for x in xs] + [np.eye(d)]
    lp = [float(ref.logpdf(x)) for x in xs]
    cases.append({"distribution": "Wishart", "label": f"d={d} df={df}", "params": {"df": df, "scale_tril": tl(np.linalg.cholesky(scale))},
                  "x": tl(np.array(xs)), "log_prob": lp, "mean": tl(np.atleast_2d(ref.mean())),
                  "variance": tl(np.atleast_2d(ref.var())), "entropy": float(ref.entropy())})


# LKJCholesky, from the paper's normalizing constant
def lkj_log_cd(d, eta):
    """log c_d of LKJ (2009) eq. (16): integral of det(R)^(eta-1) over d x d correlation matrices."""
    s = 0.0
    for k in range(1, d):
        s += (2 * eta - 2 + d - k) * (d - k) * math.log(2)
        b = eta + (d - k - 1) / 2
        s += (d - k) * (special.betaln(b, b))
    return s


def lkj_logpdf(lmat, eta):
    d = lmat.shape[0]
    diag = np.diag(lmat)
    jac = sum((d - j) * math.log(diag[j - 1]) for j in range(1, d))
    return (eta - 1) * 2 * np.sum(np.log(diag)) + jac - lkj_log_cd(d, eta)


def onion_log_normalizer(d, eta):
    """elbo4j's derivation (LkjCholesky javadoc), only to assert agreement with the paper."""
    return sum(special.gammaln(eta + (d - 1) / 2) - special.gammaln(eta + (d - 1 - k) / 2) for k in range(1, d)) \
        - d * (d - 1) / 4 * math.log(math.pi)


def random_corr_cholesky(d):
    a = rng.normal(size=(d, d + 2))
    c = a @ a.T
    s = np.sqrt(np.diag(c))
    return np.linalg.cholesky(c / np.outer(s, s))


def row_expectation(f, k, power, log_factor=False):
    """E[f(r)] (times log(1 - r^2) when log_factor) for a row whose first k entries w have density
    proportional to (1 - |w|^2)^(power/2) on the unit ball, f a function of r = |w| (of w itself when
    k == 1). Quadrature with the endpoint singularities as algebraic(-logarithmic) weights
    (QUADPACK QAWS): (1 - w^2)^(p/2) = (1 - w)^(p/2) (1 + w)^(p/2), log(1 - r^2) = log(1 - r) + log(1 + r)."""
    a = power / 2
    q = lambda g, **kw: integrate.quad(g, -1 if k == 1 else 0, 1, epsabs=0, epsrel=1e-13, limit=200, **kw)[0]
    if k == 1:
        z = q(lambda w: 1.0, weight="alg", wvar=(a, a))
        if not log_factor:
            return q(f, weight="alg", wvar=(a, a)) / z
        return (q(f, weight="alg-loga", wvar=(a, a)) + q(f, weight="alg-logb", wvar=(a, a))) / z
    g = lambda r: (1 + r) ** a
    z = q(g, weight="alg", wvar=(k - 1, a))
    if not log_factor:
        return q(lambda r: f(r) * g(r), weight="alg", wvar=(k - 1, a)) / z
    return (q(lambda r: f(r) * g(r), weight="alg-logb", wvar=(k - 1, a))
            + q(lambda r: f(r) * g(r) * math.log1p(r), weight="alg", wvar=(k - 1, a))) / z


for d, eta in ((2, 1.0), (2, 0.5), (3, 2.0), (4, 0.8), (5, 5.0)):
    assert abs(onion_log_normalizer(d, eta) + lkj_log_cd(d, eta)) < 1e-12 * max(1.0, abs(lkj_log_cd(d, eta))), (d, eta)
    xs = [random_corr_cholesky(d) for _ in range(4)] + [np.eye(d)]
    lp = [float(lkj_logpdf(x, eta)) for x in xs]
    mean = np.zeros((d, d))
    var = np.zeros((d, d))
    mean[0, 0] = 1.0
    entropy = lkj_log_cd(d, eta)
    for i in range(2, d + 1):  # 1-based row with k = i - 1 free entries
        k = i - 1
        power = d - i + 2 * eta - 2  # exponent of L_ii = sqrt(1 - r^2)
        diag = (lambda r: math.sqrt(1 - r * r)) if k > 1 else (lambda w: math.sqrt(1 - w * w))
        m = row_expectation(diag, k, power)
        m2 = row_expectation(lambda r: 1 - r * r, k, power)
        mean[i - 1, i - 1] = m
        var[i - 1, i - 1] = m2 - m * m
        # off-diagonal: E[w_j^2] = E[r^2] / k by symmetry, mean 0
        for j in range(k):
            var[i - 1, j] = row_expectation(lambda r: r * r, k, power) / k
        entropy -= power * 0.5 * row_expectation(lambda r: 1.0, k, power, log_factor=True)
    cases.append({"distribution": "LKJCholesky", "label": f"d={d} eta={eta}", "params": {"dim": d, "concentration": eta},
                  "x": tl(np.array(xs)), "log_prob": lp, "mean": tl(mean), "variance": tl(var), "entropy": float(entropy),
                  "tolerance": 1e-11})  # quadrature of the row densities: ~1e-12 relative


# KL divergences
def gauss_kl(mp, cp, mq, cq):
    d = len(mp)
    iq = np.linalg.inv(cq)
    dm = mq - mp
    return 0.5 * (np.trace(iq @ cp) + dm @ iq @ dm - d + np.linalg.slogdet(cq)[1] - np.linalg.slogdet(cp)[1])


def gaussian_params(form, loc, cov=None, w=None, diag=None, prec=None):
    if form == "low_rank":
        return {"distribution": "LowRankMultivariateNormal", "params": {"loc": tl(loc), "cov_factor": tl(w), "cov_diag": tl(diag)}}
    if form == "precision":
        return {"distribution": "MultivariateNormal", "params": {"loc": tl(loc), "precision": tl(prec)}}
    if form == "covariance":
        return {"distribution": "MultivariateNormal", "params": {"loc": tl(loc), "covariance": tl(cov)}}
    return {"distribution": "MultivariateNormal", "params": {"loc": tl(loc), "scale_tril": tl(np.linalg.cholesky(cov))}}


def random_gaussian(form, d):
    loc = rng.normal(size=d)
    if form == "low_rank":
        w = rng.normal(size=(d, 2))
        diag = rng.uniform(0.3, 1.5, size=d)
        return gaussian_params(form, loc, w=w, diag=diag), loc, w @ w.T + np.diag(diag)
    if form == "precision":
        prec = spd(d)
        return gaussian_params(form, loc, prec=prec), loc, np.linalg.inv(prec)
    cov = spd(d)
    return gaussian_params(form, loc, cov=cov), loc, cov


forms = ("scale_tril", "covariance", "precision", "low_rank")
for fp in forms:
    for fq in forms:
        p, mp, cp = random_gaussian(fp, 4)
        q, mq, cq = random_gaussian(fq, 4)
        kls.append({"label": f"{fp} || {fq}", "p": p, "q": q, "kl": float(gauss_kl(mp, cp, mq, cq))})


def dirichlet_kl(a, b):
    a0, b0 = a.sum(), b.sum()
    return float(special.gammaln(a0) - special.gammaln(a).sum() - special.gammaln(b0) + special.gammaln(b).sum()
                 + ((a - b) * (special.digamma(a) - special.digamma(a0))).sum())


for a, b in (([2.0, 3.0], [0.5, 0.7]), ([1.0, 1.0], [4.0, 9.0]), ([30.0, 0.8], [2.0, 2.0])):
    pa, pb = stats.beta(*a), stats.beta(*b)
    val = integrate.quad(lambda t: pa.pdf(t) * (pa.logpdf(t) - pb.logpdf(t)), 0, 1, epsabs=1e-15, epsrel=1e-13, limit=500)[0]
    kls.append({"label": f"Dir{a} || Dir{b} by quadrature", "p": {"distribution": "Dirichlet", "params": {"concentration": a}},
                "q": {"distribution": "Dirichlet", "params": {"concentration": b}}, "kl": val, "tolerance": 1e-12})  # quad, epsrel 1e-13
for a, b in (([0.5, 2.0, 3.5], [1.0, 1.0, 1.0]), ([10.0, 20.0, 0.1], [3.0, 0.2, 8.0])):
    kls.append({"label": f"Dir{a} || Dir{b}", "p": {"distribution": "Dirichlet", "params": {"concentration": a}},
                "q": {"distribution": "Dirichlet", "params": {"concentration": b}}, "kl": dirichlet_kl(np.array(a), np.array(b))})

# Seed 002 (a mixture of K = 4 Laplace components, the notebook's generator replayed with numpy's legacy
# RandomState: seed 2314, randint(0, 4, 200) for the labels, then per component mean = 20 U, scale = 3 U and
# one laplace draw, as the notebook's loop does). Weights 1/4 each (the labels are uniform). The mixture
# log-density at a grid, with Laplace components (scipy.stats.laplace) and with Normal components of
# the same locations and scales (scipy.stats.norm), by scipy.special.logsumexp.
legacy = np.random.RandomState(2314)
legacy.randint(0, 4, 200)
seed_locs, seed_scales = [], []
for _ in range(4):
    seed_locs.append(20 * legacy.random_sample())
    seed_scales.append(3 * legacy.random_sample())
    legacy.laplace(seed_locs[-1], seed_scales[-1], 1)
grid = np.linspace(-5.0, 25.0, 31)
log_w = np.log(np.full(4, 0.25))
seed002 = {"locs": seed_locs, "scales": seed_scales, "weights": [0.25] * 4, "x": tl(grid),
           "normal_log_prob": tl(special.logsumexp(stats.norm.logpdf(grid[:, None], seed_locs, seed_scales) + log_w, axis=1)),
           "laplace_log_prob": tl(special.logsumexp(stats.laplace.logpdf(grid[:, None], seed_locs, seed_scales) + log_w, axis=1))}

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "multivariate.json"), "w") as f:
    json.dump({"generator": "make_multivariate_reference.py", "scipy": scipy.__version__, "numpy": np.__version__,
               "cases": cases, "kl": kls, "seed002": seed002}, f, indent=1)
print(f"wrote {len(cases)} cases and {len(kls)} KL values")
