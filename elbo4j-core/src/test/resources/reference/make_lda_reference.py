#!/usr/bin/env python3
"""Reference values for elbo4j's LDA variational updates, from an independent numpy implementation.

Run from this folder:  python3 make_lda_reference.py      (numpy + scipy; scikit-learn optional)
Writes lda_reference.json, read by io.github.elbo4j.cavi.lda.LdaReferenceTest.

Written from the formulas of Blei, Ng & Jordan (JMLR 2003, sections 5.2-5.3, appendix A) and Hoffman,
Blei & Bach (NeurIPS 2010, algorithms 1-2), not from elbo4j's code: phi is materialized and normalized
explicitly (elbo4j never stores it), and every sum is numpy's.

Tiny corpus: D=5 documents (one empty), V=7 terms, K=3 topics, alpha=0.3, eta=0.2, lambda0 ~ Gamma(100, 0.01).
  e_step(lam, tol, max_iter): per document, gamma <- 1; repeat: phi_wk ∝ exp(E[log theta_k] + E[log beta_kw]),
      gamma_k = alpha + sum_w n_w phi_wk, until mean|gamma - gamma_prev| < tol or max_iter iterations.
      Then phi from the final gamma; expected counts c_kw = sum_d n_dw phi_dwk.
  batch M-step: lambda = eta + c.   online M-step (t = 1, tau0 = 10, kappa = 0.7, corpus of D_total = 20
      documents of which this minibatch is 5): lambda = (1 - rho) lambda0 + rho (eta + (20/5) c), rho = (tau0 + t)^-kappa.
  bound L(gamma, lambda) = sum_d [ sum_w n_dw log sum_k exp(E log theta_dk + E log beta_kw)
      + sum_k (alpha - gamma_dk) E log theta_dk + sum_k (lgamma gamma_dk - lgamma alpha) + lgamma(K alpha) - lgamma(sum gamma_d) ]
      + sum_k [ sum_w (eta - lambda_kw) E log beta_kw + sum_w (lgamma lambda_kw - lgamma eta) + lgamma(V eta) - lgamma(sum_w lambda_kw) ]
  perplexity = exp(-L / N) with gamma from e_step(lambda, 1e-3, 100).
If scikit-learn imports, its LatentDirichletAllocation.perplexity (components_ set to lambda) is recorded as a
cross-check of the definition (it adds eps = 2.2e-16 to each normalizer, so agreement is ~1e-12, not exact).
"""
import json
import os

import numpy as np
from scipy.special import digamma, gammaln

K, V = 3, 7
ALPHA, ETA = 0.3, 0.2
TAU0, KAPPA, D_TOTAL = 10.0, 0.7, 20
DOCS = [  # (term ids, counts)
    ([0, 2, 3], [3.0, 1.0, 2.0]),
    ([1, 4, 5, 6], [1.0, 5.0, 2.0, 1.0]),
    ([], []),
    ([6, 0], [4.0, 1.0]),
    ([2, 3, 4, 5], [2.0, 2.0, 1.0, 7.0]),
]


def dense(docs):
    x = np.zeros((len(docs), V))
    for d, (ids, cnts) in enumerate(docs):
        x[d, ids] = cnts
    return x


def e_log_dirichlet(a):
    return digamma(a) - digamma(a.sum(axis=-1, keepdims=True))


def e_step(lam, tol, max_iter):
    x = dense(DOCS)
    elog_beta = e_log_dirichlet(lam)                          # K x V
    gamma = np.ones((len(DOCS), K))
    counts = np.zeros((K, V))
    changes = []
    for d in range(len(DOCS)):
        g = gamma[d].copy()
        change = None
        for _ in range(max_iter):
            log_phi = e_log_dirichlet(g)[:, None] + elog_beta   # K x V
            phi = np.exp(log_phi - log_phi.max(axis=0))
            phi /= phi.sum(axis=0)
            new = ALPHA + phi @ x[d]
            change = np.abs(new - g).mean()
            g = new
            if change < tol:
                break
        changes.append(change)
        log_phi = e_log_dirichlet(g)[:, None] + elog_beta
        phi = np.exp(log_phi - log_phi.max(axis=0))
        phi /= phi.sum(axis=0)
        counts += phi * x[d]
        gamma[d] = g
    return gamma, counts, changes


def bound(gamma, lam):
    x = dense(DOCS)
    elog_theta = e_log_dirichlet(gamma)
    elog_beta = e_log_dirichlet(lam)
    s = 0.0
    for d in range(len(DOCS)):
        t = elog_theta[d][:, None] + elog_beta                # K x V
        m = t.max(axis=0)
        s += float(x[d] @ (m + np.log(np.exp(t - m).sum(axis=0))))
    s += float(((ALPHA - gamma) * elog_theta).sum() + (gammaln(gamma) - gammaln(ALPHA)).sum()
               + (gammaln(K * ALPHA) - gammaln(gamma.sum(axis=1))).sum())
    s += float(((ETA - lam) * elog_beta).sum() + (gammaln(lam) - gammaln(ETA)).sum()
               + (gammaln(V * ETA) - gammaln(lam.sum(axis=1))).sum())
    return s


def main():
    lam0 = np.random.default_rng(7).gamma(100.0, 0.01, (K, V))
    gamma_a, counts_a, changes = e_step(lam0, 1e-3, 100)
    # a mean change within 1e-6 of the tolerance could stop one side an iteration earlier: refuse that corpus
    assert all(c is None or abs(c - 1e-3) > 1e-6 for c in changes), changes
    gamma_b, counts_b, _ = e_step(lam0, 0.0, 7)
    lam_batch = ETA + counts_a
    rho = (TAU0 + 1) ** -KAPPA
    lam_online = (1 - rho) * lam0 + rho * (ETA + (D_TOTAL / len(DOCS)) * counts_a)
    n_tokens = dense(DOCS).sum()
    gamma_fresh, _, _ = e_step(lam_batch, 1e-3, 100)
    perplexity_batch = float(np.exp(-bound(gamma_fresh, lam_batch) / n_tokens))
    out = {
        "generator": "make_lda_reference.py (numpy %s)" % np.__version__,
        "topics": K, "vocabulary_size": V, "doc_topic_prior": ALPHA, "topic_word_prior": ETA,
        "learning_offset": TAU0, "learning_decay": KAPPA, "corpus_documents": D_TOTAL,
        "term_ids": [ids for ids, _ in DOCS], "counts": [c for _, c in DOCS],
        "lambda0": lam0.tolist(),
        "gamma_tol_1e-3": gamma_a.tolist(), "expected_counts_tol_1e-3": counts_a.tolist(),
        "gamma_7_iterations": gamma_b.tolist(), "expected_counts_7_iterations": counts_b.tolist(),
        "lambda_batch": lam_batch.tolist(), "rho_1": rho, "lambda_online": lam_online.tolist(),
        "bound_lambda0": bound(gamma_a, lam0), "perplexity_lambda_batch": perplexity_batch,
    }
    try:
        from sklearn.decomposition import LatentDirichletAllocation
        import sklearn
        m = LatentDirichletAllocation(n_components=K, doc_topic_prior=ALPHA, topic_word_prior=ETA)
        m.components_ = lam_batch.copy()
        m.exp_dirichlet_component_ = np.exp(e_log_dirichlet(lam_batch))
        m.doc_topic_prior_, m.topic_word_prior_ = ALPHA, ETA
        m.n_features_in_, m.n_jobs, m.verbose = V, 1, 0
        m.max_doc_update_iter, m.mean_change_tol = 100, 1e-3
        out["sklearn_perplexity_lambda_batch"] = float(m.perplexity(dense(DOCS)))
        out["sklearn_version"] = sklearn.__version__
    except ImportError:
        pass
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lda_reference.json")
    with open(path, "w") as f:
        json.dump(out, f, indent=1)
        f.write("\n")
    print("wrote", path, "perplexity", perplexity_batch, "sklearn", out.get("sklearn_perplexity_lambda_batch"))


if __name__ == "__main__":
    main()
