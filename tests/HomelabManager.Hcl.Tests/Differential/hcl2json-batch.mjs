// HashiCorp's verdict on a batch of HCL files: hashicorp/hcl (Go, compiled to WebAssembly) with the converter of
// tmccombs/hcl2json, as shipped in the npm package @cdktf/hcl2json. One process and one WebAssembly start for the
// whole batch. The package's own parse() runs JSON.parse on the converter's output, which rounds big numbers to
// doubles; this script loads the same WebAssembly module the same way but keeps the converter's JSON text as is.
//
// Usage: node hcl2json-batch.mjs MODULE-DIR PATH...
//   MODULE-DIR: the folder whose node_modules holds @cdktf/hcl2json (bench/.hcl2json in this repository).
//   PATH: a file, or a folder (every regular file in it, sorted by name).
// Prints one JSON line per file, in order:
//   {"file": PATH, "accepted": true, "json": "<the converter's JSON text>"}
//   {"file": PATH, "accepted": false, "error": "<first line>", "line": N, "column": N, "summary": "<of the first diagnostic>"}
// (line, column and summary are null when the message has no position).
import { createRequire } from "node:module";
import { readFileSync, readdirSync, statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { gunzipSync } from "node:zlib";

const [moduleDir, ...paths] = process.argv.slice(2);
if (!moduleDir) {
  console.error("usage: node hcl2json-batch.mjs MODULE-DIR PATH...");
  process.exit(2);
}

const require = createRequire(resolve(moduleDir) + "/");
const packageDir = dirname(require.resolve("@cdktf/hcl2json/package.json"));
require(join(packageDir, "wasm", "bridge_wasm_exec.js")); // defines globalThis.Go
const exports = {};
globalThis.__parse_terraform_config_wasm__ = exports; // the name the Go side registers its functions under
const go = new globalThis.Go();
const { instance } = await WebAssembly.instantiate(gunzipSync(readFileSync(join(packageDir, "main.wasm.gz"))), go.importObject);
void go.run(instance);
while (typeof exports.parse !== "function") {
  await new Promise((done) => setTimeout(done, 0));
}

function parse(name, text) {
  return new Promise((resolvePromise, rejectPromise) => {
    exports.parse(name, text, (error, json) => (error ? rejectPromise(String(error)) : resolvePromise(json)));
  });
}

const files = [];
for (const path of paths) {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) {
      if (statSync(join(path, name)).isFile()) {
        files.push(join(path, name));
      }
    }
  } else {
    files.push(path);
  }
}

const out = [];
for (const file of files) {
  const text = readFileSync(file, "utf8");
  const name = basename(file);
  try {
    out.push(JSON.stringify({ file, accepted: true, json: await parse(name, text) }));
  } catch (error) {
    const message = String(error);
    // hcl.Diagnostic's text: "NAME:LINE,COLUMN-...: summary; detail"
    const position = /:(\d+),(\d+)(?:-[\d,]+)?: ([^;\]]*)/.exec(message);
    out.push(JSON.stringify({
      file,
      accepted: false,
      error: message.split("\n")[0],
      line: position ? Number(position[1]) : null,
      column: position ? Number(position[2]) : null,
      summary: position ? position[3] : null,
    }));
  }
  if (out.length >= 64) {
    process.stdout.write(out.join("\n") + "\n");
    out.length = 0;
  }
}
// The Go program never returns, so exit explicitly, but only once stdout (a pipe: written asynchronously) is flushed.
process.stdout.write(out.length ? out.join("\n") + "\n" : "", () => process.exit(0));
