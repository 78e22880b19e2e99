#!/usr/bin/env bash
# Runs Strata's whole test suite: installs what the tests need when it is missing, builds, runs every
# test project, and ends with one summary line "N passed, N failed, N skipped".
set -uo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"

"$root/scripts/install-test-deps.sh" || { echo "test.sh: could not install test dependencies" >&2; exit 2; }

dotnet build Strata.sln -c Release --nologo -v quiet || { echo "0 passed, 1 failed"; echo "test.sh: build failed" >&2; exit 1; }

log="$(mktemp)"
dotnet test Strata.sln -c Release --no-build --nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

# Sum dotnet test's per-project lines ("Failed!  - Failed: 1, Passed: 9, Skipped: 0, Total: 10").
read -r passed failed skipped < <(awk '
  /(Passed|Failed)! +- +Failed: +[0-9]+, +Passed: +[0-9]+, +Skipped: +[0-9]+/ {
    for (i = 1; i <= NF; i++) {
      if ($i == "Failed:") f += $(i+1) + 0
      if ($i == "Passed:") p += $(i+1) + 0
      if ($i == "Skipped:") s += $(i+1) + 0
    }
  }
  END { printf "%d %d %d\n", p, f, s }' "$log")
rm -f "$log"
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$status"
