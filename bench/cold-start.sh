#!/usr/bin/env bash
# Cold start of the NativeAOT binary: `--version` and `validate` of the example homelab, median
# over many runs (hyperfine), next to the anchors measured in the same run: a .NET hello-world
# AOT binary and the same commands under the JIT.
# Usage: bench/cold-start.sh [JSON-FILE]   (installs hyperfine from Debian when missing; JSON-FILE keeps hyperfine's
#   export). HOMELAB_AOT=DIR / HOMELAB_JIT=DIR use already published builds (bench/run-all.sh passes its own).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v hyperfine >/dev/null || { apt-get update -qq && apt-get install -y -qq hyperfine >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

aot=${HOMELAB_AOT:-$work/aot}
jit=${HOMELAB_JIT:-$work/jit}
[[ -n ${HOMELAB_AOT:-} ]] || dotnet publish src/HomelabManager -c Release -o "$aot" --nologo >/dev/null
[[ -n ${HOMELAB_JIT:-} ]] || dotnet publish src/HomelabManager -c Release -o "$jit" -p:PublishAot=false --nologo >/dev/null
mkdir -p "$work/hello"
cat > "$work/hello/hello.csproj" <<'XML'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><PublishAot>true</PublishAot><InvariantGlobalization>true</InvariantGlobalization><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
</Project>
XML
echo 'System.Console.WriteLine("hello");' > "$work/hello/Program.cs"
(cd "$work/hello" && dotnet publish -c Release -o "$work/hello/out" --nologo >/dev/null)

json=${1:-$work/cold-start.json}
hyperfine -N --warmup 5 --runs 50 --export-json "$json" \
  -n "hello-world AOT (anchor)" "$work/hello/out/hello" \
  -n "homelab-manager --version (AOT)" "$aot/homelab-manager --version" \
  -n "homelab-manager --version (JIT, anchor)" "dotnet $jit/homelab-manager.dll --version" \
  -n "validate example (AOT)" "$aot/homelab-manager validate --dir examples/homelab" \
  -n "validate example (JIT, anchor)" "dotnet $jit/homelab-manager.dll validate --dir examples/homelab"
# medians (the figure the README quotes), min and max, in milliseconds
python3 - "$json" <<'PY'
import json, sys
results = json.load(open(sys.argv[1]))["results"]
print(f"{'command':45} {'median ms':>10} {'min ms':>8} {'max ms':>8}")
for r in results:
    print(f"{r['command']:45} {r['median'] * 1000:10.1f} {r['min'] * 1000:8.1f} {r['max'] * 1000:8.1f}")
PY
