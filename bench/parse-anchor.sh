#!/usr/bin/env bash
# HCL parse throughput in MB/s (median), ours and the anchor's on the same bytes in the same run: our parser with the
# Stopwatch harness (`HomelabManager.Bench quick`: median over SECONDS of repeated parses, GC collected between runs),
# and HashiCorp's parser (Go compiled to WebAssembly) through the npm package @cdktf/hcl2json, installed here into the
# git-ignored bench/.hcl2json. Inputs: the real-jobspec corpus (../shared/corpus/nomad-jobs, concatenated) and the
# generated 8 MB file. The anchor is slow on the 8 MB file (about a minute a parse): it gets one timed parse there.
# Usage: bench/parse-anchor.sh [SECONDS] [OUT-DIR]   (OUT-DIR keeps parse.txt and parse-anchor.tsv)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
out=${2:-$(mktemp -d)}
mkdir -p "$out"
bench/install-hcl2json.sh # @cdktf/hcl2json (hashicorp/hcl compiled to WebAssembly), pinned there
dotnet build bench/HomelabManager.Bench -c Release --nologo -v quiet >/dev/null
bench=bench/HomelabManager.Bench/bin/Release/net10.0/HomelabManager.Bench.dll
dotnet "$bench" dump "$out/inputs"

echo "== ours (HomelabManager.Hcl)"
dotnet "$bench" quick "$seconds" | tee "$out/parse.txt"
echo "== anchor (hashicorp/hcl via @cdktf/hcl2json): input, MB, median ms, MB/s, timed parses"
: > "$out/parse-anchor.tsv"
for input in "$out"/inputs/*.hcl; do
  size=$(stat -c %s "$input")
  anchor_seconds=$(( size > 1000000 ? 0 : seconds )) # 0: one timed parse (at least 3 on small inputs)
  min_runs=$(( size > 1000000 ? 1 : 3 ))
  node bench/hcl2json-throughput.mjs bench/.hcl2json "$anchor_seconds" "$min_runs" "$input" | tee -a "$out/parse-anchor.tsv"
done
