#!/usr/bin/env bash
# elbo4j LDA vs scikit-learn on the peers' real corpus (Debian package descriptions, K=20), same settings.
#
#   bench/lda.sh [DATA_DIR]        DATA_DIR holds lda_docs_train.csv, lda_docs_test.csv, lda_vocab.txt
#                                  (default: /work/shared/peers/data)
# Environment: THREADS (2) worker threads for elbo4j and PEER_THREADS for numpy; SEEDS (0,1,2,3,4);
#   REPEATS (3) timed fits of the first seed; OUT (a fresh temp dir) for the JSON results and initial topics;
#   SKLEARN (1) 0 skips the scikit-learn runs; OFFICIAL (0) 1 also runs the shared peer script PEERS/sklearn_lda.py
#   (PEERS defaults to DATA_DIR/..).
# Needs the peers' Python (bash peers/setup.sh: /usr/bin/python3 with scikit-learn 1.2.1).
# Runs: 1) elbo4j, online and batch: REPEATS timed fits of seed SEEDS[0], then one fit per seed, writing each seed's
#       initial topics; 2) scikit-learn, one fit per seed (its own random_state); 3) scikit-learn started from
#       elbo4j's initial topics of each seed; 4) a summary: docs/s ratio and held-out perplexity differences.
# Takes about 10 minutes with 5 seeds on 2 cores (scikit-learn's batch fits dominate).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DATA="${1:-/work/shared/peers/data}"
PEERS="${PEERS:-$DATA/..}"
THREADS="${THREADS:-2}"
SEEDS="${SEEDS:-0,1,2,3,4}"
REPEATS="${REPEATS:-3}"
OUT="${OUT:-$(mktemp -d "${TMPDIR:-/tmp}/elbo4j-lda.XXXXXX")}"
mkdir -p "$OUT"
cd "$ROOT"
mvn -B -q -pl elbo4j-bench -am package -DskipTests
echo "results in $OUT" >&2
java -cp elbo4j-bench/target/benchmarks.jar io.github.elbo4j.bench.LdaBenchmark --data "$DATA" --threads "$THREADS" \
  --repeats "$REPEATS" --seeds "$SEEDS" --write-init "$OUT/init" > "$OUT/elbo4j.json"
if [ "${SKLEARN:-1}" = 1 ]; then
  PEER_THREADS="$THREADS" /usr/bin/python3 elbo4j-bench/peers/sklearn_lda_seeds.py --data "$DATA" --seeds "$SEEDS" \
    > "$OUT/sklearn_seeds.json"
  PEER_THREADS="$THREADS" /usr/bin/python3 elbo4j-bench/peers/sklearn_lda_seeds.py --data "$DATA" --seeds "$SEEDS" \
    --init-dir "$OUT/init" > "$OUT/sklearn_same_init.json"
fi
if [ "${OFFICIAL:-0}" = 1 ]; then
  PEER_THREADS="$THREADS" /usr/bin/python3 "$PEERS/sklearn_lda.py" --repeats 3 | head -1 > "$OUT/sklearn_official.json"
fi
python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
def load(name):
    p = os.path.join(out, name)
    return json.load(open(p)) if os.path.exists(p) else None
e, s, si, off = (load(n) for n in ("elbo4j.json", "sklearn_seeds.json", "sklearn_same_init.json", "sklearn_official.json"))
def by(d, v):
    return next((r for r in d["results"] if r["variant"] == v), None) if d else None
print("variant  elbo4j docs/s (per CPU s)  sklearn docs/s (per CPU s)  ratio wall (CPU) | held-out perplexity "
      "mean±sd over seeds %s" % e["results"][0]["seeds"])
for v in ("online", "batch"):
    r = by(e, v)
    if r is None:
        continue
    line = "%-7s  %6.0f (%6.0f)" % (v, r["docs_per_s"], r["docs_per_cpu_s"])
    k = by(s, v)
    if off:
        o = next(x for x in off["results"] if x["variant"] == v)
        line += "  official peer %6.0f  %5.2fx" % (o["docs_per_s"], r["docs_per_s"] / o["docs_per_s"])
    if k:
        line += "  %6.0f (%6.0f)  %5.2fx (%5.2fx)" % (k["docs_per_s_median"], k["docs_per_cpu_s_median"],
                                                      r["docs_per_s"] / k["docs_per_s_median"],
                                                      r["docs_per_cpu_s"] / k["docs_per_cpu_s_median"])
    line += " | elbo4j %.1f±%.1f" % (r["perplexity_test_mean"], r["perplexity_test_sd"])
    if k:
        line += "  sklearn %.1f±%.1f (%+.2f%%)" % (k["perplexity_test_mean"], k["perplexity_test_sd"],
                                                 100 * (r["perplexity_test_mean"] / k["perplexity_test_mean"] - 1))
    ki = by(si, v)
    if ki:
        line += "  sklearn from elbo4j's initial topics %.1f±%.1f (%+.2f%%)" % (
            ki["perplexity_test_mean"], ki["perplexity_test_sd"],
            100 * (r["perplexity_test_mean"] / ki["perplexity_test_mean"] - 1))
    print(line)
PY
