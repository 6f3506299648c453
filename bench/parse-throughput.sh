#!/usr/bin/env bash
# HCL parse throughput in MB/s (from the median time) with BenchmarkDotNet, on the real-jobspec corpus
# (../shared/corpus/nomad-jobs, when present) and on generated files of 1, 2, 4 and 8 MB, measured two ways:
#   FreshHeapParseBenchmarks  one parse per iteration after a full collection: how the program parses (once per run)
#   ParseThroughputBenchmarks back to back in one long-lived process (BenchmarkDotNet's usual steady state)
# Prints BenchmarkDotNet's tables; the full reports land in BenchmarkDotNet.Artifacts/results/ (or --artifacts DIR).
# Usage: bench/parse-throughput.sh [--job short] [--filter PATTERN] [other BenchmarkDotNet options]
set -euo pipefail
cd "$(dirname "$0")/.."
filter=(--filter '*Hcl.*Parse*')
for arg in "$@"; do
  [[ $arg == --filter ]] && filter=()
done
dotnet run -c Release --project bench/HomelabManager.Bench -- "${filter[@]}" "$@"
