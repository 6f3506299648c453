#!/usr/bin/env bash
# Installs @cdktf/hcl2json (hashicorp/hcl compiled to WebAssembly, with tmccombs/hcl2json's converter) at the pinned
# version into the git-ignored bench/.hcl2json, unless that version is already there. Used by the parse-throughput
# anchor (bench/parse-anchor.sh) and by the differential tests (tests/HomelabManager.Hcl.Tests/Differential, whose
# Hcl2JsonReference.Version pins the same version). Needs node and npm; says so and exits 0 without them.
set -euo pipefail
cd "$(dirname "$0")/.."
version=0.21.0
folder=bench/.hcl2json
installed=$folder/node_modules/@cdktf/hcl2json/package.json
if [[ -f $installed ]] && grep -q "\"version\": \"$version\"" "$installed"; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "note: npm is absent; @cdktf/hcl2json not installed, the differential tests will report themselves skipped." >&2
  exit 0
fi
echo "installing @cdktf/hcl2json@$version into $folder" >&2
mkdir -p "$folder"
(cd "$folder" && npm install --no-audit --no-fund --silent --save-exact "@cdktf/hcl2json@$version" >/dev/null)
