#!/usr/bin/env bash
# Whole-process wall time and peak memory of `validate` and `render` with the NativeAOT binary on
# generated homelabs of 100 / 1,000 / 5,000 services (median of RUNS runs), and how they grow.
# Anchor: the same commands under the JIT (dotnet homelab-manager.dll).
# Usage: bench/render-scale.sh [RUNS]   (default 5). HOMELAB_AOT=DIR and HOMELAB_JIT=DIR use already published
#   builds (bench/run-all.sh passes its own).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

aot=${HOMELAB_AOT:-$work/aot}
jit=${HOMELAB_JIT:-$work/jit}
if [[ -z ${HOMELAB_AOT:-} || -z ${HOMELAB_JIT:-} ]]; then
  echo "publishing the NativeAOT binary and the JIT build…" >&2
  dotnet publish src/HomelabManager -c Release -o "$aot" --nologo >/dev/null
  dotnet publish src/HomelabManager -c Release -o "$jit" -p:PublishAot=false --nologo >/dev/null
fi

# median wall seconds and median peak RSS (MiB) of a command, over $runs runs
measure() {
  local times=() rss=()
  for ((r = 0; r < runs; r++)); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
    read -r t m < "$work/time"
    times+=("$t"); rss+=("$m")
  done
  local mt mm
  mt=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  mm=$(printf '%s\n' "${rss[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.0f", a[int((NR+1)/2)]/1024}')
  echo "$mt $mm"
}

printf '%-8s %-9s %-6s %10s %10s\n' services command build "wall (s)" "peak MiB"
for n in 100 1000 5000; do
  bench/generate-homelab.sh "$n" "$work/lab-$n"
  for command in validate render; do
    read -r t m < <(measure "$aot/homelab-manager" "$command" --dir "$work/lab-$n")
    printf '%-8s %-9s %-6s %10s %10s\n' "$n" "$command" aot "$t" "$m"
    read -r t m < <(measure dotnet "$jit/homelab-manager.dll" "$command" --dir "$work/lab-$n")
    printf '%-8s %-9s %-6s %10s %10s\n' "$n" "$command" jit "$t" "$m"
  done
done
