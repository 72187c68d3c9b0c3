#!/usr/bin/env node
/**
 * `npm run test:e2e` after the preview is built: the e2e suite once per ExcelApi level the preview's Excel runs as
 * (1.20, 1.9, 1.7 — KAOHE_E2E_API, read by test/e2e/browser.ts), every level run even when one fails, then each
 * level's result and time. Arguments: levels to run only those (`-- 1.7`), anything else passed on to jest (a file).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LEVELS = ['1.20', '1.9', '1.7'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const asked = args.filter((a) => LEVELS.includes(a));
const jestArgs = args.filter((a) => !LEVELS.includes(a));
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');

const results = [];
for (const level of asked.length > 0 ? asked : LEVELS) {
  console.log(`\n=== e2e at ExcelApi ${level} ===`);
  const started = Date.now();
  const run = spawnSync(
    process.execPath,
    [
      jest,
      '--roots',
      '<rootDir>/test/e2e',
      '--testPathIgnorePatterns',
      '/node_modules/',
      '--runInBand',
      '--testTimeout',
      '120000',
      ...jestArgs,
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, KAOHE_E2E_API: level } },
  );
  results.push({ level, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000) });
}
console.log('');
for (const r of results) console.log(`e2e at ExcelApi ${r.level}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds} s`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
