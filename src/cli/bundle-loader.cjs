/**
 * Loads the command's bundle (dist/kaohe-main.cjs) as Node's `require` does (read the file, wrap
 * it in the module function, compile, call), but hands V8 the code cache made at build time
 * beside it (src/cli/make-code-cache.cjs), as Node 22's module.enableCompileCache would: the
 * 1.6 MB bundle is then not compiled again at every run, nor each function at its first call.
 * Node 20 has no such switch, hence this file. It is not eval: only our own bundle file goes
 * through vm.Script, exactly what require compiles; nothing a workbook holds comes near it.
 *
 * V8's own check of a cache is weak (little more than the source's length), so the cache carries
 * a key (the bundle's checksum, Node's version, the machine kind) and is used only when the key is
 * this bundle's and this Node's. Any doubt (no file, unreadable, other key, V8 rejects it) means a
 * plain compile, silently: the cache only saves time. Nothing here writes the cache: the install
 * folder may be read-only, and a run must not change what the next one loads.
 */
'use strict';
const { readFileSync } = require('node:fs');
const { dirname } = require('node:path');
const vm = require('node:vm');
const Module = require('node:module');
const zlib = require('node:zlib');
const crypto = require('node:crypto');

const MAGIC = 'kaohe code cache 1\n';
// The module function require wraps a CommonJS file in, on the file's first line so that line
// numbers in error stacks are the file's own.
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAP_TAIL = '\n});';

/** The cache file beside a bundle. */
const cacheFileOf = (bundle) => `${bundle}.v8cache`;

/** What a cache must have been made for: these bundle bytes, this Node, this machine kind. */
function cacheKey(bytes) {
  // zlib.crc32 (Node 20.15+) takes 0.6 ms on the bundle, sha256 3 ms.
  const sum =
    typeof zlib.crc32 === 'function' ? `crc32:${zlib.crc32(bytes)}` : `sha256:${crypto.createHash('sha256').update(bytes).digest('hex')}`;
  return JSON.stringify({
    bundle: sum,
    bytes: bytes.length,
    node: process.version,
    v8: process.versions.v8,
    arch: process.arch,
    platform: process.platform,
  });
}

/** The head a cache file starts with for a bundle of these bytes, before V8's data. */
const cacheHead = (bytes) => Buffer.from(`${MAGIC}${cacheKey(bytes)}\n`);

/** V8's data in `file` when its head is `head`; undefined when missing, unreadable or made for something else. */
function readCache(file, head) {
  let data;
  try {
    data = readFileSync(file);
  } catch {
    return undefined;
  }
  if (data.length <= head.length || !data.subarray(0, head.length).equals(head)) return undefined;
  return data.subarray(head.length);
}

/**
 * Compiles the bundle, with the cache in `cacheFile` when it was made for it (undefined: none).
 * `cache` says what became of it: 'used', 'none' (missing or not this bundle's), 'rejected' (by V8).
 */
function compileBundle(bundle, cacheFile) {
  const bytes = readFileSync(bundle);
  const head = cacheHead(bytes);
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile, head);
  const source = `${WRAP_HEAD}${bytes.toString('utf8')}${WRAP_TAIL}`;
  const script = new vm.Script(source, { filename: bundle, cachedData });
  const cache = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  return { script, head, cache };
}

/**
 * Runs a compiled bundle as the module `bundle`, child of `parent`: its own __filename and
 * __dirname, and a require that resolves from its folder (dist/kaohe-xlsx.cjs beside it, exceljs
 * and jszip in node_modules above), as when Node loads the file itself. When `parent` is the
 * program Node was started with, the bundle stands in for it as require.main.
 */
function runBundle(script, bundle, parent) {
  const m = new Module(bundle, parent);
  m.filename = bundle;
  const req = Module.createRequire(bundle);
  if (req.main === parent) req.main = m;
  req.cache[bundle] = m;
  script.runInThisContext().call(m.exports, m.exports, req, m, bundle, dirname(bundle));
  m.loaded = true;
  return m.exports;
}

module.exports = { cacheFileOf, cacheHead, compileBundle, runBundle };
