/**
 * Issue 19, terminal safety: what a workbook or a file name holds reaches the terminal with its
 * control characters escaped (src/cli/terminal.ts), in every text kaohe prints; the JSON report
 * keeps the same text, as JSON escapes.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSafe, terminalSafe } from '../../src/cli/terminal';
import { writeHostile } from '../helpers/hostile';
import { tempDir } from '../helpers/xlsx';
import { kaohe } from './helpers';

// eslint-disable-next-line no-control-regex -- the characters a terminal must not receive raw
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('terminalSafe', () => {
  it('escapes escape sequences, bell, carriage return, DEL, C1 and bidirectional overrides; keeps text', () => {
    expect(terminalSafe('王\u001b]0;t\u0007\u001b[2J\r\u007f\u009b31m\u202e张')).toBe('王\\x1b]0;t\\x07\\x1b[2J\\r\\x7f\\x9b31m\\u202e张');
    expect(terminalSafe('考核助手 · 好（≤40%）')).toBe('考核助手 · 好（≤40%）');
  });

  it('keeps line breaks in a whole report, escapes them in one line', () => {
    expect(terminalSafe('a\nb\tc')).toBe('a\nb\\tc');
    expect(terminalSafe('a\nb', true)).toBe('a\\nb');
  });
});

it('jsonSafe gives the same value with no raw control character', () => {
  const value = { name: '王\u001b]0;t\u0007', unit: '办\u009b2J\u202e', n: 1 };
  const text = jsonSafe(JSON.stringify(value, null, 2));
  expect(RAW.test(text)).toBe(false);
  expect(JSON.parse(text)).toEqual(value);
  // Nothing to escape: the text as it is (a 3 MB report is not copied).
  const plain = JSON.stringify({ name: '王芳', grade: '好' }, null, 2);
  expect(jsonSafe(plain)).toBe(plain);
});

describe('kaohe check on a workbook whose cells hold terminal sequences', () => {
  let file: string;
  beforeAll(async () => {
    file = await writeHostile('control-chars', tempDir('kaohe-term-'));
  });

  it('prints them escaped in the text report, the table still aligned', async () => {
    const r = await kaohe('check', file);
    expect(RAW.test(r.out.replace(/\n/g, ''))).toBe(false);
    const line = r.out.split('\n').find((l) => l.includes('王建国'))!;
    expect(line).toMatch(/^ {3}5 {2}王建国\\x1b\]0;pwned\\x07\\x1b\[2J {2}办公室\\x1b\]52;c;ZWNobyBoaQ==\\x07\\u202e {2}95\.00 {2}好$/);
  });

  it('keeps them as JSON escapes in the JSON report', async () => {
    const r = await kaohe('check', file, '--json');
    expect(RAW.test(r.out)).toBe(false);
    const person = JSON.parse(r.out).people[0];
    expect([person.name, person.unit]).toEqual(['王建国\u001b]0;pwned\u0007\u001b[2J', '办公室\u001b]52;c;ZWNobyBoaQ==\u0007\u202e']);
  });

  it('escapes a file name in the report and in a one-line refusal', async () => {
    const dir = tempDir('kaohe-term-');
    const named = join(dir, 'a\u001b[2J\nb.xlsx');
    copyFileSync(file, named);
    const r = await kaohe('check', named);
    expect(r.out.split('\n')[0]).toBe(`文件：${dir}/a\\x1b[2J\\nb.xlsx    工作表：第一季度`);
    const missing = await kaohe('check', join(dir, 'no\u001b]0;x\u0007.xlsx'));
    expect(missing.err).toBe(`找不到文件 ${dir}/no\\x1b]0;x\\x07.xlsx\n`);
  });
});
