/**
 * Loading a scheme: JSON text or a parsed object → a validated Scheme, or a SchemeError
 * that lists every problem with its path. `extends` lets a scheme start from a preset and
 * replace some of its top-level fields (an office's variant of gwy-2020).
 */
import zhCN from 'zod/v4/locales/zh-CN.js';
import en from 'zod/v4/locales/en.js';
import { SchemeSchema, type Scheme } from './model';
import type { Locale } from '../report/locale';

export class SchemeError extends Error {
  constructor(
    message: string,
    readonly problems: string[],
  ) {
    super(problems.length > 0 ? `${message}: ${problems.join('; ')}` : message);
    this.name = 'SchemeError';
  }
}

/** Finds the raw JSON of a scheme by id (the presets), for `extends`. */
export type SchemeResolver = (id: string) => unknown;

const MAX_EXTENDS_DEPTH = 5;

const TEXT = {
  zh: {
    notObject: '方案文件的内容不是一个 JSON 对象',
    notJson: '方案文件不是有效的 JSON',
    invalid: '方案文件有误',
    unknownParent: (id: string) => `extends 指向的方案 "${id}" 不存在`,
    tooDeep: 'extends 嵌套太深或循环引用',
    tooLarge: (kb: number) => `方案文件太大（${kb} KB，最多 ${MAX_TEXT / 1000} KB）：这不像一个考核方案，请检查选的文件`,
    tooMany: (path: string, n: number, max: number) => `${path} 有 ${n} 项，最多 ${max} 项`,
    tooLong: (path: string, n: number, max: number) => `${path} 有 ${n} 个字，最多 ${max} 个字`,
    tooNested: (path: string) => `${path} 嵌套超过 ${MAX_NESTING} 层`,
    unusual: '方案文件的结构异常',
    missing: '缺少这一项（必填）',
  },
  en: {
    notObject: 'the scheme file does not hold a JSON object',
    notJson: 'the scheme file is not valid JSON',
    invalid: 'the scheme file is invalid',
    unknownParent: (id: string) => `extends names an unknown scheme "${id}"`,
    tooDeep: 'extends is nested too deeply or loops',
    tooLarge: (kb: number) =>
      `the scheme file is too large (${kb} KB, at most ${MAX_TEXT / 1000} KB): it does not look like a scheme; check the file chosen`,
    tooMany: (path: string, n: number, max: number) => `${path} has ${n} entries, at most ${max}`,
    tooLong: (path: string, n: number, max: number) => `${path} has ${n} characters, at most ${max}`,
    tooNested: (path: string) => `${path} is nested more than ${MAX_NESTING} levels deep`,
    unusual: 'the scheme file has an unusual structure',
    missing: 'missing (required)',
  },
};

/**
 * Bounds no real scheme comes near (the largest preset is 15 KB, 17 items): a file beyond them
 * is refused with a message before anything else reads it, so a wrong or hostile file cannot
 * exhaust memory or the stack.
 */
const MAX_TEXT = 1_000_000;
const MAX_ENTRIES = 500;
const MAX_STRING = 10_000;
const MAX_NESTING = 16;

/** Every array, string and nesting level within bounds; the problems, by path. */
function sizeProblems(v: unknown, locale: Locale, path = '', depth = 0, out: string[] = []): string[] {
  const t = TEXT[locale];
  const at = path || (locale === 'zh' ? '（根）' : '(root)');
  if (out.length >= 10) return out;
  if (typeof v === 'string') {
    if (v.length > MAX_STRING) out.push(t.tooLong(at, v.length, MAX_STRING));
    return out;
  }
  if (typeof v !== 'object' || v === null) return out;
  if (depth >= MAX_NESTING) {
    out.push(t.tooNested(at));
    return out;
  }
  const entries = Array.isArray(v) ? v.map((x, i) => [String(i), x] as const) : Object.entries(v);
  if (entries.length > MAX_ENTRIES) {
    out.push(t.tooMany(at, entries.length, MAX_ENTRIES));
    return out;
  }
  for (const [k, x] of entries) sizeProblems(x, locale, path ? `${path}.${k}` : k, depth + 1, out);
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follows `extends`: the parent's fields, replaced by the child's, top-level key by key. */
function resolveExtends(raw: Record<string, unknown>, resolve: SchemeResolver, locale: Locale, depth = 0): Record<string, unknown> {
  const t = TEXT[locale];
  const parentId = raw['extends'];
  if (parentId === undefined) return raw;
  if (typeof parentId !== 'string') throw new SchemeError(t.invalid, ['extends: string']);
  if (depth >= MAX_EXTENDS_DEPTH) throw new SchemeError(t.tooDeep, []);
  const parent = resolve(parentId);
  if (!isObject(parent)) throw new SchemeError(t.unknownParent(parentId), []);
  const base = resolveExtends(parent, resolve, locale, depth + 1);
  const merged: Record<string, unknown> = { ...base, ...raw };
  delete merged['extends'];
  return merged;
}

/** Validates a parsed scheme object; throws SchemeError listing every problem. */
export function loadScheme(raw: unknown, resolve: SchemeResolver, locale: Locale = 'zh'): Scheme {
  const t = TEXT[locale];
  if (!isObject(raw)) throw new SchemeError(t.notObject, []);
  const tooBig = sizeProblems(raw, locale);
  if (tooBig.length > 0) throw new SchemeError(t.unusual, tooBig);
  const full = resolveExtends(raw, resolve, locale);
  const zodWords = (locale === 'zh' ? zhCN() : en()).localeError;
  // zod's own words for a missing field are "expected string, received undefined": say it is missing.
  const error: typeof zodWords = (iss) => (iss.code === 'invalid_type' && iss.input === undefined ? t.missing : zodWords(iss));
  const result = SchemeSchema.safeParse(full, { error });
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `${i.path.length > 0 ? i.path.join('.') : locale === 'zh' ? '（根）' : '(root)'}: ${i.message}`,
  );
  throw new SchemeError(t.invalid, problems);
}

/** Parses scheme JSON text, then validates it. */
export function parseScheme(text: string, resolve: SchemeResolver, locale: Locale = 'zh'): Scheme {
  if (text.length > MAX_TEXT) throw new SchemeError(TEXT[locale].tooLarge(Math.round(text.length / 1000)), []);
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SchemeError(TEXT[locale].notJson, [e instanceof Error ? e.message : String(e)]);
  }
  return loadScheme(raw, resolve, locale);
}
