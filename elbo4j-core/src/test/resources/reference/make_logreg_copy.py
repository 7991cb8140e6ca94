#!/usr/bin/env python3
"""Copies the benchmarks' logistic regression data into the tests (NutsLogisticRegressionTest).

Source: ../shared/peers/data/logreg_10000x20.csv (made by ../shared/peers/torch_advi_logreg.py), and
its NUTS reference summary ../shared/peers/data/logreg_reference.json (rstan 2.21.7, 4 chains x
(1000 + 1000), seed 1234, written by ../shared/peers/stan_advi_logreg.R), copied unchanged as
logreg_nuts_reference.json. The features are kept to 9 significant digits (relative change <= 5e-10,
far below the reference's Monte Carlo error of ~1e-2 sd) so that the gzipped copy is ~1 MB.
Run from the repository root: python3 elbo4j-core/src/test/resources/reference/make_logreg_copy.py
"""
import csv, gzip, shutil, sys

src = sys.argv[1] if len(sys.argv) > 1 else "../shared/peers/data"
out = "elbo4j-core/src/test/resources/reference/"
rows = list(csv.reader(open(src + "/logreg_10000x20.csv")))
with gzip.open(out + "logreg_10000x20.csv.gz", "wt", compresslevel=9) as f:
    f.write(",".join(rows[0]) + "\n")
    for r in rows[1:]:
        f.write(",".join(["%.9g" % float(v) for v in r[:-1]] + [str(int(float(r[-1])))]) + "\n")
shutil.copy(src + "/logreg_reference.json", out + "logreg_nuts_reference.json")
