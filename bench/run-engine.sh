#!/usr/bin/env bash
# Strata's engine benchmarks (see bench/ENGINE.md): apply makespan ÷ critical path beside the same run with
# --max-parallel 10 (Terraform's default), dispatch latency, plan of 10,000 resources, state bytes per resource.
# Builds bench/Strata.Bench.Engine (Release), runs every measurement in one process, prints the tables, and
# records bench/results/engine-latest.json and the results block of bench/ENGINE.md.
#
#   bench/run-engine.sh                    # the full run (about 6-10 minutes on 2 cores, plus waits for a quiet machine)
#   bench/run-engine.sh --quick            # one repetition, two warm plans; written under artifacts/, not bench/
#   bench/run-engine.sh --sizes 500 --shapes deep --stages apply   # any subset (also written under artifacts/)
# Other options (passed to Strata.Bench.Engine): --reps N, --seed N, --durations MIN-MAX (ms), --plan-resources N, --plan-runs N,
# --load-threshold L (wait for the 1-minute load to drop below L first; default 2, 0 = never wait),
# --max-wait SECONDS (each wait, default 120), --wait-budget SECONDS (all waits, default 600), --data-root DIR (where the state stores go; default the temp dir),
# --render FILE (measure nothing; re-render the tables of a recorded results file).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null; then
  echo "run-engine.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2
  exit 2
fi

echo "run-engine.sh: building the engine benchmark (Release)..." >&2
mkdir -p "$root/artifacts"
built=false
for attempt in 1 2 3; do
  # Others build in this repository too: a locked file is worth a retry, not a failure.
  if dotnet build bench/Strata.Bench.Engine/Strata.Bench.Engine.csproj -c Release --nologo -v quiet -clp:ErrorsOnly \
       >"$root/artifacts/bench-engine-build.log" 2>&1; then
    built=true
    break
  fi
  grep -q "being used by another process\|cannot access the file" "$root/artifacts/bench-engine-build.log" || break
  sleep 5
done
if [ "$built" != true ]; then
  cat "$root/artifacts/bench-engine-build.log" >&2
  echo "run-engine.sh: the benchmark did not build (log: artifacts/bench-engine-build.log)" >&2
  exit 2
fi

# Only a full, default run replaces the recorded results; a quick or partial run goes under artifacts/.
if [ "$#" -eq 0 ]; then
  outputs=(--json "$root/bench/results/engine-latest.json" --markdown "$root/bench/ENGINE.md")
else
  outputs=(--json "$root/artifacts/engine-bench.json")
fi

exec "$root/bench/Strata.Bench.Engine/bin/Release/net10.0/Strata.Bench.Engine" "${outputs[@]}" "$@"
