/**
 * Issue 19, safe output: every command that writes (grade, annual, json-schema with --out) writes
 * only a file that is not its input, replaces one already there only with --force, and never
 * leaves a temporary or half-written file in the folder (src/hosts/file/output.ts).
 */
import { createHash } from 'node:crypto';
import { existsSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OutputError, sameFile, writeOutput } from '../../src/hosts/file/output';
import { EXAMPLE } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';
import { kaohe } from './helpers';

const YEAR = join(__dirname, '..', '..', 'examples', 'gwy-2020-year.xlsx');
const sha = (f: string) => createHash('sha256').update(readFileSync(f)).digest('hex');

/** A folder holding a copy of the example as book.xlsx. */
function folder(): { dir: string; input: string } {
  const dir = tempDir('kaohe-out-');
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, readFileSync(EXAMPLE));
  return { dir, input };
}

const isInput = (p: string) => `不能写到 ${p}：它就是原文件（可能经另一个路径、链接或不同大小写指向它），原文件不会被改动，请换一个文件名`;
const exists = (p: string) => `${p} 已经存在，没有覆盖：请换一个文件名，或加 --force 替换它`;

describe('grade --out names the input another way: refused, the input unchanged', () => {
  it.each([
    ['a path through ..', (dir: string) => `${dir}/sub/../book.xlsx`],
    ['a symbolic link to it', (dir: string) => (symlinkSync(join(dir, 'book.xlsx'), join(dir, 'link.xlsx')), join(dir, 'link.xlsx'))],
    ['a hard link to it', (dir: string) => (linkSync(join(dir, 'book.xlsx'), join(dir, 'hard.xlsx')), join(dir, 'hard.xlsx'))],
    ['a linked folder', (dir: string) => (symlinkSync(dir, join(dir, 'again')), join(dir, 'again', 'book.xlsx'))],
  ])('%s', async (_what, outOf) => {
    const { dir, input } = folder();
    mkdirSync(join(dir, 'sub'));
    const before = sha(input);
    const out = outOf(dir);
    const r = await kaohe('grade', input, '--out', out, '--force');
    expect([r.code, r.err.trim(), sha(input)]).toEqual([2, isInput(out), before]);
  });

  it('where the file system ignores case, the same name in another case is the input', () => {
    const { dir, input } = folder();
    expect(sameFile(join(dir, 'BOOK.XLSX'), input, true)).toBe(true);
    expect(sameFile(join(dir, 'BOOK.XLSX'), input, false)).toBe(false);
    expect(sameFile(join(dir, 'other.xlsx'), input, true)).toBe(false);
  });
});

describe('an --out already there', () => {
  it('is not replaced without --force, and the refusal says how', async () => {
    const { dir, input } = folder();
    const out = join(dir, 'copy.xlsx');
    writeFileSync(out, 'mine');
    const r = await kaohe('grade', input, '--out', out);
    expect([r.code, r.err.trim(), readFileSync(out, 'utf8')]).toEqual([2, exists(out), 'mine']);
  });

  it('is replaced with --force, and only the copy is left beside the input', async () => {
    const { dir, input } = folder();
    const out = join(dir, 'copy.xlsx');
    writeFileSync(out, 'mine');
    const r = await kaohe('grade', input, '--out', out, '--force');
    expect(r.code).toBe(1);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    expect(readdirSync(dir).sort()).toEqual(['book.xlsx', 'copy.xlsx']);
  });

  it('a symbolic link is replaced by the copy itself with --force: the file it pointed to is untouched', async () => {
    const { dir, input } = folder();
    const target = join(dir, 'elsewhere.txt');
    writeFileSync(target, 'keep me');
    const out = join(dir, 'copy.xlsx');
    symlinkSync(target, out);
    expect((await kaohe('grade', input, '--out', out)).err.trim()).toBe(exists(out));
    expect((await kaohe('grade', input, '--out', out, '--force')).code).toBe(1);
    expect([lstatSync(out).isSymbolicLink(), readFileSync(target, 'utf8')]).toEqual([false, 'keep me']);
  });

  it('a folder is never replaced', async () => {
    const { dir, input } = folder();
    mkdirSync(join(dir, 'copy.xlsx'));
    const r = await kaohe('grade', input, '--out', join(dir, 'copy.xlsx'), '--force');
    expect([r.code, r.err.trim()]).toEqual([2, `不能写到 ${join(dir, 'copy.xlsx')}：这是一个文件夹`]);
  });
});

describe('the other commands that write', () => {
  it('annual --out: refused over an existing file, written with --force', async () => {
    const dir = tempDir('kaohe-out-');
    const out = join(dir, 'year.xlsx');
    writeFileSync(out, 'mine');
    const refused = await kaohe('annual', YEAR, '--out', out);
    expect([refused.code, refused.err.trim(), readFileSync(out, 'utf8')]).toEqual([2, exists(out), 'mine']);
    const r = await kaohe('annual', YEAR, '--out', out, '--force');
    expect(r.err).toBe('');
    expect(readdirSync(dir)).toEqual(['year.xlsx']);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  });

  it('annual --out: never its input', async () => {
    const dir = tempDir('kaohe-out-');
    const input = join(dir, 'year.xlsx');
    writeFileSync(input, readFileSync(YEAR));
    const r = await kaohe('annual', input, '--out', input, '--force');
    expect([r.code, r.err.trim()]).toEqual([2, isInput(input)]);
  });

  it('json-schema --out: refused over an existing file, written with --force', async () => {
    const dir = tempDir('kaohe-out-');
    const out = join(dir, 'scheme.schema.json');
    writeFileSync(out, '{}');
    expect((await kaohe('json-schema', '--out', out)).err.trim()).toBe(exists(out));
    expect(readFileSync(out, 'utf8')).toBe('{}');
    expect((await kaohe('json-schema', '--out', out, '--force')).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).$schema).toMatch(/json-schema/);
    expect(readdirSync(dir)).toEqual(['scheme.schema.json']);
  });
});

describe('writeOutput', () => {
  it('leaves nothing behind when making the bytes fails', async () => {
    const dir = tempDir('kaohe-out-');
    const out = join(dir, 'copy.xlsx');
    const failing = writeOutput(out, () => Promise.reject(new Error('disk full')), false);
    await expect(failing).rejects.toEqual(new OutputError('write-failed', out, 'disk full'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('does not replace a file that appeared at --out while it wrote (without force)', async () => {
    const dir = tempDir('kaohe-out-');
    const out = join(dir, 'copy.xlsx');
    const racing = writeOutput(
      out,
      async () => {
        writeFileSync(out, 'theirs');
        return Buffer.from('ours');
      },
      false,
    );
    await expect(racing).rejects.toEqual(new OutputError('exists', out));
    expect([readdirSync(dir), readFileSync(out, 'utf8')]).toEqual([['copy.xlsx'], 'theirs']);
    expect(existsSync(out)).toBe(true);
  });
});
