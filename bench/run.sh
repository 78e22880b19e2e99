#!/usr/bin/env bash
# Strata's validation benchmarks, side by side with cfn-lint 1.51 in the same run (see bench/README.md).
# Builds the benchmark (Release) and the published CLI (./strata), then runs every measurement one after the
# other, prints the tables and writes bench/results/latest.json and latest.md.
#
#   bench/run.sh                   # the full run (about 15–20 minutes: cfn-lint is the slow part)
#   bench/run.sh --quick           # fewer passes and calls, shorter cfn-lint bounds (a smoke run; do not commit it)
#   bench/run.sh --skip-cfn-lint   # Strata only
# Options are passed to `Strata.Bench compare` (listed in bench/README.md).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if ! command -v dotnet >/dev/null; then
  echo "run.sh: the .NET 10 SDK (dotnet) is not on PATH" >&2
  exit 2
fi

if [ ! -d "$root/../shared/corpus" ]; then
  echo "run.sh: the corpus is missing: expected $root/../shared/corpus" >&2
  exit 2
fi

echo "run.sh: building the benchmark (Release)..." >&2
mkdir -p "$root/artifacts"
if ! dotnet build bench/Strata.Bench/Strata.Bench.csproj -c Release --nologo -v quiet -clp:ErrorsOnly >"$root/artifacts/bench-build.log" 2>&1; then
  cat "$root/artifacts/bench-build.log" >&2
  echo "run.sh: the benchmark did not build (log: artifacts/bench-build.log)" >&2
  exit 2
fi

# ./strata publishes the ReadyToRun CLI into artifacts/cli when it is missing or stale; the benchmark then
# calls artifacts/cli/strata directly so that the wrapper's staleness check is not part of a timed call.
echo "run.sh: building the CLI (./strata)..." >&2
"$root/strata" validate "$root/examples/web-server.yaml" >/dev/null 2>&1 || true
if [ ! -x "$root/artifacts/cli/strata" ]; then
  echo "run.sh: ./strata did not produce artifacts/cli/strata (see artifacts/build.log)" >&2
  exit 2
fi

command -v hyperfine >/dev/null || echo "run.sh: hyperfine not found (apt-get install -y hyperfine); timing CLI calls with a loop" >&2

exec "$root/bench/Strata.Bench/bin/Release/net10.0/Strata.Bench" compare --repo "$root" "$@"
