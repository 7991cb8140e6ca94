#!/usr/bin/env python3
"""Reference values for elbo4j's coordinate-ascent VI (package io.github.elbo4j.cavi.conjugate), computed
outside the project with scipy, numpy and mpmath.

Run from this folder:  python3 make_cavi_reference.py   (about 5 minutes; the output is deterministic)
Writes cavi_reference.json, read by the tests in src/test/java/io/github/elbo4j/cavi/conjugate (each test
names the section it reads). Numbers are written with Python's shortest round-trip repr.

Every quantity is computed by a route different from the Java code's closed forms, so the tests
check the derivations and not only the arithmetic:

beta_binomial   log evidence by mpmath quadrature of p(k | t) p(t) (checked against
                scipy.stats.betabinom.logpmf); the ELBO of a Beta q by
                mpmath quadrature of q(t) [log p(k | t) + log p(t) - log q(t)] at 40 digits (no
                digamma anywhere); KL(q || posterior) by the same quadrature.
normal_gamma    log evidence from scipy.stats.multivariate_t (x ~ t_{2 a0}(mu0 1,
                (b0 / a0)(I + 1 1^T / lambda0))); the exact posterior by updating one observation
                at a time; the Student-t variance of mu from scipy.stats.t; the ELBO of every
                sweep by numerical integration of q(mu) q(tau) log p(x, mu, tau) (Gauss-Hermite
                over mu, scipy quad over log tau) plus scipy's entropies.
                The CAVI path itself is Bishop's updates (10.26)-(10.30) in numpy.
gaussian_chain  the exact posterior by Gaussian conditioning of the joint covariance of (z, x)
                built from the generative process; the mean-field fixed point by minimizing
                KL(q || posterior) with scipy.optimize (checked against 1 / Lambda_kk); the ELBO
                of every sweep as log p(x) - KL(q || posterior) (closed-form Gaussian KL).
linear_regression  synthetic data (seeded numpy); CAVI in numpy with the ELBO of every sweep in
                numpy, and at sampled sweeps (the first six, every 40th, the last) again with the
                expectations under the Gamma factors taken by numerical quadrature (scipy quad,
                over log t) and scipy's Gaussian and Gamma entropies; predictive
                mean and variance at test points; for the shared-precision model the exact log
                evidence by 2-D quadrature over (log alpha, log beta).

The seed document's coin example (Beta(2, 2) prior, 6 heads in 10 tosses) is also summarized
here, since some of its numbers are wrong (see "seed_coin").
"""
import json
import math
import os
import warnings

import mpmath as mp
import numpy as np
import scipy
from scipy import integrate, optimize, stats
from scipy.special import digamma, gammaln

mp.mp.dps = 40
# quad warns about roundoff when asked for 1e-13; every integrated value is asserted against its closed form
# below (to 1e-9 relative or better), which is the real accuracy check
warnings.filterwarnings("ignore", category=integrate.IntegrationWarning)
out = {"generator": "make_cavi_reference.py", "scipy": scipy.__version__, "numpy": np.__version__,
       "mpmath": mp.__version__}


def floats(a):
    return [float(v) for v in np.asarray(a, dtype=float).ravel()]


# ---- Beta-Binomial ------------------------------------------------------------------------

def logit_quad(f, shapes):
    """The integral over t in (0, 1) of f(log t, log(1 - t)) dt, taken over u = logit t as the integral of
    f(...) t (1 - t) du, by Gauss-Legendre on intervals of half a standard deviation of logit t under each
    Beta(p, r) of shapes, 40 standard deviations either side (plain mp.quad on (0, 1) misjudges its own error
    on peaked integrands such as Beta(950, 180): it returned B(950, 180) with relative error 2e-6)."""
    pts = set()
    for p, r in shapes:
        p, r = mp.mpf(p), mp.mpf(r)
        centre, sd = mp.digamma(p) - mp.digamma(r), mp.sqrt(mp.psi(1, p) + mp.psi(1, r))
        for z in range(-80, 81):
            pts.add(centre + z * sd / 2)
    pts = [-mp.inf] + sorted(pts) + [mp.inf]

    def g(u):
        lt, l1 = -mp.log1p(mp.exp(-u)), -mp.log1p(mp.exp(u))
        return f(lt, l1) * mp.exp(lt + l1)

    return mp.quad(g, pts, method="gauss-legendre")


def log_beta_pdf(lt, l1, p, r):
    return (p - 1) * lt + (r - 1) * l1 - (mp.loggamma(p) + mp.loggamma(r) - mp.loggamma(p + r))


def beta_binomial_log_evidence_quadrature(a, b, k, n):
    """log of the integral of C(n, k) t^k (1 - t)^(n - k) Beta(t | a, b) over (0, 1), at 40 digits."""
    a, b = mp.mpf(a), mp.mpf(b)
    log_choose = mp.loggamma(n + 1) - mp.loggamma(k + 1) - mp.loggamma(n - k + 1)
    return float(mp.log(logit_quad(lambda lt, l1: mp.exp(log_choose + k * lt + (n - k) * l1 + log_beta_pdf(lt, l1, a, b)),
                                   [(a + k, b + n - k)])))


def beta_binomial_elbo_quadrature(a, b, k, n, qa, qb):
    """ELBO and KL(q || posterior) by quadrature, from log densities written out directly (no digamma)."""
    a, b, qa, qb = mp.mpf(a), mp.mpf(b), mp.mpf(qa), mp.mpf(qb)
    log_choose = mp.loggamma(n + 1) - mp.loggamma(k + 1) - mp.loggamma(n - k + 1)
    pa, pb = a + k, b + n - k

    def log_joint(lt, l1):
        return log_choose + k * lt + (n - k) * l1 + log_beta_pdf(lt, l1, a, b)

    shapes = [(qa, qb), (pa, pb)]
    elbo = logit_quad(lambda lt, l1: mp.exp(log_beta_pdf(lt, l1, qa, qb)) * (log_joint(lt, l1) - log_beta_pdf(lt, l1, qa, qb)),
                      shapes)
    kl = logit_quad(lambda lt, l1: mp.exp(log_beta_pdf(lt, l1, qa, qb)) * (log_beta_pdf(lt, l1, qa, qb)
                                                                          - log_beta_pdf(lt, l1, pa, pb)), shapes)
    return float(elbo), float(kl)


bb_cases = []
for a, b, k, n in [(2.0, 2.0, 6, 10), (1.0, 1.0, 0, 10), (0.5, 0.5, 3, 7), (3.5, 1.2, 40, 100),
                   (1.0, 1.0, 0, 0), (50.0, 80.0, 900, 1000)]:
    pa, pb = a + k, b + n - k
    log_evidence = beta_binomial_log_evidence_quadrature(a, b, k, n)
    assert abs(log_evidence - stats.betabinom.logpmf(k, n, a, b)) <= 1e-12 * max(1.0, abs(log_evidence))
    qs = []
    for qa, qb in [(pa, pb), (a, b), (pa + 1.3, pb * 0.7), (0.6 * pa + 0.2, 1.5 * pb), (pa * 4, pb * 4)]:
        elbo, kl = beta_binomial_elbo_quadrature(a, b, k, n, qa, qb)
        qs.append({"alpha": qa, "beta": qb, "elbo": elbo, "kl_to_posterior": kl})
    assert abs(qs[0]["elbo"] - log_evidence) < 1e-14 * max(1.0, abs(log_evidence))
    for q in qs:
        assert abs(q["elbo"] - (log_evidence - q["kl_to_posterior"])) < 1e-14 * max(1.0, abs(q["elbo"]))
    bb_cases.append({"prior_alpha": a, "prior_beta": b, "successes": k, "trials": n,
                     "posterior_alpha": pa, "posterior_beta": pb, "log_evidence": log_evidence, "q": qs})
out["beta_binomial"] = bb_cases

post = stats.beta(8, 6)
out["seed_coin"] = {
    "note": "Beta(2,2) prior, 6 heads in 10 tosses -> Beta(8,6); the seed gives mean 0.571 (right), "
            "median 0.568 (wrong), mode 0.538 (wrong), variance 0.021 (wrong), 95% interval [0.412, 0.718] (wrong)",
    "mean": float(post.mean()), "median": float(post.median()), "mode": 7.0 / 12.0,
    "variance": float(post.var()), "interval95": floats(post.interval(0.95)),
    "binomial_5_of_10": float(stats.binom.pmf(5, 10, 0.5)), "binomial_10_of_10": float(stats.binom.pmf(10, 10, 0.5)),
}


# ---- Normal with unknown mean and precision (Bishop PRML 10.1.3) --------------------------

def normal_gamma_exact_sequential(x, m, lam, a, b):
    for xi in x:
        b = b + lam * (xi - m) ** 2 / (2 * (lam + 1))
        m = (lam * m + xi) / (lam + 1)
        lam = lam + 1
        a = a + 0.5
    return m, lam, a, b


def normal_gamma_elbo_numeric(x, prior, q):
    """E_q[log p(x, mu, tau)] by quadrature of the log densities, plus scipy entropies: over mu by
    40-point Gauss-Hermite (exact here, the log joint being quadratic in mu), over log tau by adaptive
    quad on q's central mass (1 - 2e-15)."""
    mu0, lam0, a0, b0 = prior
    m, lam, a, b = q
    xs = np.asarray(x)
    qmu = stats.norm(m, 1 / math.sqrt(lam))
    qtau = stats.gamma(a, scale=1 / b)
    nodes, weights = np.polynomial.hermite_e.hermegauss(40)
    mus = m + nodes / math.sqrt(lam)
    weights = weights / weights.sum()

    def over_mu(v):  # v = log tau; q(tau) dtau = q(e^v) e^v dv. The densities are written in v so that the
        tau = math.exp(v)  # far left tail (tau underflowing to 0 for shapes ~1e-3) stays finite
        log_lik = (0.5 * v - 0.5 * math.log(2 * math.pi) - 0.5 * tau * (xs[None, :] - mus[:, None]) ** 2).sum(axis=1)
        log_mu_prior = 0.5 * (math.log(lam0) + v) - 0.5 * math.log(2 * math.pi) - 0.5 * lam0 * tau * (mus - mu0) ** 2
        log_tau_prior = a0 * math.log(b0) - gammaln(a0) + (a0 - 1) * v - b0 * tau
        log_q_v = a * math.log(b) - gammaln(a) + a * v - b * tau
        return math.exp(log_q_v) * float(weights @ (log_lik + log_mu_prior + log_tau_prior))

    # central mass 1 - 2e-15 of log tau; for tiny shapes the lower quantile underflows, so take it from
    # P(tau) ~ (b tau)^a / Gamma(a + 1) near 0
    lo = (math.log(1e-15) + gammaln(a + 1)) / a - math.log(b)
    if qtau.ppf(1e-15) > 0:
        lo = min(lo, math.log(qtau.ppf(1e-15)))
    hi = math.log(qtau.isf(1e-15))
    val, _ = integrate.quad(over_mu, lo, hi, points=[math.log(a / b)], epsabs=0, epsrel=1e-13, limit=1000)
    return val + qmu.entropy() + qtau.entropy()


def normal_gamma_elbo_closed(x, prior, q):
    mu0, lam0, a0, b0 = prior
    m, lam, a, b = q
    n = len(x)
    e_log_tau, e_tau = digamma(a) - math.log(b), a / b
    sq = float(np.sum((np.asarray(x) - m) ** 2)) + n / lam
    return (n / 2 * (e_log_tau - math.log(2 * math.pi)) - e_tau / 2 * sq
            + 0.5 * (math.log(lam0) + e_log_tau - math.log(2 * math.pi)) - lam0 * e_tau / 2 * ((m - mu0) ** 2 + 1 / lam)
            + a0 * math.log(b0) - gammaln(a0) + (a0 - 1) * e_log_tau - b0 * e_tau
            + 0.5 * (1 + math.log(2 * math.pi) - math.log(lam))
            + a - math.log(b) + gammaln(a) + (1 - a) * digamma(a))


def normal_gamma_cavi(x, prior, tol, max_sweeps=1000):
    """Bishop (10.26)-(10.30); starts from q(mu) = N(mu0, 1 / (lambda0 a0 / b0)), q(tau) = prior."""
    mu0, lam0, a0, b0 = prior
    xs = np.asarray(x)
    n = len(xs)
    q = (mu0, lam0 * a0 / b0, a0, b0)
    path = [q]
    for sweep in range(1, max_sweeps + 1):
        e_tau = q[2] / q[3]
        m = (lam0 * mu0 + xs.sum()) / (lam0 + n)
        lam = (lam0 + n) * e_tau
        a = a0 + (n + 1) / 2
        b = b0 + 0.5 * (float(np.sum((xs - m) ** 2)) + n / lam + lam0 * ((m - mu0) ** 2 + 1 / lam))
        new = (m, lam, a, b)
        done = all(abs(u - v) <= tol * (1 + abs(u)) for u, v in zip(new, q))
        q = new
        path.append(q)
        if done:
            break
    return path


rng = np.random.default_rng(20240601)
ng_cases = []
for name, prior, x in [
        ("n25", (0.0, 0.5, 2.0, 1.5), rng.normal(2.0, 1.5, 25)),
        ("n3", (1.0, 2.0, 0.8, 0.3), rng.normal(-0.5, 0.4, 3)),
        ("n200", (5.0, 0.01, 1e-3, 1e-3), rng.normal(4.0, 0.7, 200))]:
    x = [float(v) for v in x]
    mu0, lam0, a0, b0 = prior
    n = len(x)
    log_evidence = float(stats.multivariate_t(loc=np.full(n, mu0), shape=(b0 / a0) * (np.eye(n) + np.ones((n, n)) / lam0),
                                              df=2 * a0).logpdf(np.asarray(x)))
    mN, lamN, aN, bN = normal_gamma_exact_sequential(x, mu0, lam0, a0, b0)
    t_marginal = stats.t(df=2 * aN, loc=mN, scale=math.sqrt(bN / (aN * lamN)))
    path = normal_gamma_cavi(x, prior, tol=1e-13)
    elbo_numeric = [normal_gamma_elbo_numeric(x, prior, q) for q in path]
    elbo_closed = [normal_gamma_elbo_closed(x, prior, q) for q in path]
    for u, v in zip(elbo_numeric, elbo_closed):
        assert abs(u - v) <= 1e-9 * abs(v), (name, u, v)
    fixed = path[-1]
    ng_cases.append({
        "name": name, "prior": list(prior), "x": x, "log_evidence": log_evidence,
        "exact_posterior": [mN, lamN, aN, bN], "exact_mu_variance": float(t_marginal.var()),
        "exact_tau_mean": float(stats.gamma(aN, scale=1 / bN).mean()),
        "cavi_path": [list(map(float, q)) for q in path], "elbo_numeric": elbo_numeric, "elbo_closed": elbo_closed,
        "fixed_point": list(map(float, fixed)), "mean_field_mu_variance": 1 / fixed[1],
        "variance_ratio": (1 / fixed[1]) / float(t_marginal.var()),
    })
out["normal_gamma"] = ng_cases


# ---- Gaussian chain (seed 003) ------------------------------------------------------------

def chain_joint_covariance(length, v0, v, vo):
    """(z_1..z_K, x) = B e with e standard normal: z_1 = sqrt(v0) e_1, z_{k+1} = z_k + sqrt(v) e_{k+1},
    x = z_K + sqrt(vo) e_{K+1}."""
    b = np.zeros((length + 1, length + 1))
    for i in range(length + 1):
        for j in range(i + 1):
            if i == length and j == length:
                b[i, j] = math.sqrt(vo)
            elif j < length:
                b[i, j] = math.sqrt(v0) if j == 0 else math.sqrt(v)
    return b @ b.T


def gaussian_kl(m1, s1, m2, s2):
    k = len(m1)
    s2inv = np.linalg.inv(s2)
    d = m2 - m1
    return 0.5 * (np.trace(s2inv @ s1) + d @ s2inv @ d - k + np.linalg.slogdet(s2)[1] - np.linalg.slogdet(s1)[1])


chain_cases = []
for length, v0, v, vo, x in [(2, 1.0, 1.0, 1.0, 1.0), (2, 1.0, 1.0, 1.0, -2.75), (2, 1.0, 1.0, 1.0, 0.0),
                             (5, 2.0, 0.5, 0.3, 1.7), (1, 0.7, 1.0, 1.3, 0.9)]:
    c = chain_joint_covariance(length, v0, v, vo)
    szz, szx, sxx = c[:length, :length], c[:length, length], c[length, length]
    mean = szx * x / sxx
    cov = szz - np.outer(szx, szx) / sxx
    log_evidence = float(stats.norm.logpdf(x, 0, math.sqrt(sxx)))
    precision = np.linalg.inv(cov)

    def neg_elbo(p):
        return -(log_evidence - gaussian_kl(p[:length], np.diag(np.exp(p[length:])), mean, cov))

    opt = optimize.minimize(neg_elbo, np.zeros(2 * length), method="BFGS", options={"gtol": 1e-12})
    mf_var = np.exp(opt.x[length:])
    assert np.allclose(mf_var, 1 / np.diag(precision), rtol=1e-6), (mf_var, 1 / np.diag(precision))
    assert np.allclose(opt.x[:length], mean, atol=1e-6)
    mf_var = 1 / np.diag(precision)
    # Gauss-Seidel CAVI from the prior marginals (means 0, variances v0 + (k - 1) v):
    # q(z_k) = N((h_k - sum_{j != k} Lambda_kj m_j) / Lambda_kk, 1 / Lambda_kk) with h = Lambda mu
    h = precision @ mean
    m, s = np.zeros(length), np.diag(szz).copy()
    elbos = [log_evidence - gaussian_kl(m, np.diag(s), mean, cov)]
    means_path = [m.copy()]
    for sweep in range(200):
        old = np.concatenate([m, s])
        for k in range(length):
            m[k] = (h[k] - precision[k] @ m + precision[k, k] * m[k]) / precision[k, k]
            s[k] = 1 / precision[k, k]
        elbos.append(log_evidence - gaussian_kl(m, np.diag(s), mean, cov))
        means_path.append(m.copy())
        new = np.concatenate([m, s])
        if np.all(np.abs(new - old) <= 1e-12 * (1 + np.abs(new))):
            break
    chain_cases.append({
        "length": length, "prior_variance": v0, "transition_variance": v, "observation_variance": vo, "x": x,
        "exact_mean": floats(mean), "exact_covariance": floats(cov), "log_evidence": log_evidence,
        "mean_field_variances": floats(mf_var),
        "fixed_point_elbo": float(log_evidence - gaussian_kl(mean, np.diag(mf_var), mean, cov)),
        "elbo_path": floats(elbos), "means_path": [floats(p) for p in means_path[:6]],
    })
out["gaussian_chain"] = chain_cases


# ---- Bayesian linear regression (Bishop PRML 10.3, with Gamma priors on alpha and beta; ARD) --

def gamma_expect(shape, rate, f):
    """E[f(t)] under Gamma(shape, rate), integrated over v = log t, whose density is
    exp(a v + a log b - log Gamma(a) - b e^v), by scipy's adaptive quad on pieces: 60 of width max(1, 1/a) below lo, then steps of 1
    from lo = log(a / b) - 10 (10 below the mode of v) to hi = log((a + 50) / b) (past the density's cliff),
    then [hi, inf). Plain quad over t in (0, inf) fails for shapes ~1e-6, whose mass spreads over millions of
    units of log t. f receives v and returns f(e^v)."""
    a, b = shape, rate
    lo, hi = math.log(a / b) - 10, math.log((a + 50) / b)
    log_norm = a * math.log(b) - gammaln(a)

    def g(v):
        return math.exp(log_norm + a * v - b * math.exp(v)) * f(v)

    width = max(1.0, 1 / a)  # the left tail decays like e^{a v}: 60 pieces of width 1/a, then nothing (e^-60)
    edges = [lo - width * k for k in range(60, 0, -1)] + list(np.arange(lo, hi, 1.0)) + [hi, np.inf]
    total = 0.0
    for left, right in zip(edges[:-1], edges[1:]):
        total += integrate.quad(g, left, right, epsabs=0, epsrel=1e-13, limit=500)[0]
    return total


def gamma_log_pdf(shape, rate):
    """log Gamma(e^v | shape, rate) as a function of v = log t."""
    return lambda v: shape * math.log(rate) - gammaln(shape) + (shape - 1) * v - rate * math.exp(v)


def regression_elbo_numeric(x, y, hyper, ard, q):
    a0, b0, c0, d0 = hyper
    m, s, a, b, c, d = q
    n, k = x.shape
    e_log_beta, e_beta = gamma_expect(c, d, lambda v: v), gamma_expect(c, d, math.exp)
    r = y - x @ m
    err = r @ r + np.trace(x @ s @ x.T)
    total = n / 2 * (e_log_beta - math.log(2 * math.pi)) - e_beta / 2 * err
    total += gamma_expect(c, d, gamma_log_pdf(c0, d0)) + stats.gamma(c, scale=1 / d).entropy()
    groups = [(list(range(k)), a[0], b[0])] if not ard else [([j], a[j], b[j]) for j in range(k)]
    for idx, aj, bj in groups:
        e_log_alpha, e_alpha = gamma_expect(aj, bj, lambda v: v), gamma_expect(aj, bj, math.exp)
        sq = float(sum(m[i] ** 2 + s[i, i] for i in idx))
        total += len(idx) / 2 * (e_log_alpha - math.log(2 * math.pi)) - e_alpha / 2 * sq
        total += gamma_expect(aj, bj, gamma_log_pdf(a0, b0)) + stats.gamma(aj, scale=1 / bj).entropy()
    total += stats.multivariate_normal(m, s).entropy()
    return float(total)


def regression_elbo_closed(x, y, hyper, ard, q):
    a0, b0, c0, d0 = hyper
    m, s, a, b, c, d = q
    n, k = x.shape

    def gamma_terms(p, r, p0, r0):  # E log p(t) + H[q(t)] and E log t, E t
        e_log, e = digamma(p) - math.log(r), p / r
        return (p0 * math.log(r0) - gammaln(p0) + (p0 - 1) * e_log - r0 * e
                + p - math.log(r) + gammaln(p) + (1 - p) * digamma(p)), e_log, e

    g, e_log_beta, e_beta = gamma_terms(c, d, c0, d0)
    r = y - x @ m
    total = g + n / 2 * (e_log_beta - math.log(2 * math.pi)) - e_beta / 2 * (r @ r + np.sum((x.T @ x) * s))
    groups = [(list(range(k)), a[0], b[0])] if not ard else [([j], a[j], b[j]) for j in range(k)]
    for idx, aj, bj in groups:
        g, e_log_alpha, e_alpha = gamma_terms(aj, bj, a0, b0)
        total += g + len(idx) / 2 * (e_log_alpha - math.log(2 * math.pi)) - e_alpha / 2 * sum(m[i] ** 2 + s[i, i] for i in idx)
    total += 0.5 * np.linalg.slogdet(s)[1] + k / 2 * (1 + math.log(2 * math.pi))
    return float(total)


def regression_cavi(x, y, hyper, ard, tol, max_sweeps=5000):
    """Updates q(w), then q(alpha), then q(beta); starts from q(alpha), q(beta) = priors and
    q(w) = N(0, I / E[alpha])."""
    a0, b0, c0, d0 = hyper
    n, k = x.shape
    groups = k if ard else 1
    a, b = np.full(groups, a0), np.full(groups, b0)
    c, d = c0, d0
    m, s = np.zeros(k), np.eye(k) * (b0 / a0)
    path = [(m, s, a, b, c, d)]
    xtx, xty = x.T @ x, x.T @ y
    for sweep in range(1, max_sweeps + 1):
        e_alpha = np.broadcast_to(a / b, (k,))
        e_beta = c / d
        s = np.linalg.inv(np.diag(e_alpha) + e_beta * xtx)
        m = e_beta * s @ xty
        eww = m ** 2 + np.diag(s)
        a = np.full(groups, a0 + (0.5 if ard else k / 2))
        b = b0 + 0.5 * (eww if ard else np.array([eww.sum()]))
        r = y - x @ m
        c = c0 + n / 2
        d = d0 + 0.5 * (r @ r + np.trace(xtx @ s))
        path.append((m, s, a, b, c, d))
        old = np.concatenate([path[-2][0], path[-2][2] / path[-2][3], [path[-2][4] / path[-2][5]]])
        new = np.concatenate([m, a / b, [c / d]])
        if np.all(np.abs(new - old) <= tol * (1 + np.abs(new))):
            break
    return path


def regression_log_evidence(x, y, hyper):
    """log p(y) = log of the integral over alpha, beta of N(y; 0, I / beta + X X^T / alpha) Ga(alpha) Ga(beta),
    by tensor Gauss-Legendre quadrature in (log alpha, log beta) around the mode (shared alpha)."""
    a0, b0, c0, d0 = hyper
    n = len(y)
    lam, u = np.linalg.eigh(x @ x.T)
    lam = np.clip(lam, 0, None)
    uy2 = (u.T @ y) ** 2

    def log_f(la, lb):  # integrand in log coordinates, with the Jacobian alpha * beta
        var = np.exp(-lb) + np.exp(-la) * lam
        ll = -0.5 * np.sum(np.log(var)) - 0.5 * np.sum(uy2 / var) - n / 2 * math.log(2 * math.pi)
        return (ll + a0 * math.log(b0) - gammaln(a0) + a0 * la - b0 * math.exp(la)
                + c0 * math.log(d0) - gammaln(c0) + c0 * lb - d0 * math.exp(lb))

    best = optimize.minimize(lambda p: -log_f(p[0], p[1]), np.zeros(2), method="Nelder-Mead",
                             options={"xatol": 1e-10, "fatol": 1e-12, "maxiter": 10000})
    la0, lb0 = best.x
    peak = log_f(la0, lb0)
    nodes, weights = np.polynomial.legendre.leggauss(400)
    total = 0.0
    half_a, half_b = 12.0, 4.0
    for ta, wa in zip(nodes, weights):
        la = la0 + half_a * ta
        for tb, wb in zip(nodes, weights):
            lb = lb0 + half_b * tb
            total += wa * wb * math.exp(log_f(la, lb) - peak)
    return peak + math.log(total * half_a * half_b)


rng = np.random.default_rng(31415)
n_obs, n_feat = 120, 6
w_true = np.array([1.5, -2.0, 0.0, 0.0, 0.8, 0.0])
noise_sd = 0.3
x = rng.standard_normal((n_obs, n_feat))
y = x @ w_true + noise_sd * rng.standard_normal(n_obs)
x_test = rng.standard_normal((5, n_feat))
reg = {"x": [floats(row) for row in x], "y": floats(y), "w_true": floats(w_true), "noise_sd": noise_sd,
       "x_test": [floats(row) for row in x_test], "fits": []}
for name, hyper, ard, tol in [("shared", (1e-2, 1e-2, 1e-2, 1e-2), False, 1e-12),
                              ("ard", (1e-6, 1e-6, 1e-6, 1e-6), True, 1e-10)]:
    path = regression_cavi(x, y, hyper, ard, tol)
    elbo_closed = [regression_elbo_closed(x, y, hyper, ard, q) for q in path]
    checked = sorted(set(list(range(min(6, len(path)))) + list(range(0, len(path), 40)) + [len(path) - 1]))
    elbo_numeric = {}
    for i in checked:
        v = regression_elbo_numeric(x, y, hyper, ard, path[i])
        assert abs(v - elbo_closed[i]) <= 1e-9 * abs(v), (name, i, v, elbo_closed[i])
        elbo_numeric[str(i)] = v
    m, s, a, b, c, d = path[-1]
    pred_var = 1 / (c / d) + np.einsum("ij,jk,ik->i", x_test, s, x_test)
    fit = {"name": name, "hyper": list(hyper), "ard": ard, "tolerance": tol, "sweeps": len(path) - 1,
           "elbo_closed": elbo_closed, "elbo_numeric": elbo_numeric,
           "weight_mean": floats(m), "weight_covariance": floats(s), "precision_shape": floats(a),
           "precision_rate": floats(b), "noise_shape": float(c), "noise_rate": float(d),
           "predictive_mean": floats(x_test @ m), "predictive_variance": floats(pred_var),
           "predictive_variance_q_exact": floats(d / (c - 1) + np.einsum("ij,jk,ik->i", x_test, s, x_test))}
    if not ard:
        fit["log_evidence"] = regression_log_evidence(x, y, hyper)
        assert elbo_closed[-1] <= fit["log_evidence"]
    reg["fits"].append(fit)
out["linear_regression"] = reg

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "cavi_reference.json"), "w") as f:
    json.dump(out, f, indent=1)
print("wrote cavi_reference.json")
