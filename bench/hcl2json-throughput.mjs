// Anchor for the HCL parse throughput: HashiCorp's own parser (hashicorp/hcl, Go compiled to WebAssembly) through
// the npm package @cdktf/hcl2json, on the same input files. parse() parses and converts to JSON, as the reference
// output of ../shared/corpus was made. Prints one line per file: name, MB, median ms, median MB/s (10^6 bytes).
// Usage: node bench/hcl2json-throughput.mjs MODULE-DIR SECONDS MIN-RUNS FILE...
// Parses each file repeatedly for SECONDS, and at least MIN-RUNS times, after a warm-up on a tiny input.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename, resolve } from "node:path";

const [moduleDir, seconds, minRuns, ...files] = process.argv.slice(2);
const require = createRequire(resolve(moduleDir) + "/");
const { parse } = require("@cdktf/hcl2json");

for (const file of files) {
  const text = readFileSync(file, "utf8");
  const megabytes = Buffer.byteLength(text, "utf8") / 1e6;
  await parse("warm-up.hcl", "a = 1\n"); // loads and starts the WebAssembly module
  let failure = "";
  const times = [];
  const deadline = performance.now() + Number(seconds) * 1000;
  while (times.length < Number(minRuns) || performance.now() < deadline) {
    const start = performance.now();
    try {
      await parse(basename(file), text);
    } catch (error) {
      // a rejected input still costs its parse; the line says so
      failure = ` (rejected: ${String(error).split("\n")[0].slice(0, 100)})`;
    }
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  console.log(`${basename(file, ".hcl")}\t${megabytes.toFixed(2)}\t${median.toFixed(1)}\t${(megabytes / (median / 1000)).toFixed(2)}\t${times.length}${failure}`);
}
