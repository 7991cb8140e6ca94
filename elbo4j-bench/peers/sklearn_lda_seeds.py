#!/usr/bin/python3
"""scikit-learn's LatentDirichletAllocation over several seeds, for comparison with elbo4j's LdaBenchmark.

Same corpus and settings as the shared peer peers/sklearn_lda.py (K=20, priors 1/K, online: batch 128, learning_offset
10, learning_decay 0.7, 10 passes; batch: 50 passes; max_doc_update_iter 100, mean_change_tol 1e-3, n_jobs 1), but one
fit per seed instead of three fits of seed 0, because the initial topics alone move held-out perplexity by a few
percent. With --init-dir DIR the fit for seed s starts from DIR/lda_init_<variant>_<s>.csv (K rows of V values, written
by `LdaBenchmark --write-init DIR`), i.e. from exactly elbo4j's initial topics; scikit-learn then differs from elbo4j
only in its own random draws of the documents' starting gamma (and its +eps in the normalizer). That start is set by
overriding LatentDirichletAllocation._init_latent_vars, a private method of scikit-learn 1.2.1.

Run: PEER_THREADS=2 /usr/bin/python3 elbo4j-bench/peers/sklearn_lda_seeds.py --data DIR [--seeds 0,1,2]
     [--variants online,batch] [--init-dir DIR]
Prints one JSON line: per variant, per seed the held-out and training perplexity (sklearn .perplexity), fit wall and
CPU seconds, and their means.
"""
import os
THREADS = int(os.environ.get("PEER_THREADS", "2"))
for _v in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_v] = str(THREADS)
import argparse, json, statistics, time, warnings
import numpy as np
from scipy.sparse import csr_matrix
from scipy.special import psi

VARIANTS = {"online": dict(learning_method="online", max_iter=10), "batch": dict(learning_method="batch", max_iter=50)}


def triplets(path, n_docs, n_terms):
    a = np.loadtxt(path, delimiter=",", skiprows=1, dtype=np.int64)
    return csr_matrix((a[:, 2].astype(np.float64), (a[:, 0], a[:, 1])), shape=(n_docs, n_terms))


def model(variant, seed, init_file):
    from sklearn.decomposition import LatentDirichletAllocation

    class FromInit(LatentDirichletAllocation):
        def _init_latent_vars(self, n_features, dtype=np.float64):
            super()._init_latent_vars(n_features, dtype)
            if init_file is not None:
                lam = np.loadtxt(init_file, delimiter=",")
                if lam.shape != self.components_.shape:
                    raise SystemExit("%s has shape %s, expected %s" % (init_file, lam.shape, self.components_.shape))
                self.components_ = lam
                self.exp_dirichlet_component_ = np.exp(psi(lam) - psi(lam.sum(axis=1, keepdims=True)))

    return FromInit(n_components=20, doc_topic_prior=None, topic_word_prior=None, batch_size=128,
                    learning_offset=10.0, learning_decay=0.7, evaluate_every=-1, random_state=seed, n_jobs=1,
                    **VARIANTS[variant])


def main():
    warnings.filterwarnings("ignore")
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--seeds", default="0")
    ap.add_argument("--variants", default="online,batch")
    ap.add_argument("--init-dir", default=None)
    a = ap.parse_args()
    import sklearn
    with open(os.path.join(a.data, "lda_vocab.txt")) as f:
        n_terms = len(f.read().split("\n")) - 1
    n_train = 1 + int(np.loadtxt(os.path.join(a.data, "lda_docs_train.csv"), delimiter=",", skiprows=1, usecols=0,
                                 dtype=np.int64).max())
    n_test = 1 + int(np.loadtxt(os.path.join(a.data, "lda_docs_test.csv"), delimiter=",", skiprows=1, usecols=0,
                                dtype=np.int64).max())
    x_train = triplets(os.path.join(a.data, "lda_docs_train.csv"), n_train, n_terms)
    x_test = triplets(os.path.join(a.data, "lda_docs_test.csv"), n_test, n_terms)
    seeds = [int(s) for s in a.seeds.split(",")]
    results = []
    for variant in a.variants.split(","):
        rows = []
        for seed in seeds:
            init = None if a.init_dir is None else os.path.join(a.init_dir, "lda_init_%s_%d.csv" % (variant, seed))
            m = model(variant, seed, init)
            w0, c0 = time.perf_counter(), time.process_time()
            m.fit(x_train)
            wall, cpu = time.perf_counter() - w0, time.process_time() - c0
            rows.append({"seed": seed, "fit_wall_s": round(wall, 4), "fit_cpu_s": round(cpu, 4),
                         "docs_per_s": round(n_train * m.n_iter_ / wall, 1),
                         "docs_per_cpu_s": round(n_train * m.n_iter_ / cpu, 1),
                         "perplexity_test": round(float(m.perplexity(x_test)), 4),
                         "perplexity_train": round(float(m.perplexity(x_train)), 4)})
        test = [r["perplexity_test"] for r in rows]
        train = [r["perplexity_train"] for r in rows]
        results.append({"variant": variant, "start": "elbo4j initial topics" if a.init_dir else "sklearn random_state",
                        "by_seed": rows, "perplexity_test_mean": round(statistics.mean(test), 2),
                        "perplexity_test_sd": round(statistics.stdev(test), 2) if len(test) > 1 else 0.0,
                        "perplexity_train_mean": round(statistics.mean(train), 2),
                        "fit_wall_s_median": statistics.median(r["fit_wall_s"] for r in rows),
                        "docs_per_s_median": statistics.median(r["docs_per_s"] for r in rows),
                        "docs_per_cpu_s_median": statistics.median(r["docs_per_cpu_s"] for r in rows)})
    print(json.dumps({"peer": "sklearn.decomposition.LatentDirichletAllocation", "peer_version": sklearn.__version__,
                      "threads": THREADS, "n_jobs": 1, "seeds": seeds, "results": results}))


if __name__ == "__main__":
    main()
