/**
 * The built command's code cache (src/cli/bundle-loader.cjs): dist/kaohe.cjs gives V8 the cache
 * made at build time only when it was made from these very bundle bytes, and runs the same with a
 * cache missing, cut, corrupt, or made for another bundle: same output, same exit code, nothing
 * on stderr. Each case runs on a copy of dist/ in a temporary folder, never on dist/ itself.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLE } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';

const ROOT = join(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const LOADER = join(ROOT, 'src', 'cli', 'bundle-loader.cjs');
const { cacheHead } = require(LOADER) as { cacheHead: (bytes: Buffer) => Buffer };
const FILES = ['kaohe.cjs', 'kaohe-main.cjs', 'kaohe-main.cjs.v8cache', 'kaohe-xlsx.cjs'];
// V8 refuses a cache made under other flags: the children run as the build's did, with no NODE_OPTIONS.
const env = { ...process.env, NODE_OPTIONS: '' };

const made: string[] = [];

beforeAll(() => {
  execFileSync('node', [join(ROOT, 'src', 'cli', 'launch.mjs'), 'presets']); // builds dist/ when stale
}, 120000);

afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A copy of the built files in a folder of its own, node_modules reached as from dist/. */
function copyOfDist(): string {
  const top = tempDir('kaohe-code-cache-');
  made.push(top);
  const dir = join(top, 'dist');
  mkdirSync(dir);
  for (const f of FILES) copyFileSync(join(DIST, f), join(dir, f));
  symlinkSync(join(ROOT, 'node_modules'), join(dir, '..', 'node_modules'));
  return dir;
}

/** What the loader makes of the cache beside `bundle`: 'used', 'none' or 'rejected'. */
function cacheState(bundle: string): string {
  const code = `const l = require(process.argv[1]); process.stdout.write(l.compileBundle(process.argv[2], l.cacheFileOf(process.argv[2])).cache);`;
  return execFileSync('node', ['-e', code, LOADER, bundle], { encoding: 'utf8', env });
}

function check(script: string, ...args: string[]) {
  const r = spawnSync('node', [script, 'check', EXAMPLE, ...args], { encoding: 'utf8', env });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The bundle run by Node itself, as dist/kaohe.cjs was before it had a cache: what every case must print. */
const expected = (args: string[]) => check(join(DIST, 'kaohe-main.cjs'), ...args);

it('the cache the build made is taken by V8 for its bundle, and the command prints what the bundle alone prints', () => {
  expect(cacheState(join(DIST, 'kaohe-main.cjs'))).toBe('used');
  const text = expected([]);
  expect(text.status).toBe(1); // the example has error-level problems
  expect(text.stdout).toContain('名额分界线');
  expect(check(join(DIST, 'kaohe.cjs'))).toEqual(text);
  const json = expected(['--json']);
  expect(JSON.parse(json.stdout).people).toHaveLength(16);
  expect(check(join(DIST, 'kaohe.cjs'), '--json')).toEqual(json);
}, 60000);

it.each([
  ['missing', null, 'none'],
  ['empty', Buffer.alloc(0), 'none'],
  ['garbage from its first byte', Buffer.alloc(4000, 0x5a), 'none'],
  ['cut inside its head', 'head-cut', 'none'],
  ["with this bundle's head but V8's data corrupt", 'data-corrupt', 'rejected'],
  ['a folder where the file should be', 'folder', 'none'],
] as const)(
  'a cache %s: the command runs as without one, silently',
  (_name, cache, state) => {
    const dir = copyOfDist();
    const bundle = join(dir, 'kaohe-main.cjs');
    const file = join(dir, 'kaohe-main.cjs.v8cache');
    const good = readFileSync(file);
    const head = cacheHead(readFileSync(bundle));
    rmSync(file);
    if (cache === 'head-cut') writeFileSync(file, good.subarray(0, head.length - 5));
    else if (cache === 'data-corrupt') {
      const data = Buffer.from(good.subarray(head.length));
      for (let i = 0; i < data.length; i += 97) data[i] = data[i]! ^ 0xff;
      writeFileSync(file, Buffer.concat([head, data]));
    } else if (cache === 'folder') mkdirSync(file);
    else if (cache !== null) writeFileSync(file, cache);
    expect(cacheState(bundle)).toBe(state);
    expect(check(join(dir, 'kaohe.cjs'))).toEqual(expected([]));
  },
  60000,
);

it('kaohe.cjs without the bundle beside it: one line saying what is missing, exit code 2', () => {
  const dir = copyOfDist();
  rmSync(join(dir, 'kaohe-main.cjs'));
  const r = check(join(dir, 'kaohe.cjs'));
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toBe(`kaohe: 找不到 ${join(dir, 'kaohe-main.cjs')}（kaohe.cjs 与 kaohe-main.cjs、kaohe-xlsx.cjs 要放在同一文件夹）\n`);
}, 60000);

describe('a cache made from another bundle of the same length', () => {
  // The changed bundle prints 人数分界线 where the built one prints 名额分界线: the same number of
  // characters and bytes, so V8's own check (the source's length) cannot tell the two apart.
  const BUILT = '\\u540D\\u989D\\u5206\\u754C\\u7EBF'; // 名额分界线, as esbuild writes it
  const CHANGED = '\\u4EBA\\u6570\\u5206\\u754C\\u7EBF'; // 人数分界线
  function changedBundle(): { dir: string; bundle: string; v8data: Buffer } {
    const dir = copyOfDist();
    const bundle = join(dir, 'kaohe-main.cjs');
    const built = readFileSync(bundle, 'utf8');
    expect(built.split(BUILT)).toHaveLength(2);
    writeFileSync(bundle, built.replace(BUILT, CHANGED));
    expect(readFileSync(bundle).length).toBe(Buffer.byteLength(built));
    const cache = readFileSync(join(dir, 'kaohe-main.cjs.v8cache'));
    return { dir, bundle, v8data: cache.subarray(cacheHead(Buffer.from(built)).length) };
  }

  it('is not used: the command prints what its own bundle says', () => {
    const { dir, bundle } = changedBundle();
    expect(cacheState(bundle)).toBe('none');
    const r = check(join(dir, 'kaohe.cjs'));
    expect(r.stdout).toContain('人数分界线');
    expect(r).toEqual({ ...expected([]), stdout: expected([]).stdout.replace('名额分界线', '人数分界线') });
  }, 60000);

  it("would be taken by V8 if the loader did not check the bundle's checksum (why it does)", () => {
    const { dir, bundle, v8data } = changedBundle();
    // The old V8 data under a head forged for the changed bytes: V8 takes it and runs the old code.
    writeFileSync(join(dir, 'kaohe-main.cjs.v8cache'), Buffer.concat([cacheHead(readFileSync(bundle)), v8data]));
    expect(cacheState(bundle)).toBe('used');
    expect(check(join(dir, 'kaohe.cjs')).stdout).toContain('名额分界线');
  }, 60000);
});
