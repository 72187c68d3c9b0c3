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
  },
  en: {
    notObject: 'the scheme file does not hold a JSON object',
    notJson: 'the scheme file is not valid JSON',
    invalid: 'the scheme file is invalid',
    unknownParent: (id: string) => `extends names an unknown scheme "${id}"`,
    tooDeep: 'extends is nested too deeply or loops',
  },
};

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
  const full = resolveExtends(raw, resolve, locale);
  const result = SchemeSchema.safeParse(full, { error: (locale === 'zh' ? zhCN() : en()).localeError });
  if (result.success) return result.data;
  const problems = result.error.issues.map(
    (i) => `${i.path.length > 0 ? i.path.join('.') : locale === 'zh' ? '（根）' : '(root)'}: ${i.message}`,
  );
  throw new SchemeError(t.invalid, problems);
}

/** Parses scheme JSON text, then validates it. */
export function parseScheme(text: string, resolve: SchemeResolver, locale: Locale = 'zh'): Scheme {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new SchemeError(TEXT[locale].notJson, [e instanceof Error ? e.message : String(e)]);
  }
  return loadScheme(raw, resolve, locale);
}
