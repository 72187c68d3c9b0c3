#!/usr/bin/env node
/**
 * `npm run presets`: validates every preset in ./presets through the scheme model (zod) and writes
 * the result, defaults filled, to ./validated.json — what the engine uses for the presets, so that
 * the task pane needs neither zod nor the raw files to use them. Without the `note` fields: they say
 * to the reader of a preset file why it says what it says, and nothing in kaohe reads them (a fifth of
 * the file, gzipped). Run it after editing a preset; test/schemes/prevalidated.test.ts fails while the
 * file is out of date.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'kaohe-presets-'));
try {
  const out = join(dir, 'raw.mjs');
  await build({ entryPoints: [join(here, 'raw.ts')], bundle: true, platform: 'node', format: 'esm', outfile: out, logLevel: 'warning' });
  const { RAW_PRESET_IDS, validatePreset, withoutNotes } = await import(pathToFileURL(out).href);
  const validated = Object.fromEntries(RAW_PRESET_IDS.map((id) => [id, withoutNotes(validatePreset(id))]));
  writeFileSync(join(here, 'validated.json'), `${JSON.stringify(validated, null, 2)}\n`);
  console.log(`src/schemes/validated.json: ${RAW_PRESET_IDS.length} presets`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
