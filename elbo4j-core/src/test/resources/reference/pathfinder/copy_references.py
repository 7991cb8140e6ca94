"""Copies the NUTS references the Pathfinder tests compare with into this folder.

Sources (not needed by the tests):
- eight schools, non-centered: elbo4j-bench/src/main/resources/posteriors/eight_schools_noncentered/reference.json
  (rstan 2.21.7 NUTS, 4 x 10000 draws, made by that folder's make_references.R);
- logistic regression 10000 x 20: /work/shared/peers/data/logreg_reference.json (rstan NUTS, 4 x 1000 draws,
  peers/stan/logreg.stan: beta ~ N(0, 1), y ~ bernoulli_logit(X beta), no intercept) and its data
  /work/shared/peers/data/logreg_10000x20.csv, written here gzipped with 9 significant digits (the rounding moves
  the posterior mean by about 1e-9 posterior sds, far below the reference's Monte Carlo error).

Run from the repository root: python3 elbo4j-core/src/test/resources/reference/pathfinder/copy_references.py
"""
import csv
import gzip
import json

HERE = "elbo4j-core/src/test/resources/reference/pathfinder/"
es = json.load(open("elbo4j-bench/src/main/resources/posteriors/eight_schools_noncentered/reference.json"))
rows = [{"name": p["name"], "mean": p["mean"], "sd": p["sd"], "mcse_mean": p["mcse_mean"]} for p in es["parameters"]
        if p["name"] == "mu" or p["name"] == "tau" or p["name"].startswith("eta")]
json.dump({"source": "elbo4j-bench/src/main/resources/posteriors/eight_schools_noncentered/reference.json",
           "method": "rstan NUTS", "parameters": rows}, open(HERE + "eight_schools_noncentered_nuts.json", "w"), indent=1)

lr = json.load(open("/work/shared/peers/data/logreg_reference.json"))
json.dump({"source": "/work/shared/peers/data/logreg_reference.json: " + lr["source"], "model": lr["model"],
           "mean": lr["mean"], "sd": lr["sd"], "se_mean": lr["se_mean"]}, open(HERE + "logreg_nuts.json", "w"), indent=1)

with open("/work/shared/peers/data/logreg_10000x20.csv") as f, gzip.open(HERE + "logreg_10000x20.csv.gz", "wt") as out:
    r = csv.reader(f)
    out.write(",".join(next(r)) + "\n")
    for row in r:
        out.write(",".join("%.9g" % float(v) for v in row[:-1]) + ",%d\n" % round(float(row[-1])))
