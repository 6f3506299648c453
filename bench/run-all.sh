#!/usr/bin/env bash
# Every benchmark of issue 6 in one run (about 10 minutes on the 2-core machine), then one table: figure, anchor
# measured in the same run, target, met?, and the file holding the detail. Each part stays callable on its own:
# cold-start.sh, parse-anchor.sh, parse-throughput.sh (BenchmarkDotNet), render-scale.sh,
# plan-deploy.sh. Details land in bench/results/<time>/ (git-ignored). Figures from a busy machine are not README
# figures: run it on an otherwise idle machine.
# Usage: bench/run-all.sh
set -euo pipefail
cd "$(dirname "$0")/.."
results=bench/results/$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$results"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
step() { printf '\n### %s (%s)\n' "$1" "$(date -u +%T)" >&2; }

step "publishing the NativeAOT binary and the JIT build once for every part"
dotnet publish src/HomelabManager -c Release -o "$work/aot" --nologo >/dev/null
dotnet publish src/HomelabManager -c Release -o "$work/jit" -p:PublishAot=false --nologo >/dev/null
export HOMELAB_AOT=$work/aot HOMELAB_JIT=$work/jit

step "cold start (hyperfine)"
bench/cold-start.sh "$results/cold-start.json" | tee "$results/cold-start.txt" >&2
step "HCL parse throughput, ours and hashicorp/hcl (WebAssembly)"
bench/parse-anchor.sh 5 "$results" > "$results/parse-all.txt"
cat "$results/parse-all.txt" >&2
step "HCL parse throughput with BenchmarkDotNet: one parse on a fresh heap, and back to back"
bench/parse-throughput.sh --artifacts "$results/bdn" > "$results/parse-bdn.txt"
grep -E '^\| ' "$results/parse-bdn.txt" >&2
step "validate and render of 100 / 1,000 / 5,000 services"
bench/render-scale.sh 3 | tee "$results/render-scale.txt" >&2
step "plan and deploy of 200 services against the doubles"
bench/plan-deploy.sh 200 5 "$results/plan-deploy.tsv" | tee "$results/plan-deploy.txt" >&2

step "summary"
python3 bench/summarize.py "$results" | tee "$results/summary.txt"
