#!/usr/bin/env node
/**
 * `npm run kaohe -- …`: runs the command-line tool, first (re)building dist/kaohe.cjs with
 * esbuild when any source file is newer than it (about a second, once). The TypeScript is
 * bundled; exceljs stays a normal dependency.
 */
import { existsSync, readdirSync, renameSync, statSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const out = join(root, 'dist', 'kaohe.cjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(out) || statSync(out).mtimeMs < Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
if (stale) {
  const { build } = await import('esbuild');
  mkdirSync(dirname(out), { recursive: true });
  const tmp = `${out}.${process.pid}.tmp`;
  await build({
    entryPoints: [join(root, 'src', 'cli', 'bin.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['exceljs'],
    logLevel: 'error',
    legalComments: 'none',
  });
  renameSync(tmp, out);
}
createRequire(import.meta.url)(out);
