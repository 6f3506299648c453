#!/usr/bin/env bash
# HCL parse throughput in MB/s (median), on the real-jobspec corpus (../shared/corpus/nomad-jobs,
# when present) and on a generated 8 MB file. Prints BenchmarkDotNet's table; the full reports
# land in BenchmarkDotNet.Artifacts/results/. Usage: bench/parse-throughput.sh [--job short]
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/HomelabManager.Bench -- --filter '*ParseThroughput*' "$@"
