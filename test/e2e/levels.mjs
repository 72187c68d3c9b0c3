#!/usr/bin/env node
/**
 * `npm run test:e2e` after the preview is built: the e2e suite once per ExcelApi level the preview's Excel runs as
 * (1.20, 1.9, 1.7 — KAOHE_E2E_API, read by test/e2e/browser.ts), every level run even when one fails, then each
 * level's result and time, with the tests that passed only on their second try (test/e2e/setup.ts). Arguments:
 * levels to run only those (`-- 1.7`), anything else passed on to jest (a file).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const LEVELS = ['1.20', '1.9', '1.7'];
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const asked = args.filter((a) => LEVELS.includes(a));
const jestArgs = args.filter((a) => !LEVELS.includes(a));
const jest = join(root, 'node_modules', 'jest', 'bin', 'jest.js');

/** The tests that passed only on their second try (test/e2e/setup.ts), from jest's JSON report of a level. */
function retried(report) {
  try {
    const { testResults } = JSON.parse(readFileSync(report, 'utf8'));
    return testResults.flatMap((file) =>
      file.assertionResults.filter((t) => t.status === 'passed' && t.invocations > 1).map((t) => t.fullName),
    );
  } catch {
    return []; // no report (jest did not start): the level's failure says enough
  }
}

const scratch = mkdtempSync(join(tmpdir(), 'kaohe-e2e-'));
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
      '--testEnvironment',
      '<rootDir>/test/e2e/environment.ts',
      '--setupFilesAfterEnv',
      '<rootDir>/test/e2e/setup.ts',
      '--json',
      '--outputFile',
      join(scratch, `${level}.json`),
      '--testTimeout',
      '120000',
      ...jestArgs,
    ],
    { stdio: 'inherit', cwd: root, env: { ...process.env, KAOHE_E2E_API: level } },
  );
  const again = retried(join(scratch, `${level}.json`));
  results.push({ level, ok: run.status === 0, seconds: Math.round((Date.now() - started) / 1000), again });
}
rmSync(scratch, { recursive: true, force: true });
console.log('');
for (const r of results) {
  const retries = r.again.length === 0 ? '' : ` (${r.again.length} passed only on a second try)`;
  console.log(`e2e at ExcelApi ${r.level}: ${r.ok ? 'passed' : 'FAILED'} in ${r.seconds} s${retries}`);
  for (const name of r.again) console.log(`  second try: ${name}`);
}
process.exit(results.every((r) => r.ok) ? 0 : 1);
