#!/usr/bin/env bash
# Before/after eval tables, the same way for every engineer:
#
#   scripts/eval_all.sh SRC_TREE OUT_DIR [> EVAL.md]
#
# SRC_TREE: a wirecheck checkout (its src/ runs the pipeline). OUT_DIR: where each corpus's
# analysis.json lives or is written (OUT_DIR/<name>/analysis.json; an existing one is reused,
# so `scripts/eval_all.sh /work/baseline-src /work/data/baseline` scores the baseline only).
# The evaluator is this script's own tree (it reads labels.yaml), so both sides are scored
# by the same code. Corpora: seeds, realdev-<topic>, realdev, synth-s0, synth-s7.
# Env: PY (python, default /work/main/.venv/bin/python), SHARED (default <this tree>/../shared),
# DATA (generated corpora, default /work/data), ONLY (space-separated names to run; synth-s11,
# a seed no fit used, runs only when named),
# EVALS (where the eval JSON files go, default a new temporary directory).
set -euo pipefail
SRC_TREE=$(cd "${1:?usage: eval_all.sh SRC_TREE OUT_DIR}" && pwd)
OUT=${2:?usage: eval_all.sh SRC_TREE OUT_DIR}
HERE=$(cd "$(dirname "$0")/.." && pwd)
PY=${PY:-/work/main/.venv/bin/python}
# Resolved: an article id hashes its source path, so "tree/../shared" would give other ids
# (and, through tie-breaks, other groupings) than "/work/shared".
SHARED=$(cd "${SHARED:-$HERE/../shared}" && pwd -P)
DATA=${DATA:-/work/data}
LABELS=$SHARED/realdev/labels.yaml
declare -A CORPUS=(
  [seeds]="$SHARED/seeds" [realdev-doorplug]="$SHARED/realdev/doorplug"
  [realdev-keybridge]="$SHARED/realdev/keybridge" [realdev-taiwanquake]="$SHARED/realdev/taiwanquake"
  [realdev]="$SHARED/realdev" [synth-s0]="$DATA/synth5000-s0" [synth-s7]="$DATA/synth5000-s7"
  [synth-s11]="$DATA/synth5000-s11"
)
declare -A GOLD=(
  [seeds]="$SHARED/seeds/gold.yaml" [realdev-doorplug]="$LABELS" [realdev-keybridge]="$LABELS"
  [realdev-taiwanquake]="$LABELS" [realdev]="$LABELS"
  [synth-s0]="$DATA/synth5000-s0/gold.yaml" [synth-s7]="$DATA/synth5000-s7/gold.yaml"
  [synth-s11]="$DATA/synth5000-s11/gold.yaml"
)
NAMES=${ONLY:-seeds realdev-doorplug realdev-keybridge realdev-taiwanquake realdev synth-s0 synth-s7}
EVALS=${EVALS:-$(mktemp -d)}  # eval JSON per corpus (not written into OUT_DIR)
mkdir -p "$EVALS"
tables=()
for name in $NAMES; do
  dir=$OUT/$name
  if [ ! -s "$dir/analysis.json" ]; then
    echo "running $name with $SRC_TREE ..." >&2
    mkdir -p "$dir"
    start=$(date +%s)
    PYTHONPATH=$SRC_TREE/src nice -n 5 "$PY" -m wirecheck run "${CORPUS[$name]}" --out "$dir" -q >&2
    echo "run $name: $(( $(date +%s) - start )) s" >&2
  fi
  start=$(date +%s)
  PYTHONPATH=$HERE/src "$PY" -m wirecheck eval --json --gold "${GOLD[$name]}" \
    --analysis "$dir/analysis.json" > "$EVALS/$name.json"
  echo "eval $name: $(( $(date +%s) - start )) s" >&2
  tables+=("$name=$EVALS/$name.json")
done
"$PY" "$HERE/scripts/eval_tables.py" "${tables[@]}"
