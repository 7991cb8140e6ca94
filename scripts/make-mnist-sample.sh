#!/usr/bin/env bash
# Writes the MNIST sample the `vae` and `ssvae` demos and their tests use: the header and the first
# 1,500 digits of the peers' mnist10k.csv.gz (label, p0..p783 as integers 0..255; MIT licence,
# copied beside the sample). Usage: scripts/make-mnist-sample.sh [path/to/mnist10k.csv.gz]
set -euo pipefail
SRC="${1:-$(dirname "$0")/../../shared/peers/data/mnist10k.csv.gz}"
OUT="$(cd "$(dirname "$0")/.." && pwd)/elbo4j-cli/src/main/resources/io/github/elbo4j/cli/demo"
mkdir -p "$OUT"
{ zcat "$SRC" || true; } | head -n 1501 | gzip -n -9 > "$OUT/mnist-sample.csv.gz"
cp "$(dirname "$SRC")/mnist10k.LICENSE" "$OUT/mnist-sample.LICENSE"
echo "wrote $OUT/mnist-sample.csv.gz ($(zcat "$OUT/mnist-sample.csv.gz" | wc -l) lines)"
