#!/usr/bin/env bash
# Coverage-guided fuzzing of one input path with afl-fuzz (AFL++ from Debian) and SharpFuzz.
# Usage: fuzz/run.sh TARGET SECONDS      TARGET: hcl | service | yaml
# Builds the harness into fuzz/out/bin, instruments the assemblies the target runs (SharpFuzz.CommandLine, a local
# dotnet tool pinned in fuzz/dotnet-tools.json), builds the seed corpus, fuzzes for SECONDS, then replays every saved
# crash and hang outside AFL so its exception is printed, and prints the run's numbers. Findings stay in
# fuzz/out/TARGET/ (git-ignored); a second run resumes from them.
set -euo pipefail
target=${1:?usage: fuzz/run.sh hcl|service|yaml SECONDS}
seconds=${2:?usage: fuzz/run.sh hcl|service|yaml SECONDS}
case "$target" in hcl | service | yaml) ;; *) echo "unknown target '$target' (hcl | service | yaml)" >&2; exit 2 ;; esac
cd "$(dirname "$0")"
fuzz=$PWD
repo=$(cd .. && pwd)
shared=$repo/../shared/corpus
out=$fuzz/out
bin=$out/bin

command -v afl-fuzz >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq afl++ >/dev/null; }
export DOTNET_ROLL_FORWARD=Major # the SharpFuzz tool targets an older runtime
dotnet tool restore >/dev/null

# One instrumented copy per run (instrumenting twice would break the assemblies).
if [[ ! -f $bin/.instrumented ]]; then
  rm -rf "$bin"
  mkdir -p "$out"
  echo "building and instrumenting the harness…" >&2
  # Built, not published: the referenced program publishes self-contained (NativeAOT), the harness must not.
  dotnet build HomelabManager.Fuzz -c Release --nologo -v quiet >/dev/null || {
    dotnet build HomelabManager.Fuzz -c Release --nologo 2>&1 | tail -20 >&2; exit 1; }
  cp -r HomelabManager.Fuzz/bin/Release/net10.0 "$bin"
  rm -rf "$out/replay"
  cp -r "$bin" "$out/replay" # uninstrumented: instrumented code writes to AFL's shared memory and faults without it
  dotnet sharpfuzz "$bin/HomelabManager.Hcl.dll" >/dev/null
  # The program assembly: only the binder and the loader (the rest never runs under these targets).
  dotnet sharpfuzz "$bin/homelab-manager.dll" HomelabManager.Definitions HomelabManager.Configuration >/dev/null
  dotnet sharpfuzz "$bin/YamlDotNet.dll" >/dev/null
  touch "$bin/.instrumented"
fi

# Seed corpus: the conformance and real-jobspec corpora, the example homelab, and fuzz/seeds/TARGET.
seeds=$out/$target/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
case "$target" in
  hcl)
    [[ -d $shared/hcl-spec ]] && cp "$shared"/hcl-spec/*.hcl "$seeds"/
    if [[ -d $shared/nomad-jobs ]]; then
      for f in "$shared"/nomad-jobs/*; do
        case "$f" in *.json | *.md) ;; *) cp "$f" "$seeds/job-$(basename "$f")" ;; esac
      done
    fi
    for f in "$repo"/examples/homelab/services/*/service.hcl; do cp "$f" "$seeds/example-$(basename "$(dirname "$f")").hcl"; done
    dict=$fuzz/dict/hcl.dict
    ;;
  service)
    for f in "$repo"/examples/homelab/services/*/service.hcl; do cp "$f" "$seeds/example-$(basename "$(dirname "$f")").hcl"; done
    cp seeds/service/* "$seeds"/
    dict=$fuzz/dict/hcl.dict
    ;;
  yaml)
    cp "$repo"/examples/homelab/homelab.yaml "$seeds/example.yaml"
    cp seeds/yaml/* "$seeds"/
    dict=$fuzz/dict/yaml.dict
    ;;
esac

# AFL++ checks that do not apply: the target is a .NET program (no compile-time instrumentation to detect), and
# the machine is shared (no CPU binding, no core-dump or frequency-governor tuning).
export AFL_SKIP_BIN_CHECK=1 AFL_NO_UI=1 AFL_NO_AFFINITY=1 AFL_SKIP_CPUFREQ=1 AFL_AUTORESUME=1
export AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_FAST_CAL=1
findings=$out/$target/findings
mkdir -p "$findings"
echo "fuzzing '$target' for ${seconds}s (findings in $findings)…" >&2
afl-fuzz -i "$seeds" -o "$findings" -x "$dict" -V "$seconds" -t 2000 -m none -- "$bin/HomelabManager.Fuzz" "$target" \
  > "$out/$target/afl.log" 2>&1 || { tail -30 "$out/$target/afl.log" >&2; exit 1; }

stats=$findings/default/fuzzer_stats
value() { awk -F: -v k="$1" '$1 ~ "^"k" *$" {gsub(/ /, "", $2); print $2}' "$stats"; }
crashes=$(find "$findings/default/crashes" -type f -name 'id:*' | wc -l)
hangs=$(find "$findings/default/hangs" -type f -name 'id:*' | wc -l)
printf '%-8s %12s %10s %10s %8s %8s %6s\n' target executions seconds execs/sec corpus crashes hangs
printf '%-8s %12s %10s %10s %8s %8s %6s\n' "$target" "$(value execs_done)" "$(value run_time)" "$(value execs_per_sec)" \
  "$(value corpus_count)" "$crashes" "$hangs"
echo "(totals over every session of this findings folder: AFL_AUTORESUME resumes it; delete fuzz/out/$target for a fresh run)" >&2

if (( crashes + hangs > 0 )); then
  echo "replaying the findings outside AFL:" >&2
  for f in "$findings"/default/crashes/id:* "$findings"/default/hangs/id:*; do
    [[ -f $f ]] || continue
    echo "== $f" >&2
    timeout 10 "$out/replay/HomelabManager.Fuzz" "$target" --replay "$f" 2>&1 | head -20 >&2 || true
  done
  exit 1
fi
