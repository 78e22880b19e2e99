#!/usr/bin/env bash
# Installs what the test suite needs when it is missing. Tools from the machine's Python environment
# (moto_server, cfn-lint, aws) cannot be installed here (no PyPI); their absence is reported clearly.
set -euo pipefail

missing=()
for tool in moto_server cfn-lint aws; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-test-deps: missing from the Python environment: ${missing[*]} (tests that need them will fail)" >&2
fi

# The spec round-trip test reads the pinned npm package; install it if absent (npm registry is reachable).
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ -f "$root/tools/spec/package.json" ] && [ ! -d "$root/tools/spec/node_modules/@aws-cdk/aws-service-spec" ]; then
  (cd "$root/tools/spec" && if [ -f package-lock.json ]; then npm ci --ignore-scripts --no-audit --no-fund --silent; else npm install --ignore-scripts --no-audit --no-fund --silent; fi) >&2
fi
