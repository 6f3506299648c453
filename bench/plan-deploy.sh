#!/usr/bin/env bash
# `plan` and `deploy` of a generated homelab (default 200 services) against the in-process Nomad and Vault doubles of
# the test project, Nomad answering after an injected latency (default 5 ms): wall time of the whole NativeAOT process
# (median of RUNS) and the requests per endpoint. Figures: plan and a no-change deploy (target: a constant number of
# requests, <= 0.5 s), and a deploy where 50 services changed, at the default concurrency and one at a time (anchor).
# Usage: bench/plan-deploy.sh [SERVICES] [RUNS] [SUMMARY-FILE]
#   HOMELAB_AOT=DIR uses an already published NativeAOT build (bench/run-all.sh passes its own).
set -euo pipefail
cd "$(dirname "$0")/.."
services=${1:-200}
runs=${2:-5}
summary=${3:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

aot=${HOMELAB_AOT:-}
if [[ -z $aot ]]; then
  echo "publishing the NativeAOT binary…" >&2
  dotnet publish src/HomelabManager -c Release -o "$work/aot" --nologo >/dev/null
  aot=$work/aot
fi
dotnet build bench/HomelabManager.Bench.Cluster -c Release --nologo -v quiet >/dev/null
bench/generate-homelab.sh "$services" "$work/lab"
dotnet bench/HomelabManager.Bench.Cluster/bin/Release/net10.0/HomelabManager.Bench.Cluster.dll \
  --cli "$aot/homelab-manager" --dir "$work/lab" --latency-ms 5 --changed 50 --runs "$runs" ${summary:+--summary "$summary"}
