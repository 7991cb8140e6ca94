#!/usr/bin/env python3
"""Reference numbers for GaussianMixtureReferenceTest: variational Bayesian Gaussian mixtures written
directly from Bishop, "Pattern Recognition and Machine Learning" (2006), sec. 10.2 (eqs. 10.46-10.82), and
Blei & Jordan, "Variational inference for Dirichlet process mixtures" (Bayesian Analysis 1(1), 2006), sec. 4,
with numpy/scipy. Written independently of the Java code, in a different form where there is one:

* M-step with the two-pass scatter S_k = sum_n r_nk (x_n - xbar_k)(x_n - xbar_k)^T / N_k and explicit inverses;
* the ELBO as E[ln p(X,Z,pi,mu,Lambda)] - E[ln q]: the likelihood term per data point (not Bishop's aggregated
  10.71), the prior terms as expected log-densities, the entropies of q(Lambda) and q(pi) from scipy.stats
  (wishart, gamma, dirichlet, beta), the Wishart normalizer from scipy.special.multigammaln;
* the posterior predictive from scipy.stats.multivariate_t / scipy.stats.t;
* for K = 1, where q is the exact posterior, the log evidence ln p(X) (Murphy 2007, eqs. 95 and 266; eq. 95 itself
  checked against a quadrature of the evidence integral), which the ELBO must equal.

Covariance types: full and tied (Normal-Wishart; tied = one Lambda, its prior counted once), diagonal
(lambda_kd ~ Gamma(nu0/2, Psi0_dd/2), mu_kd | lambda_kd ~ N(m0_d, 1/(beta0 lambda_kd))), spherical
(lambda_k ~ Gamma(nu0 D/2, D psi0/2), psi0 = tr(Psi0)/D). Weights: Dirichlet(alpha0) or sticks v_k ~ Beta(1, alpha),
v_K = 1. Each case starts from given soft responsibilities R0: an M-step, then sweeps of E-step + M-step, the ELBO
after each sweep's M-step. Also the "scikit-learn scale" value -sum r ln r + ln Z(q(pi)) + sum_k [ln Z_Lambda(q_k)
- D/2 ln beta_k] and the constants it drops, checked here to satisfy exact = sklearn - dropped.

Run: python3 make_gmm_reference.py  (numpy >= 1.24, scipy >= 1.10); writes gmm_reference.json next to this file.
"""
import json
import os

import numpy as np
from scipy.special import betaln, digamma, gammaln, logsumexp, multigammaln
from scipy.stats import beta as beta_dist
from scipy.stats import dirichlet, gamma as gamma_dist, multivariate_t, t as t_dist, wishart

LN2PI = np.log(2 * np.pi)
SWEEPS = 3


def dataset(seed, n, d, k):
    rng = np.random.RandomState(seed)
    centres = rng.normal(0, 3, size=(3, d))
    x = centres[rng.randint(0, 3, n)] + rng.normal(size=(n, d)) * rng.uniform(0.5, 1.5, d)
    r0 = rng.dirichlet(np.ones(k), size=n)
    test = rng.normal(0, 3, size=(7, d))
    a = rng.normal(size=(d, d))
    custom = {"mean": rng.normal(size=d).tolist(), "meanPrecision": 0.7, "degreesOfFreedom": d + 1.3,
              "covariance": (a @ a.T + d * np.eye(d)).tolist()}
    return x, r0, test, custom


def m_step(x, r, cov, pri, weight):
    n, d = x.shape
    nk = r.sum(0)
    xbar = (r.T @ x) / nk[:, None]
    s = np.array([(r[:, k, None] * (x - xbar[k])).T @ (x - xbar[k]) / nk[k] for k in range(len(nk))])
    m0, b0, nu0, psi0 = pri["m0"], pri["b0"], pri["nu0"], pri["psi0"]
    beta = b0 + nk
    m = (b0 * m0 + nk[:, None] * xbar) / beta[:, None]
    shrink = np.array([b0 * nk[k] / beta[k] * np.outer(xbar[k] - m0, xbar[k] - m0) for k in range(len(nk))])
    if cov == "FULL":
        nu = nu0 + nk
        inv_scale = psi0 + nk[:, None, None] * s + shrink
    elif cov == "TIED":
        nu = np.full(len(nk), nu0 + nk.sum())
        inv_scale = psi0 + (nk[:, None, None] * s + shrink).sum(0)
    elif cov == "DIAGONAL":
        nu = nu0 + nk
        inv_scale = np.diag(psi0)[None, :] + nk[:, None] * np.diagonal(s, axis1=1, axis2=2) \
            + np.diagonal(shrink, axis1=1, axis2=2)
    else:
        nu = nu0 + nk
        inv_scale = np.trace(psi0) / d + (nk * np.trace(s, axis1=1, axis2=2) + np.trace(shrink, axis1=1, axis2=2)) / d
    if weight["type"] == "dirichlet":
        wpar = weight["concentration"] + nk
    else:
        after = np.array([nk[j + 1:].sum() for j in range(len(nk) - 1)])
        wpar = np.stack([1 + nk[:-1], weight["concentration"] + after], axis=1)
    return dict(nk=nk, xbar=xbar, s=s, beta=beta, m=m, nu=nu, inv_scale=inv_scale, wpar=wpar)


def precision_moments(q, cov, d):
    """Per component: E[ln|Lambda_k|] and E[Lambda_k] as a D x D matrix."""
    kk = len(q["beta"])
    eln, elam = np.zeros(kk), np.zeros((kk, d, d))
    for k in range(kk):
        nu = q["nu"][k]
        if cov in ("FULL", "TIED"):
            psi = q["inv_scale"][k] if cov == "FULL" else q["inv_scale"]
            w = np.linalg.inv(psi)
            eln[k] = digamma((nu + 1 - np.arange(1, d + 1)) / 2).sum() + d * np.log(2) + np.linalg.slogdet(w)[1]
            elam[k] = nu * w
        elif cov == "DIAGONAL":
            a, b = nu / 2, q["inv_scale"][k] / 2
            eln[k] = (digamma(a) - np.log(b)).sum()
            elam[k] = np.diag(a / b)
        else:
            a, b = nu * d / 2, d * q["inv_scale"][k] / 2
            eln[k] = d * (digamma(a) - np.log(b))
            elam[k] = np.eye(d) * a / b
    return eln, elam


def expected_log_weights(wpar, weight):
    if weight["type"] == "dirichlet":
        return digamma(wpar) - digamma(wpar.sum())
    a, b = wpar[:, 0], wpar[:, 1]
    lv, l1v = digamma(a) - digamma(a + b), digamma(b) - digamma(a + b)
    return np.append(lv, 0.0) + np.concatenate([[0.0], np.cumsum(l1v)])


def mean_weights(wpar, weight):
    if weight["type"] == "dirichlet":
        return wpar / wpar.sum()
    ev = wpar[:, 0] / wpar.sum(1)
    return np.append(ev, 1.0) * np.concatenate([[1.0], np.cumprod(1 - ev)])


def log_rho(x, q, cov, weight):
    d = x.shape[1]
    eln, elam = precision_moments(q, cov, d)
    elog_pi = expected_log_weights(q["wpar"], weight)
    out = np.empty((len(x), len(q["beta"])))
    for k in range(len(q["beta"])):
        diff = x - q["m"][k]
        equad = d / q["beta"][k] + np.einsum("ni,ij,nj->n", diff, elam[k], diff)
        out[:, k] = elog_pi[k] + 0.5 * eln[k] - 0.5 * d * LN2PI - 0.5 * equad
    return out


def e_step(x, q, cov, weight):
    lr = log_rho(x, q, cov, weight)
    log_r = lr - logsumexp(lr, axis=1, keepdims=True)
    return np.exp(log_r), log_r


def elbo(x, r, log_r, q, cov, pri, weight):
    n, d = x.shape
    kk = len(q["beta"])
    m0, b0, nu0, psi0 = pri["m0"], pri["b0"], pri["nu0"], pri["psi0"]
    eln, elam = precision_moments(q, cov, d)
    elog_pi = expected_log_weights(q["wpar"], weight)
    # E[ln p(X | Z, mu, Lambda)], point by point
    lik = 0.0
    for k in range(kk):
        diff = x - q["m"][k]
        equad = d / q["beta"][k] + np.einsum("ni,ij,nj->n", diff, elam[k], diff)
        lik += (r[:, k] * (0.5 * eln[k] - 0.5 * d * LN2PI - 0.5 * equad)).sum()
    lz = (r * elog_pi).sum()
    qz = (r * np.where(r > 0, log_r, 0)).sum()
    # weights
    if weight["type"] == "dirichlet":
        a0 = weight["concentration"]
        ppi = gammaln(kk * a0) - kk * gammaln(a0) + (a0 - 1) * elog_pi.sum()
        hpi = dirichlet(q["wpar"]).entropy()
    else:
        al = weight["concentration"]
        a, b = q["wpar"][:, 0], q["wpar"][:, 1]
        l1v = digamma(b) - digamma(a + b)
        ppi = (-betaln(1, al) + (al - 1) * l1v).sum()
        hpi = sum(beta_dist(a[j], b[j]).entropy() for j in range(kk - 1))
    # E[ln p(mu, Lambda)] and H[q(mu, Lambda)]
    pml, hml = 0.0, 0.0
    for k in range(kk):
        f = q["m"][k] - m0
        e_mu_quad = d / q["beta"][k] + f @ elam[k] @ f
        pml += 0.5 * d * np.log(b0 / (2 * np.pi)) + 0.5 * eln[k] - 0.5 * b0 * e_mu_quad
        hml += 0.5 * d * (1 + LN2PI) - 0.5 * d * np.log(q["beta"][k]) - 0.5 * eln[k]
    if cov in ("FULL", "TIED"):
        w0 = np.linalg.inv(psi0)
        ln_b0 = -0.5 * nu0 * np.linalg.slogdet(w0)[1] - 0.5 * nu0 * d * np.log(2) - multigammaln(nu0 / 2, d)
        comps = range(kk) if cov == "FULL" else [0]
        for k in comps:
            pml += ln_b0 + 0.5 * (nu0 - d - 1) * eln[k] - 0.5 * np.trace(psi0 @ elam[k])
            psi = q["inv_scale"][k] if cov == "FULL" else q["inv_scale"]
            hml += wishart(df=q["nu"][k], scale=np.linalg.inv(psi)).entropy()
    elif cov == "DIAGONAL":
        a0, b0d = nu0 / 2, np.diag(psi0) / 2
        for k in range(kk):
            a, b = q["nu"][k] / 2, q["inv_scale"][k] / 2
            elnl, el = digamma(a) - np.log(b), a / b
            pml += (a0 * np.log(b0d) - gammaln(a0) + (a0 - 1) * elnl - b0d * el).sum()
            hml += sum(gamma_dist(a, scale=1 / b[j]).entropy() for j in range(d))
    else:
        a0, bb0 = nu0 * d / 2, np.trace(psi0) / 2
        for k in range(kk):
            a, b = q["nu"][k] * d / 2, d * q["inv_scale"][k] / 2
            elnl, el = digamma(a) - np.log(b), a / b
            pml += a0 * np.log(bb0) - gammaln(a0) + (a0 - 1) * elnl - bb0 * el
            hml += gamma_dist(a, scale=1 / b).entropy()
    return lik + lz + ppi + pml - qz + hpi + hml


def log_normalizer(q, cov, d, weight, b=None):
    """ln Z(q(pi)) + sum_k [ln Z_Lambda(q_k) - D/2 ln beta_k] in scikit-learn's convention (no ln pi terms)."""
    beta = q["beta"] if b is None else b
    if weight["type"] == "dirichlet":
        lz = gammaln(q["wpar"]).sum() - gammaln(q["wpar"].sum())
    else:
        lz = betaln(q["wpar"][:, 0], q["wpar"][:, 1]).sum()
    kk = len(beta)
    lam = 0.0
    if cov in ("FULL", "TIED"):
        comps = range(kk) if cov == "FULL" else [0]
        for k in comps:
            nu = q["nu"][k]
            psi = q["inv_scale"][k] if cov == "FULL" else q["inv_scale"]
            lam += -0.5 * nu * np.linalg.slogdet(psi)[1] + 0.5 * nu * d * np.log(2) \
                + gammaln((nu - np.arange(d)) / 2).sum()
    elif cov == "DIAGONAL":
        for k in range(kk):
            a = q["nu"][k] / 2
            lam += (gammaln(a) - a * np.log(q["inv_scale"][k] / 2)).sum()
    else:
        for k in range(kk):
            a = q["nu"][k] * d / 2
            lam += gammaln(a) - a * np.log(d * q["inv_scale"][k] / 2)
    return lz + lam - 0.5 * d * np.log(beta).sum()


def dropped_constants(n, d, kk, cov, pri, weight):
    """The prior's log-normalizers (scikit-learn's convention) and the N D/2 ln 2 pi of the likelihood."""
    prior_q = {"beta": np.full(kk, pri["b0"]), "nu": np.full(kk, pri["nu0"])}
    if cov == "FULL":
        prior_q["inv_scale"] = np.array([pri["psi0"]] * kk)
    elif cov == "TIED":
        prior_q["inv_scale"] = pri["psi0"]
    elif cov == "DIAGONAL":
        prior_q["inv_scale"] = np.array([np.diag(pri["psi0"])] * kk)
    else:
        prior_q["inv_scale"] = np.full(kk, np.trace(pri["psi0"]) / d)
    c = weight["concentration"]
    prior_q["wpar"] = np.full(kk, c) if weight["type"] == "dirichlet" else np.tile([1.0, c], (kk - 1, 1))
    return 0.5 * n * d * LN2PI + log_normalizer(prior_q, cov, d, weight)


def log_predictive(xt, q, cov, weight):
    d = xt.shape[1]
    w = mean_weights(q["wpar"], weight)
    terms = []
    for k in range(len(q["beta"])):
        nu, beta, m = q["nu"][k], q["beta"][k], q["m"][k]
        if cov in ("FULL", "TIED"):
            psi = q["inv_scale"][k] if cov == "FULL" else q["inv_scale"]
            dof = nu + 1 - d
            prec = dof * beta / (1 + beta) * np.linalg.inv(psi)
            lp = multivariate_t(loc=m, shape=np.linalg.inv(prec), df=dof).logpdf(xt)
        elif cov == "DIAGONAL":
            lam = nu * beta / ((1 + beta) * q["inv_scale"][k])
            lp = t_dist(df=nu, loc=m, scale=1 / np.sqrt(lam)).logpdf(xt).sum(1)
        else:
            lam = nu * beta / ((1 + beta) * q["inv_scale"][k])
            lp = multivariate_t(loc=m, shape=np.eye(d) / lam, df=nu * d).logpdf(xt)
        terms.append(np.log(w[k]) + lp)
    return logsumexp(np.array(terms), axis=0)


def priors_of(x, custom):
    d = x.shape[1]
    if custom is None:
        return dict(m0=x.mean(0), b0=1.0, nu0=float(d), psi0=np.atleast_2d(np.cov(x.T)))
    return dict(m0=np.array(custom["mean"]), b0=custom["meanPrecision"], nu0=custom["degreesOfFreedom"],
                psi0=np.array(custom["covariance"]))


def log_evidence(x, cov, pri):
    """ln p(X) of a single component (K = 1), where the mean-field posterior is exact. Normal-Wishart: Murphy,
    "Conjugate Bayesian analysis of the Gaussian distribution" (2007), eq. 266; Normal-Gamma: eq. 95 per
    coordinate (diagonal) or with the D coordinates sharing lambda (spherical)."""
    n, d = x.shape
    m0, b0, nu0, psi0 = pri["m0"], pri["b0"], pri["nu0"], pri["psi0"]
    xbar = x.mean(0)
    scatter = (x - xbar).T @ (x - xbar)
    bn = b0 + n
    shrink = b0 * n / bn * np.outer(xbar - m0, xbar - m0)
    if cov in ("FULL", "TIED"):
        psin = psi0 + scatter + shrink
        nun = nu0 + n
        return (-0.5 * n * d * np.log(np.pi) + multigammaln(nun / 2, d) - multigammaln(nu0 / 2, d)
                + 0.5 * nu0 * np.linalg.slogdet(psi0)[1] - 0.5 * nun * np.linalg.slogdet(psin)[1]
                + 0.5 * d * np.log(b0 / bn))
    if cov == "DIAGONAL":
        a0, an = nu0 / 2, (nu0 + n) / 2
        c0, cn = np.diag(psi0) / 2, (np.diag(psi0) + np.diag(scatter) + np.diag(shrink)) / 2
        return float((gammaln(an) - gammaln(a0) + a0 * np.log(c0) - an * np.log(cn) + 0.5 * np.log(b0 / bn)
                      - 0.5 * n * LN2PI).sum())
    a0, an = nu0 * d / 2, (nu0 + n) * d / 2
    c0 = np.trace(psi0) / 2
    cn = c0 + (np.trace(scatter) + np.trace(shrink)) / 2
    return gammaln(an) - gammaln(a0) + a0 * np.log(c0) - an * np.log(cn) + 0.5 * d * np.log(b0 / bn) - 0.5 * n * d * LN2PI


def check_normal_gamma_evidence():
    """eq. 95 against a two-dimensional quadrature of the evidence integral on a tiny one-dimensional data set."""
    from scipy import integrate
    from scipy.stats import norm
    x = np.array([[0.3], [-1.2], [0.8], [2.1], [0.1]])
    pri = dict(m0=np.array([0.5]), b0=0.8, nu0=2.5, psi0=np.array([[1.7]]))
    a0, c0 = pri["nu0"] / 2, pri["psi0"][0, 0] / 2

    def integrand(mu, lam):
        return np.exp(norm.logpdf(x[:, 0], mu, 1 / np.sqrt(lam)).sum() + norm.logpdf(mu, 0.5, 1 / np.sqrt(0.8 * lam))
                      + gamma_dist(a0, scale=1 / c0).logpdf(lam))

    value, _ = integrate.dblquad(integrand, 0, 60, -15, 15, epsabs=1e-14, epsrel=1e-11)
    for cov in ("DIAGONAL", "SPHERICAL", "FULL"):
        assert abs(log_evidence(x, cov, pri) - np.log(value)) < 1e-8, (cov, log_evidence(x, cov, pri), np.log(value))


def run_case(x, r0, test, cov, weight, custom):
    n, d = x.shape
    kk = r0.shape[1]
    pri = priors_of(x, custom)
    q = m_step(x, r0, cov, pri, weight)
    sweeps = []
    dropped = dropped_constants(n, d, kk, cov, pri, weight)
    for _ in range(SWEEPS):
        r, log_r = e_step(x, q, cov, weight)
        q = m_step(x, r, cov, pri, weight)
        exact = elbo(x, r, log_r, q, cov, pri, weight)
        sk = -(r * np.where(r > 0, log_r, 0)).sum() + log_normalizer(q, cov, d, weight)
        assert abs(exact - (sk - dropped)) < 1e-9 * abs(exact), (cov, weight, exact, sk - dropped)
        sweeps.append({"elbo": exact, "sklearnScale": sk, "weightConcentration": q["wpar"].ravel().tolist(),
                       "meanPrecision": q["beta"].tolist(), "means": q["m"].ravel().tolist(),
                       "degreesOfFreedom": q["nu"].tolist(), "inverseScale": np.ravel(q["inv_scale"]).tolist(),
                       "weights": mean_weights(q["wpar"], weight).tolist(),
                       "responsibilities": r.ravel().tolist()})
    proba, _ = e_step(test, q, cov, weight)
    return {"covarianceType": cov, "weightPrior": weight, "priors": custom, "droppedConstants": dropped,
            "sweeps": sweeps, "predictProba": proba.ravel().tolist(),
            "logPredictive": log_predictive(test, q, cov, weight).tolist()}


def main():
    check_normal_gamma_evidence()
    out = {"generator": "make_gmm_reference.py", "sweeps": SWEEPS, "datasets": []}
    for name, seed, n, d, k, use_custom in (("d2", 11, 40, 2, 3, False), ("d3", 12, 30, 3, 4, True)):
        x, r0, test, custom = dataset(seed, n, d, k)
        cases = []
        for cov in ("FULL", "TIED", "DIAGONAL", "SPHERICAL"):
            for weight in ({"type": "dirichlet", "concentration": 0.3}, {"type": "dirichletProcess", "concentration": 1.7}):
                cases.append(run_case(x, r0, test, cov, weight, custom if use_custom else None))
        pri = priors_of(x, custom if use_custom else None)
        evidence = {}
        for cov in ("FULL", "TIED", "DIAGONAL", "SPHERICAL"):
            evidence[cov] = log_evidence(x, cov, pri)
            one = run_case(x, np.ones((n, 1)), test, cov, {"type": "dirichlet", "concentration": 1.0},
                           custom if use_custom else None)
            assert abs(one["sweeps"][-1]["elbo"] - evidence[cov]) < 1e-9 * abs(evidence[cov]), (cov, one, evidence)
        out["datasets"].append({"name": name, "x": x.tolist(), "initialResponsibilities": r0.tolist(),
                                "test": test.tolist(), "cases": cases, "customPriors": use_custom,
                                "logEvidenceOneComponent": evidence})
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "gmm_reference.json")
    with open(path, "w") as f:
        json.dump(out, f)
    print("wrote", path)


if __name__ == "__main__":
    main()
