#!/usr/bin/env bash
# Regenerates src/Strata.Templates/Spec/Data/resource-spec.bin from the npm package pinned in
# tools/spec/package.json (@aws-cdk/aws-service-spec). Commit the regenerated file. See tools/spec/README.md.
# Extra arguments go to the generator (--package DIR, --out FILE).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

npm_flags=(--prefix tools/spec --ignore-scripts --no-audit --no-fund)
if [[ -f tools/spec/package-lock.json ]]; then
    npm ci "${npm_flags[@]}"
else
    npm install "${npm_flags[@]}"
fi

# The generator builds Strata.Templates, which embeds this file; on a fresh checkout without it, start empty.
spec_file=src/Strata.Templates/Spec/Data/resource-spec.bin
[[ -f "$spec_file" ]] || : > "$spec_file"

dotnet run --project tools/Strata.SpecGen -c Release -- "$@"
