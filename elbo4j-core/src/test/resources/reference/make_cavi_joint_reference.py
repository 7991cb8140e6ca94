#!/usr/bin/env python3
"""Reference log joint densities of the four closed-form CAVI models (package io.github.elbo4j.cavi.conjugate),
computed outside the project with scipy.stats, for the Model-API densities that their toFit
methods check q against (BetaBinomialCavi.model, NormalGammaCavi.model, GaussianChainCavi.model,
LinearRegressionVi.model).

Run from this folder:  python3 make_cavi_joint_reference.py   (a second; deterministic)
Writes cavi_joint_reference.json, read by the *CaviFitTest / LinearRegressionViFitTest classes.

Each density is the sum of scipy's log densities of the generative process as the Java class
documents it, with scipy's own parameterizations, so a precision passed as a variance, a rate as
a scale, or a swapped variance shows:

beta_binomial      beta.logpdf(theta, a, b) + binom.logpmf(k, n, theta)
normal_gamma       gamma.logpdf(tau, a0, scale=1/b0) + norm.logpdf(mu, mu0, 1/sqrt(lambda0 tau))
                   + sum_n norm.logpdf(x_n, mu, 1/sqrt(tau))
gaussian_chain     norm.logpdf(z_1, 0, sqrt(v0)) + sum_k norm.logpdf(z_{k+1}, z_k, sqrt(v))
                   + norm.logpdf(x, z_K, sqrt(v_obs))      (step by step, not as one Gaussian)
linear_regression  gamma.logpdf(alpha_g, a0, scale=1/b0) (one shared, or one per weight with ARD)
                   + sum_j norm.logpdf(w_j, 0, 1/sqrt(alpha_j)) + gamma.logpdf(beta, c0, scale=1/d0)
                   + sum_n norm.logpdf(y_n, x_n . w, 1/sqrt(beta))

Priors and variances are all different from one another and from 1, so that swapping two of them
changes the numbers.
"""
import json

import numpy as np
import scipy
from scipy import stats


def beta_binomial():
    a, b, k, n = 2.0, 3.5, 6, 10
    points = [0.05, 0.3, 0.6, 0.97]
    return {"prior_alpha": a, "prior_beta": b, "successes": k, "trials": n,
            "points": [{"theta": t, "log_joint": float(stats.beta.logpdf(t, a, b) + stats.binom.logpmf(k, n, t))}
                       for t in points]}


def normal_gamma():
    mu0, lam0, a0, b0 = 0.4, 1.7, 2.5, 1.3
    data = [0.3, 1.9, -0.6]
    points = [(0.0, 1.0), (1.2, 0.35), (-0.7, 2.8), (0.5, 0.05)]
    out = []
    for mu, tau in points:
        lp = stats.gamma.logpdf(tau, a0, scale=1 / b0) + stats.norm.logpdf(mu, mu0, 1 / np.sqrt(lam0 * tau))
        lp += np.sum(stats.norm.logpdf(data, mu, 1 / np.sqrt(tau)))
        out.append({"mu": mu, "tau": tau, "log_joint": float(lp)})
    return {"prior": [mu0, lam0, a0, b0], "data": data, "points": out}


def gaussian_chain():
    cases = []
    for v0, v, vobs, x, points in [
        (1.5, 0.7, 0.4, 2.0, [[0.0, 0.0, 0.0], [0.3, 1.1, 1.8], [-1.2, 0.4, 2.6]]),
        (0.8, 2.0, 0.3, -1.0, [[0.5], [-0.9]]),
    ]:
        out = []
        for z in points:
            lp = stats.norm.logpdf(z[0], 0, np.sqrt(v0))
            for k in range(len(z) - 1):
                lp += stats.norm.logpdf(z[k + 1], z[k], np.sqrt(v))
            lp += stats.norm.logpdf(x, z[-1], np.sqrt(vobs))
            out.append({"z": z, "log_joint": float(lp)})
        cases.append({"length": len(points[0]), "prior_variance": v0, "transition_variance": v,
                      "observation_variance": vobs, "x": x, "points": out})
    return cases


def linear_regression():
    x = [[1.0, 0.5], [1.0, -1.2], [1.0, 2.0], [1.0, 0.1]]
    y = [0.7, -1.5, 2.9, 0.2]
    a0, b0, c0, d0 = 0.5, 2.0, 3.0, 0.25
    xm, ym = np.array(x), np.array(y)
    cases = []
    for ard, points in [
        (False, [(0.8, [0.1, 1.2], 3.0), (2.5, [-0.4, 0.9], 0.6)]),
        (True, [([0.8, 4.0], [0.1, 1.2], 3.0), ([0.05, 1.5], [-0.4, 0.9], 0.6)]),
    ]:
        out = []
        for alpha, w, beta in points:
            alphas = np.array(alpha if ard else [alpha] * len(w))
            lp = np.sum(stats.gamma.logpdf(np.atleast_1d(alpha), a0, scale=1 / b0))
            lp += np.sum(stats.norm.logpdf(w, 0, 1 / np.sqrt(alphas)))
            lp += stats.gamma.logpdf(beta, c0, scale=1 / d0)
            lp += np.sum(stats.norm.logpdf(ym, xm @ np.array(w), 1 / np.sqrt(beta)))
            out.append({"alpha": alpha, "w": w, "beta": beta, "log_joint": float(lp)})
        cases.append({"ard": ard, "points": out})
    return {"x": x, "y": y, "weight_prior": [a0, b0], "noise_prior": [c0, d0], "cases": cases}


def main():
    ref = {"generator": "make_cavi_joint_reference.py", "scipy": scipy.__version__, "numpy": np.__version__,
           "beta_binomial": beta_binomial(), "normal_gamma": normal_gamma(), "gaussian_chain": gaussian_chain(),
           "linear_regression": linear_regression()}
    with open("cavi_joint_reference.json", "w") as f:
        json.dump(ref, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
