"""One table from the outputs of bench/run-all.sh: figure, measured, anchor (same run), target, met?, detail file.

Usage: python3 bench/summarize.py RESULTS-DIR
"""
import csv
import json
import os
import re
import sys

results = sys.argv[1]
rows = []


def path(name):
    return os.path.join(results, name)


def row(figure, measured, anchor, target, met, detail):
    rows.append((figure, measured, anchor, target, "-" if met is None else "yes" if met else "NO", detail))


# Cold start (hyperfine medians, seconds).
if os.path.exists(path("cold-start.json")):
    cold = {r["command"]: r["median"] * 1000 for r in json.load(open(path("cold-start.json")))["results"]}
    hello = cold.get("hello-world AOT (anchor)")
    for name, jit, target in (("homelab-manager --version (AOT)", "homelab-manager --version (JIT, anchor)", 15),
                              ("validate example (AOT)", "validate example (JIT, anchor)", 30)):
        if name in cold:
            row(f"cold start, {name.replace(' (AOT)', '')}", f"{cold[name]:.1f} ms",
                f"hello AOT {hello:.1f} ms; JIT {cold.get(jit, float('nan')):.0f} ms", f"<= {target} ms",
                cold[name] <= target, "cold-start.txt")

# Parse throughput: ours (quick harness medians) against hashicorp/hcl (WebAssembly), same inputs.
ours = {}
if os.path.exists(path("parse.txt")):
    for line in open(path("parse.txt")):
        m = re.match(r"(\S+)\s+[\d.]+ MB\s+median\s+[\d.]+ ms\s+([\d.]+) MB/s", line)
        if m:
            ours[m.group(1)] = float(m.group(2))
anchor = {}
if os.path.exists(path("parse-anchor.tsv")):
    for line in open(path("parse-anchor.tsv")):
        parts = line.rstrip("\n").split("\t")
        if len(parts) >= 4:
            anchor[parts[0]] = float(parts[3])
for name, mbs in ours.items():
    a = anchor.get(name)
    ratio = mbs / a if a else None
    row(f"HCL parse, {name}", f"{mbs:.1f} MB/s", f"hashicorp/hcl (wasm) {a:.2f} MB/s = x{ratio:.0f}" if a else "not measured",
        ">= 100 MB/s and >= 50x anchor", mbs >= 100 and (ratio or 0) >= 50, "parse-all.txt")

# Parse throughput with BenchmarkDotNet (bench/parse-throughput.sh): its CSV reports, one row per input.
kinds = {"FreshHeapParseBenchmarks": "one parse on a fresh heap", "ParseThroughputBenchmarks": "back to back"}
bdn = path(os.path.join("bdn", "results"))
for cls, kind in kinds.items():
    report = os.path.join(bdn, f"HomelabManager.Bench.Hcl.{cls}-report.csv")
    if not os.path.exists(report):
        continue
    with open(report, newline="") as f:
        for record in csv.DictReader(f):
            mbs = float(record["MB/s"])
            row(f"HCL parse (BenchmarkDotNet, {kind}), {record['Input']}", f"{mbs:.1f} MB/s ({record['Allocated']} allocated)",
                "-", ">= 100 MB/s", mbs >= 100, "parse-bdn.txt")

# validate / render at 100 / 1,000 / 5,000 services, NativeAOT, whole process.
scale = {}
if os.path.exists(path("render-scale.txt")):
    for line in open(path("render-scale.txt")):
        parts = line.split()
        if len(parts) == 5 and parts[0].isdigit():
            scale[(int(parts[0]), parts[1], parts[2])] = (float(parts[3]), float(parts[4]))
for command in ("validate", "render"):
    for n in (100, 1000, 5000):
        if (n, command, "aot") not in scale:
            continue
        t, m = scale[(n, command, "aot")]
        jt, jm = scale.get((n, command, "jit"), (float("nan"), float("nan")))
        target = "<= 1 s, <= 150 MiB" if n == 1000 else "(growth)"
        met = (t <= 1 and m <= 150) if n == 1000 else None
        row(f"{command} {n:,} services", f"{t:.2f} s, {m:.0f} MiB", f"JIT {jt:.2f} s, {jm:.0f} MiB", target, met, "render-scale.txt")
    if (1000, command, "aot") in scale and (5000, command, "aot") in scale:
        growth = scale[(5000, command, "aot")][0] / max(scale[(1000, command, "aot")][0], 1e-9)
        row(f"{command} growth 1,000 -> 5,000", f"time x{growth:.1f} for x5 services", "linear = x5", "linear or better",
            growth <= 5.5, "render-scale.txt")

# plan / deploy of 200 services against the Nomad double with 5 ms latency.
if os.path.exists(path("plan-deploy.tsv")):
    pd = dict(line.rstrip("\n").split("\t") for line in open(path("plan-deploy.tsv")) if "\t" in line)
    n = int(pd["services"])
    requests = int(pd["plan_requests"])
    seconds = float(pd["plan_seconds"])
    row(f"plan, {n} services, 5 ms Nomad latency", f"{seconds:.2f} s, {requests} requests", "-",
        "constant requests, <= 0.5 s", requests < n and seconds <= 0.5, "plan-deploy.txt")
    nomad = int(pd["deploy_nochange_nomad_requests"])
    total = int(pd["deploy_nochange_requests"])
    seconds = float(pd["deploy_nochange_seconds"])
    row(f"deploy, nothing changed, {n} services", f"{seconds:.2f} s, {nomad} Nomad (+{total - nomad} Vault) requests", "-",
        "constant requests, <= 0.5 s", nomad < n and total < n and seconds <= 0.5, "plan-deploy.txt")
    changed = float(pd["deploy_changed_seconds"])
    extra = changed - float(pd["deploy_nochange_seconds"])
    serial = float(pd["deploy_changed_serial_seconds"])
    row("deploy, 50 changed (concurrency 4)", f"{changed:.2f} s (+{extra:.2f} s over no change)",
        f"concurrency 1: {float(pd['deploy_changed_sequential_seconds']):.2f} s",
        f"+~(50/4) x 5 ms per request round, < 50 x 5 ms = {serial:.2f} s", extra < serial, "plan-deploy.txt")

widths = [max(len(str(r[i])) for r in rows + [("figure", "measured", "anchor (same run)", "target", "met?", "detail")]) for i in range(6)]
header = ("figure", "measured", "anchor (same run)", "target", "met?", "detail")
for r in [header, tuple("-" * w for w in widths)] + rows:
    print("  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip())
print(f"\ndetails: {results}/")
