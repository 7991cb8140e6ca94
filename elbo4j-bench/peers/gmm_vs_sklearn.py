#!/usr/bin/python3
"""elbo4j GaussianMixtureVI against scikit-learn's BayesianGaussianMixture on the peers' GMM problem, same machine,
same run: 20000x2 data from 5 Gaussians (shared/peers/data/gmm_20000x2.csv), K=10, full covariance, weight
concentration 1/K, bgmm.py's settings (max_iter=500, tol=1e-3, init kmeans, random_state=0, reg_covar=1e-6).

Run from the repository root, after `mvn -B -q -pl elbo4j-core,elbo4j-bench package -DskipTests`, with Debian's python
(scikit-learn 1.2.1; shared/peers/setup.sh installs it):
    /usr/bin/python3 elbo4j-bench/peers/gmm_vs_sklearn.py [--peers /work/shared/peers] [--repeats 3] [--threads 2]
Prints one JSON line, then a table.

1. ELBO, same initialization: scikit-learn's KMeans(n_clusters=10, n_init=1, random_state=0) labels -- what
   BayesianGaussianMixture(random_state=0) computes inside fit -- are written to a temporary file and elbo4j starts
   from them (GmmInitialization.fromLabels) for as many sweeps as scikit-learn's n_iter_, tolerance 0. Compared:
   scikit-learn's lower_bound_ and elbo4j's sklearnScaleElbo(). For the Dirichlet process scikit-learn's bound also
   holds ln B(a_K, b_K) of a K-th stick that elbo4j does not have (Blei & Jordan's v_K = 1), reported separately.
2. Time per sweep, bgmm.py's way: fit wall time (initialization included) / iterations, and the same with process CPU
   time (all threads; less disturbed when the machine is shared, but it adds the threads up). scikit-learn: median of
   --repeats fits; elbo4j: k-means++ and 500 sweeps (tolerance 0, so exactly 500), median of --repeats fits after
   3 warm-up fits (the first, cold fit is reported too), on 1 and on --threads threads.
3. Quality vs the true mixture, bgmm.py's way: components with weight > 0.01 matched to the true ones (Hungarian on
   mean distance): max |mean error|, max |weight error|; held-out mean log density of gmm_test_5000x2.csv
   (scikit-learn: plug-in mixture at the variational point estimates; elbo4j: the Student-t posterior predictive).
Threads: OMP/OPENBLAS/MKL_NUM_THREADS pinned to --threads before numpy loads, as bgmm.py does.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile
import time

ap = argparse.ArgumentParser()
ap.add_argument("--peers", default="/work/shared/peers")
ap.add_argument("--repeats", type=int, default=3)
ap.add_argument("--threads", type=int, default=2)
ap.add_argument("--jar", default="elbo4j-bench/target/benchmarks.jar")
A = ap.parse_args()
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = str(A.threads)

import numpy as np  # noqa: E402
import sklearn  # noqa: E402
from scipy.optimize import linear_sum_assignment  # noqa: E402
from scipy.special import betaln  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402
from sklearn.mixture import BayesianGaussianMixture  # noqa: E402

K = 10
DATA = os.path.join(A.peers, "data", "gmm_20000x2.csv")
HELDOUT = os.path.join(A.peers, "data", "gmm_test_5000x2.csv")
TRUTH = json.load(open(os.path.join(A.peers, "data", "gmm_20000x2_truth.json")))
TRUE_W, TRUE_M = np.array(TRUTH["weights"]), np.array(TRUTH["means"])


def quality(weights, means):
    big = np.where(weights > 0.01)[0]
    cost = np.linalg.norm(means[big][:, None, :] - TRUE_M[None, :, :], axis=-1)
    r, c = linear_sum_assignment(cost)
    return {"n_big": int(len(big)), "mean_abs_err_max": float(np.abs(means[big[r]] - TRUE_M[c]).max()),
            "weight_abs_err_max": float(np.abs(weights[big[r]] - TRUE_W[c]).max())}


def java(*args):
    cmd = ["java", "-cp", A.jar, "io.github.elbo4j.bench.GmmPeerComparison", "--data", DATA] + [str(a) for a in args]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    import warnings
    warnings.filterwarnings("ignore")
    x = np.loadtxt(DATA, delimiter=",", skiprows=1)[:, :2]
    xt = np.loadtxt(HELDOUT, delimiter=",", skiprows=1)[:, :2]
    labels = KMeans(n_clusters=K, n_init=1, random_state=0).fit(x).labels_
    fd, label_path = tempfile.mkstemp(suffix=".txt")
    with os.fdopen(fd, "w") as f:
        f.write("\n".join(str(v) for v in labels) + "\n")
    rows = []
    for prior, jprior in (("dirichlet_distribution", "dirichlet"), ("dirichlet_process", "dirichletProcess")):
        times, cpus, m = [], [], None
        for _ in range(A.repeats):
            m = BayesianGaussianMixture(n_components=K, covariance_type="full", weight_concentration_prior_type=prior,
                                        max_iter=500, tol=1e-3, init_params="kmeans", n_init=1, random_state=0)
            c0, t0 = time.process_time(), time.perf_counter()
            m.fit(x)
            times.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
        sk_ms = 1000 * float(np.median(times)) / m.n_iter_
        sk_cpu_ms = 1000 * float(np.median(cpus)) / m.n_iter_
        last_stick = float(betaln(m.weight_concentration_[0][-1], m.weight_concentration_[1][-1])) \
            if prior == "dirichlet_process" else 0.0
        same = java("--labels", label_path, "--prior", jprior, "--sweeps", m.n_iter_, "--threads", A.threads,
                    "--warmup", 0, "--repeats", 1)
        timed = {t: java("--prior", jprior, "--sweeps", 500, "--threads", t, "--repeats", A.repeats, "--warmup", 3,
                         "--heldout", HELDOUT) for t in sorted({1, A.threads})}
        best = timed[A.threads]
        jw, jm = np.array(best["weights"]), np.array(best["means"]).reshape(K, 2)
        rows.append({
            "prior": prior,
            "sklearn": {"n_iter": int(m.n_iter_), "converged": bool(m.converged_), "fit_s_all": [round(t, 4) for t in times],
                        "ms_per_iter": round(sk_ms, 3), "cpu_ms_per_iter": round(sk_cpu_ms, 3), "lower_bound": float(m.lower_bound_),
                        "last_stick_log_beta": last_stick, "quality": quality(m.weights_, m.means_),
                        "heldout_avg_loglik_plugin": float(m.score(xt))},
            "elbo4j_same_init": {"sweeps": same["sweeps"], "sklearn_scale_elbo": same["sklearn_scale_elbo"],
                                 "exact_elbo": same["elbo"],
                                 "rel_diff_vs_sklearn": abs(same["sklearn_scale_elbo"] - m.lower_bound_) / abs(m.lower_bound_),
                                 "rel_diff_vs_sklearn_without_its_last_stick":
                                     abs(same["sklearn_scale_elbo"] - (m.lower_bound_ - last_stick)) / abs(m.lower_bound_)},
            "elbo4j_timed": {str(t): {k: v[k] for k in ("sweeps", "wall_ms_first", "wall_ms_median", "ms_per_sweep",
                                                         "cpu_ms_per_sweep", "sklearn_scale_elbo")}
                             for t, v in timed.items()},
            "elbo4j_quality": dict(quality(jw, jm), heldout_mean_log_predictive=best["heldout_mean_log_predictive"]),
            "ratio_ms_per_sweep_elbo4j_over_sklearn": {str(t): v["ms_per_sweep"] / sk_ms for t, v in timed.items()},
            "ratio_cpu_per_sweep_elbo4j_over_sklearn": {str(t): v["cpu_ms_per_sweep"] / sk_cpu_ms for t, v in timed.items()},
        })
    os.remove(label_path)
    out = {"task": "gmm_20000x2 K=10 full", "sklearn": sklearn.__version__, "numpy": np.__version__,
           "threads": A.threads, "repeats": A.repeats, "load_average": os.getloadavg(), "results": rows}
    print(json.dumps(out))
    for r in rows:
        s, j = r["sklearn"], r["elbo4j_same_init"]
        print("%-22s sklearn %.3f ms/iter wall, %.3f cpu (%d iters, bound %.4f) | elbo4j same init bound %.4f (rel diff "
              "%.2e; %.2e without sklearn's last stick) | elbo4j ms/sweep by threads %s, cpu %s | ratio wall %s, cpu %s" % (
                  r["prior"], s["ms_per_iter"], s["cpu_ms_per_iter"], s["n_iter"], s["lower_bound"], j["sklearn_scale_elbo"],
                  j["rel_diff_vs_sklearn"], j["rel_diff_vs_sklearn_without_its_last_stick"],
                  {t: round(v["ms_per_sweep"], 3) for t, v in r["elbo4j_timed"].items()},
                  {t: round(v["cpu_ms_per_sweep"], 3) for t, v in r["elbo4j_timed"].items()},
                  {t: round(v, 4) for t, v in r["ratio_ms_per_sweep_elbo4j_over_sklearn"].items()},
                  {t: round(v, 4) for t, v in r["ratio_cpu_per_sweep_elbo4j_over_sklearn"].items()}))
        print("%-22s quality sklearn %s heldout %.4f | elbo4j %s" % ("", s["quality"], s["heldout_avg_loglik_plugin"],
                                                                    r["elbo4j_quality"]))


if __name__ == "__main__":
    sys.exit(main())
