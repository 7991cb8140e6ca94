#!/usr/bin/python3
"""scikit-learn reference for GaussianMixtureSklearnTest: BayesianGaussianMixture (full covariance, K=10) on the
first 2000 rows of the peers' GMM data set, started from the same k-means labels that the Java test uses.

Run with Debian's python (scikit-learn 1.2.1, after shared/peers/setup.sh):
    /usr/bin/python3 make_gmm_sklearn_reference.py [path/to/gmm_20000x2.csv]
(default path: /work/shared/peers/data/gmm_20000x2.csv). Writes, next to this file:
* gmm_20000x2_first2000.csv - rows 1..2000 of the peers' CSV (x1,x2,label), copied verbatim;
* gmm_sklearn_reference.json - the k-means labels (sklearn.cluster.KMeans(n_clusters=10, n_init=1,
  random_state=0), exactly what BayesianGaussianMixture(init_params="kmeans", random_state=0) computes inside fit),
  and for each weight prior ("dirichlet_distribution", "dirichlet_process"; concentration 1/K) and reg_covar in
  (0, 1e-6): the lower bound after every iteration (recorded by overriding _compute_lower_bound), n_iter_,
  weights_, means_, covariances_; for the Dirichlet process also ln B(a_K, b_K) of scikit-learn's K-th stick after
  every iteration: scikit-learn keeps a Beta factor for the last stick (Blei and Jordan set v_K = 1), and that
  factor's log-normalizer is part of its lower bound.

scikit-learn's iteration = E-step, M-step, lower bound: the same as one Java sweep. reg_covar=0 makes the M-step
the exact coordinate-ascent update; the default 1e-6 adds N_k * 1e-6 to the diagonal of each W_k^-1.
The private-API overrides (_initialize_parameters, _compute_lower_bound) only inject the labels and record values.
"""
import json
import os
import sys
import warnings

import numpy as np
import sklearn
from scipy.special import betaln
from sklearn.cluster import KMeans
from sklearn.mixture import BayesianGaussianMixture

HERE = os.path.dirname(os.path.abspath(__file__))
K, ROWS, MAX_ITER = 10, 2000, 300


class Recording(BayesianGaussianMixture):
    """BayesianGaussianMixture started from fixed one-hot responsibilities, recording its lower bound per iteration."""

    def __init__(self, labels=None, history=None, last_stick=None, **kw):
        super().__init__(**kw)
        self.labels = labels
        self.history = history
        self.last_stick = last_stick

    def _initialize_parameters(self, X, random_state):
        resp = np.zeros((X.shape[0], self.n_components))
        resp[np.arange(X.shape[0]), self.labels] = 1
        self._initialize(X, resp)

    def _compute_lower_bound(self, log_resp, log_prob_norm):
        value = super()._compute_lower_bound(log_resp, log_prob_norm)
        self.history.append(float(value))
        if self.weight_concentration_prior_type == "dirichlet_process":
            a, b = self.weight_concentration_
            self.last_stick.append(float(betaln(a[-1], b[-1])))
        return value


def main():
    warnings.filterwarnings("ignore")
    source = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/peers/data/gmm_20000x2.csv"
    with open(source) as f:
        lines = f.read().splitlines()[: ROWS + 1]
    with open(os.path.join(HERE, "gmm_20000x2_first2000.csv"), "w") as f:
        f.write("\n".join(lines) + "\n")
    data = np.loadtxt(os.path.join(HERE, "gmm_20000x2_first2000.csv"), delimiter=",", skiprows=1)
    x = data[:, :2]
    labels = KMeans(n_clusters=K, n_init=1, random_state=0).fit(x).labels_
    fits = []
    for prior in ("dirichlet_distribution", "dirichlet_process"):
        for reg in (0.0, 1e-6):
            history, last_stick = [], []
            m = Recording(labels=labels, history=history, last_stick=last_stick, n_components=K, covariance_type="full",
                          weight_concentration_prior_type=prior, max_iter=MAX_ITER, tol=0.0, reg_covar=reg,
                          random_state=0).fit(x)
            fits.append({"weightConcentrationPriorType": prior, "regCovar": reg, "nIter": int(m.n_iter_),
                         "lowerBound": history, "lastStickLogBeta": last_stick, "weights": m.weights_.tolist(), "means": m.means_.ravel().tolist(),
                         "covariances": m.covariances_.ravel().tolist()})
    out = {"generator": "make_gmm_sklearn_reference.py", "sklearn": sklearn.__version__, "numpy": np.__version__,
           "source": os.path.basename(source), "rows": ROWS, "components": K, "maxIter": MAX_ITER,
           "kmeansLabels": labels.tolist(), "fits": fits}
    with open(os.path.join(HERE, "gmm_sklearn_reference.json"), "w") as f:
        json.dump(out, f)
    print("wrote gmm_20000x2_first2000.csv and gmm_sklearn_reference.json;",
          [(fi["weightConcentrationPriorType"], fi["regCovar"], fi["nIter"], fi["lowerBound"][-1]) for fi in fits])


if __name__ == "__main__":
    main()
