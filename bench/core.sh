#!/usr/bin/env bash
# Core performance: Tensor.matmul (vs numpy a @ b), tape overhead per op, element-wise
# forward+backward (vs a plain Java loop). Builds elbo4j-bench/target/benchmarks.jar, runs the JMH
# benchmarks with JSON output, runs the numpy peer, and prints one table (also saved as table.md).
#
# usage: bench/core.sh [label]        results go to bench/results/core-<UTC time>[-label]/
# environment (all optional):
#   JVM_FLAGS     extra flags for the benchmark JVMs, e.g. "--add-modules jdk.incubator.vector"
#                 (netlib's VectorBLAS) or "-Ddev.ludovic.netlib.blas.nativeLib=libopenblas.so.0"
#   SIZES         matrix orders, default "512 1024" (2048 adds ~2 min with pure-Java BLAS)
#   PYTHON        interpreter(s) for the numpy peer, default python3 on PATH; with several
#                 ("python3 /usr/bin/python3") the first gives the ratios, the others a side table
#   BENCH_THREADS BLAS threads for both sides (OpenBLAS/OMP/MKL), default 2
#   JMH_ARGS      extra JMH arguments, e.g. "-prof gc"
#   BENCH_FILTER  JMH benchmark regex, default the four core benchmarks
#   SKIP_BUILD=1  reuse an existing benchmarks.jar
#   IDLE_WAIT_S   on a shared machine, wait up to this many seconds (default 600) for the other
#                 processes to go quiet before each timed step; 0 = don't wait
#   BENCH_PRIORITY=1  (root) run in a session of its own whose autogroup has nice -20, so other
#                 sessions' processes get CPU only when the benchmark leaves it idle; use it when
#                 the machine never goes quiet, and say so (it slows everyone else meanwhile)
# The numpy command alone runs without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE when they are set
# (they can slow a current numpy's bundled OpenBLAS); env.txt and the table say so.
set -euo pipefail

if [ -n "${BENCH_PRIORITY:-}" ] && [ -z "${ELBO4J_BENCH_SESSION:-}" ]; then
  export ELBO4J_BENCH_SESSION=1
  exec setsid --wait "$0" "$@"
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
LABEL="${1:-}"
OUT="$ROOT/bench/results/core-$(date -u +%Y%m%dT%H%M%SZ)${LABEL:+-$LABEL}"
mkdir -p "$OUT"
JAR="$ROOT/elbo4j-bench/target/benchmarks.jar"
SIZES="${SIZES:-512 1024}"
PYTHONS="${PYTHON:-python3}"
THREADS="${BENCH_THREADS:-2}"
export OPENBLAS_NUM_THREADS="$THREADS" OMP_NUM_THREADS="$THREADS" MKL_NUM_THREADS="$THREADS" PEER_THREADS="$THREADS"
FORK_JVM="-Xms2g -Xmx2g ${JVM_FLAGS:-}"
FILTER="${BENCH_FILTER:-io.github.elbo4j.bench.(Matmul|MatmulFirstCall|TapeOverhead|Elementwise)Benchmark}"

PRIORITY="normal"
if [ -n "${BENCH_PRIORITY:-}" ]; then
  if echo -20 > /proc/self/autogroup; then PRIORITY="own session, autogroup nice -20"; IDLE_WAIT_S=0
  else echo "WARNING: could not raise the autogroup priority (needs root); running at normal priority" >&2; fi
fi

# Contention check: CPU time the rest of the machine used while a step ran = busy jiffies of
# /proc/stat minus this script's finished children (bash's `times`, called in this shell: a
# subshell would report zero).
cpu_jiffies() { awk '/^cpu /{print $2+$3+$4+$7+$8, $9}' /proc/stat; }
own_cpu_seconds() { # $1 = file to write
  times > "$1"
  awk 'NR==2{ for (i = 1; i <= 2; i++) { split($i, p, /[ms]/); s += p[1] * 60 + p[2] } print s }' "$1" > "$1.s"
}
# CPU availability: wall time of a fixed CPU-bound bash loop over its CPU time (1.0 = a whole
# CPU for us; 2.0 = we got half). Run before and after each timed step.
cpu_availability() {
  local TIMEFORMAT="%R %U %S" t
  t=$( { time { i=0; while [ $i -lt 200000 ]; do i=$((i + 1)); done; }; } 2>&1 )
  echo "$t" | awk '{ printf "%.2f", ($2 + $3) / $1 }'
}
monitor_start() {
  M_AVAIL0=$(cpu_availability)
  read -r M_BUSY M_STEAL < <(cpu_jiffies)
  own_cpu_seconds "$OUT/.own0"
  M_T0=$(date +%s)
}
monitor_end() { # $1 = step; appends <step>_wall_s, _own_cpu_s, _other_cpu_s, _steal_cpu_s, _cpu_availability
  local busy steal t1
  t1=$(date +%s)
  read -r busy steal < <(cpu_jiffies)
  own_cpu_seconds "$OUT/.own1"
  awk -v n="$1" -v w=$((t1 - M_T0)) -v b=$((busy - M_BUSY)) -v st=$((steal - M_STEAL)) \
      -v hz="$(getconf CLK_TCK)" -v o0="$(cat "$OUT/.own0.s")" -v o1="$(cat "$OUT/.own1.s")" \
    'BEGIN { o = o1 - o0; printf "%s_wall_s=%d\n%s_own_cpu_s=%.1f\n%s_other_cpu_s=%.1f\n%s_steal_cpu_s=%.1f\n", n, w, n, o, n, b / hz - o, n, st / hz }' \
    >> "$OUT/env.txt"
  rm -f "$OUT"/.own0* "$OUT"/.own1*
  echo "${1}_cpu_availability=$M_AVAIL0 before, $(cpu_availability) after" >> "$OUT/env.txt"
}

# Another JMH run on this machine (another session's benchmarks): wait for it to end rather than
# disturb it or be disturbed (JMH itself refuses to start two runs; numpy would just overlap).
MY_SID=$(awk '{print $6}' /proc/$$/stat)
other_benchmarks() { ps -eo sid=,args= | awk -v s="$MY_SID" '$1 != s && /org[.]openjdk[.]jmh|benchmarks[.]jar/ && !/awk/' ; }
wait_for_other_benchmarks() { # $1 = step
  local waited=0 limit="${JMH_WAIT_S:-3600}"
  while [ -n "$(other_benchmarks)" ] && [ "$waited" -lt "$limit" ]; do
    [ "$waited" -eq 0 ] && echo "another session is running JMH; waiting up to ${limit}s before $1 ..." >&2
    sleep 10; waited=$((waited + 10))
  done
  echo "${1}_waited_for_other_jmh_s=$waited" >> "$OUT/env.txt"
}

wait_for_idle() { # $1 = step; waits until the machine outside this script is < 10% of one CPU
  local limit="${IDLE_WAIT_S:-600}" waited=0 b0 b1 s
  if [ "$limit" -le 0 ]; then echo "${1}_waited_for_idle_s=not checked" >> "$OUT/env.txt"; return 0; fi
  while [ "$waited" -lt "$limit" ]; do
    read -r b0 s < <(cpu_jiffies); sleep 3; read -r b1 s < <(cpu_jiffies)
    if [ $((b1 - b0)) -lt $(( $(getconf CLK_TCK) * 3 / 10 )) ]; then
      [ "$waited" -gt 0 ] && echo "machine idle after ${waited}s; starting $1" >&2
      echo "${1}_waited_for_idle_s=$waited" >> "$OUT/env.txt"
      return 0
    fi
    [ "$waited" -eq 0 ] && echo "other processes are using the CPU; waiting up to ${limit}s before $1 ..." >&2
    waited=$((waited + 3))
  done
  echo "${1}_waited_for_idle_s=$waited (gave up: machine busy)" >> "$OUT/env.txt"
  echo "WARNING: machine still busy after ${limit}s; running $1 anyway (see other_cpu_s in env.txt)" >&2
}

{
  echo "date_utc=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "git=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo '+dirty')"
  echo "nproc=$(nproc)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "mem=$(awk '/MemTotal/{printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "java=$(java -version 2>&1 | head -1)"
  echo "fork_jvm_flags=$FORK_JVM"
  echo "threads=$THREADS"
  echo "priority=$PRIORITY"
  echo "openblas_coretype=${OPENBLAS_CORETYPE:-unset} openblas_l2_size=${OPENBLAS_L2_SIZE:-unset}"
  echo "libblas.so.3=$(readlink -e /usr/lib/x86_64-linux-gnu/libblas.so.3 2>/dev/null || echo absent)"
  echo "loadavg_before=$(cut -d' ' -f1-3 /proc/loadavg)"
} > "$OUT/env.txt"

if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building $JAR ..." >&2
  mvn -B -q -DskipTests -pl elbo4j-bench -am package
fi

# Which BLAS the benchmark JVMs get (same flags, same environment).
# shellcheck disable=SC2086
java $FORK_JVM -cp "$JAR" io.github.elbo4j.bench.BlasProbe > "$OUT/blas.json" 2> "$OUT/blas.log"
echo "BLAS loaded: $(cat "$OUT/blas.json")" >&2

for attempt in 1 2 3 4 5 6; do
  wait_for_other_benchmarks jmh
  wait_for_idle jmh
  monitor_start
  # shellcheck disable=SC2086
  java -jar "$JAR" "$FILTER" -p n="$(echo $SIZES | tr ' ' ',')" -jvmArgsAppend "$FORK_JVM" \
    -rf json -rff "$OUT/jmh.json" ${JMH_ARGS:-} 2>&1 | tee "$OUT/jmh.log" || true
  monitor_end jmh
  grep -q 'Unable to acquire the JMH lock' "$OUT/jmh.log" || break
  echo "JMH lock held by another run; retrying ($attempt)" >&2
  sed -i '/^jmh_/d' "$OUT/env.txt"
done
if [ ! -s "$OUT/jmh.json" ]; then
  echo "ERROR: JMH produced no results ($OUT/jmh.log)" >&2
  exit 1
fi

# numpy peers: a missing python or numpy is recorded as missing, never skipped silently.
unset_env=()
for v in OPENBLAS_CORETYPE OPENBLAS_L2_SIZE; do
  if [ -n "${!v+x}" ]; then unset_env+=(-u "$v"); fi
done
i=0
for py in $PYTHONS; do
  out="$OUT/numpy.json"; [ "$i" -gt 0 ] && out="$OUT/numpy-$i.json"
  step=numpy; [ "$i" -gt 0 ] && step="numpy$i"
  if ! command -v "$py" > /dev/null 2>&1; then
    echo "{\"peer\": \"numpy\", \"missing\": true, \"python\": \"$py\", \"error\": \"no python interpreter '$py'\"}" > "$out"
  else
    wait_for_other_benchmarks "$step"
    wait_for_idle "$step"
    monitor_start
    # shellcheck disable=SC2086
    if ! env "${unset_env[@]}" "$py" elbo4j-bench/peers/numpy_matmul.py $SIZES > "$out" 2> "${out%.json}.log"; then
      if ! grep -q '"missing": true' "$out" 2>/dev/null; then
        echo "{\"peer\": \"numpy\", \"missing\": true, \"python\": \"$py\", \"error\": \"numpy_matmul.py failed, see ${out%.json}.log\"}" > "$out"
      fi
    fi
    monitor_end "$step"
  fi
  i=$((i + 1))
done
echo "numpy_unset_env=${unset_env[*]:-none}" >> "$OUT/env.txt"
echo "loadavg_after=$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/env.txt"

if command -v python3 > /dev/null 2>&1; then
  python3 bench/core_report.py "$OUT" | tee "$OUT/table.md"
else
  echo "python3 not found: no table, numpy peer MISSING; raw results in $OUT (JMH summary above)" | tee "$OUT/table.md"
fi
echo "results: $OUT" >&2
