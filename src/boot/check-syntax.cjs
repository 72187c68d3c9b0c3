#!/usr/bin/env node
/**
 * `npm run check:syntax` (CI, after `npm run build`): every script the add-in ships parses at the syntax level the
 * oldest supported webview parses — the bundles at ES2020 (webpack.config.js SYNTAX), the boot script at ES5, so that
 * a webview too old for the pane still runs it and shows its message (src/boot/boot.js). acorn, as webpack parses.
 *
 *   node src/boot/check-syntax.cjs [dist/addin]
 *   node src/boot/check-syntax.cjs dist/wps --no-boot   (the WPS add-in: WPS's own Chromium, no boot script)
 */
const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');

const BUNDLE_LEVEL = 2020;
const BOOT_LEVEL = 5;

/** The first syntax error of `source` at `ecmaVersion`, or null when it parses. */
function syntaxError(source, ecmaVersion) {
  try {
    acorn.parse(source, { ecmaVersion, sourceType: 'script' });
    return null;
  } catch (e) {
    return e.message;
  }
}

/** Every .js under `dir` (office.js's own files, which are Microsoft's, excepted) with the level it must parse at. */
function shipped(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, entry.name);
      const rel = path.relative(dir, full).split(path.sep).join('/');
      if (entry.isDirectory()) {
        if (rel !== 'office') walk(full);
      } else if (entry.name.endsWith('.js')) out.push({ file: rel, level: rel === 'boot.js' ? BOOT_LEVEL : BUNDLE_LEVEL });
    }
  };
  walk(dir);
  return out.sort((a, b) => a.file.localeCompare(b.file));
}

/** The scripts of `dir` that do not parse at their level: [{ file, level, error }]; throws when there are none at all. */
function checkSyntax(dir, { boot = true } = {}) {
  const files = shipped(dir);
  if ((boot && !files.some((f) => f.file === 'boot.js')) || files.length < 2)
    throw new Error(`${dir}: no built add-in here (npm run build)`);
  return files
    .map((f) => ({ ...f, error: syntaxError(fs.readFileSync(path.join(dir, f.file), 'utf8'), f.level) }))
    .filter((f) => f.error !== null);
}

module.exports = { checkSyntax, syntaxError, BUNDLE_LEVEL, BOOT_LEVEL };

if (require.main === module) {
  const args = process.argv.slice(2);
  const dir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(__dirname, '..', '..', 'dist', 'addin'));
  const boot = !args.includes('--no-boot');
  const bad = checkSyntax(dir, { boot });
  const count = shipped(dir).length;
  for (const b of bad) console.error(`${b.file}: 不能按 ES${b.level} 解析（${b.error}）`);
  if (bad.length > 0) process.exit(1);
  console.log(`${count} 个脚本均可按所定语法级别解析（${boot ? 'boot.js 为 ES5，其余' : '均为'} ES${BUNDLE_LEVEL}）。`);
}
