/**
 * Loading a scheme: JSON text or a parsed object → a validated Scheme, or a SchemeError
 * that lists every problem with its path. `extends` lets a scheme start from a preset and
 * replace some of its top-level fields (an office's variant of gwy-2020).
 */
import type { core } from 'zod';
import type { Locale } from '../report/locale';
import { SchemeError, type SchemeResolver } from './error';
import { jsonErrorLine } from './json-error';
import { ID_PATTERN, SCHEME_ID_PATTERN, schemeModel, type Scheme } from './model';
import { problem, type ProblemCode, type ProblemData, type SchemePath, type SchemeProblem } from './problems';

export { SchemeError, schemeErrorText, type SchemeResolver } from './error';

const MAX_EXTENDS_DEPTH = 5;

/**
 * Bounds no real scheme comes near (the largest preset is 15 KB, 17 items): a file beyond them
 * is refused with a message before anything else reads it, so a wrong or hostile file cannot
 * exhaust memory or the stack.
 */
const MAX_TEXT = 1_000_000;
const MAX_ENTRIES = 500;
const MAX_STRING = 10_000;
const MAX_NESTING = 16;

/** Every array, string and nesting level within bounds; the problems, by path (at most 10). */
function sizeProblems(v: unknown, path: SchemePath = [], depth = 0, out: SchemeProblem[] = []): SchemeProblem[] {
  if (out.length >= 10) return out;
  if (typeof v === 'string') {
    if (v.length > MAX_STRING) out.push(problem('too-long', path, { count: v.length, max: MAX_STRING }));
    return out;
  }
  if (typeof v !== 'object' || v === null) return out;
  if (depth >= MAX_NESTING) {
    out.push(problem('too-nested', path, { max: MAX_NESTING }));
    return out;
  }
  const entries = Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v);
  if (entries.length > MAX_ENTRIES) {
    out.push(problem('too-many', path, { count: entries.length, max: MAX_ENTRIES }));
    return out;
  }
  for (const [k, x] of entries) sizeProblems(x, [...path, k], depth + 1, out);
  return out;
}

/** What a number that JSON cannot hold (or holds only as Infinity) becomes before parsing: a string naming it as written. */
const NOT_FINITE = '\ue000not-finite:';
const NUMBER_OR_WORD = /-?(?:Infinity|NaN)\b|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

/**
 * The text with each number outside strings that is not finite — 1e999 (JSON.parse makes it
 * Infinity), and the Infinity and NaN JSON does not allow — turned into a marked string, so that
 * the problem can name its field (finiteProblems) rather than fail the whole file.
 */
function markNotFinite(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length;) {
    const c = text[i]!;
    if (c === '"') {
      for (i++; i < text.length && text[i] !== '"'; i += text[i] === '\\' ? 2 : 1);
      i++;
      continue;
    }
    if (c === '-' || c === 'I' || c === 'N' || (c >= '0' && c <= '9')) {
      NUMBER_OR_WORD.lastIndex = i;
      const m = NUMBER_OR_WORD.exec(text);
      if (m) {
        if (!Number.isFinite(Number(m[0]))) [out, from] = [`${out}${text.slice(from, i)}"${NOT_FINITE}${m[0]}"`, i + m[0].length];
        i += m[0].length;
        continue;
      }
    }
    i++;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Every number that is not finite (from the text, marked; or in an object given as it is), by path (at most 10). */
function finiteProblems(v: unknown, path: SchemePath = [], out: SchemeProblem[] = []): SchemeProblem[] {
  if (out.length >= 10) return out;
  if (typeof v === 'number' && !Number.isFinite(v)) out.push(problem('not-finite', path, { value: String(v) }));
  else if (typeof v === 'string' && v.startsWith(NOT_FINITE)) out.push(problem('not-finite', path, { value: v.slice(NOT_FINITE.length) }));
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Array.isArray(v) ? v.map((x, i) => [i, x] as const) : Object.entries(v)) finiteProblems(x, [...path, k], out);
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Follows `extends`: the parent's fields, replaced by the child's, top-level key by key. */
function resolveExtends(raw: Record<string, unknown>, resolve: SchemeResolver, locale: Locale, depth = 0): Record<string, unknown> {
  const parentId = raw['extends'];
  if (parentId === undefined) return raw;
  if (typeof parentId !== 'string') throw new SchemeError([problem('wrong-type', ['extends'], { expected: 'string' })], locale);
  if (depth >= MAX_EXTENDS_DEPTH) throw new SchemeError([problem('extends-too-deep', [], {})], locale);
  const parent = resolve(parentId);
  if (!isObject(parent)) throw new SchemeError([problem('unknown-parent', [], { id: parentId })], locale);
  const base = resolveExtends(parent, resolve, locale, depth + 1);
  const merged: Record<string, unknown> = { ...base, ...raw };
  delete merged['extends'];
  return merged;
}

const sizeOf = (origin: string): 'number' | 'text' | 'list' =>
  origin === 'string' ? 'text' : origin === 'array' || origin === 'set' ? 'list' : 'number';

/**
 * The schema library's issue as our problems, by its code and data: its own messages are not
 * shown. A value that fits no form of a union is said by the form it comes closest to (the one
 * whose type it has), else as a wrong form.
 */
function fromZod(i: core.$ZodIssue, base: SchemePath = []): SchemeProblem[] {
  const path = [...base, ...(i.path as SchemePath)];
  switch (i.code) {
    case 'invalid_type':
      return [i.input === undefined ? problem('missing', path, {}) : problem('wrong-type', path, { expected: i.expected })];
    case 'too_small':
      return [problem('too-small', path, { of: sizeOf(i.origin), min: Number(i.minimum), inclusive: i.inclusive ?? true })];
    case 'too_big':
      return [problem('too-big', path, { of: sizeOf(i.origin), max: Number(i.maximum), inclusive: i.inclusive ?? true })];
    case 'invalid_value':
      return [
        problem('not-one-of', path, {
          values: i.values.map((v) => (typeof v === 'bigint' || typeof v === 'symbol' ? String(v) : (v ?? null))),
        }),
      ];
    case 'invalid_format':
      if (i.format === 'regex' && 'pattern' in i) {
        if (i.pattern === String(SCHEME_ID_PATTERN)) return [problem('bad-scheme-id', path, {})];
        if (i.pattern === String(ID_PATTERN)) return [problem('bad-id', path, {})];
      }
      return [problem('bad-form', path, {})];
    case 'custom': {
      const p = i.params?.['problem'] as { code: ProblemCode; data: ProblemData[ProblemCode] } | undefined;
      return [p ? problem(p.code, path, p.data) : problem('bad-form', path, {})];
    }
    case 'invalid_union': {
      if (i.input === undefined) return [problem('missing', path, {})];
      const near = i.errors.filter((branch) => branch.length > 0 && branch.every((x) => x.path.length > 0));
      return near.length === 1 ? near[0]!.flatMap((x) => fromZod(x, path)) : [problem('bad-form', path, {})];
    }
    default:
      return [problem('bad-form', path, {})];
  }
}

/** Validates a parsed scheme object; throws SchemeError listing every problem (its message in `locale`). */
export function loadScheme(raw: unknown, resolve: SchemeResolver, locale: Locale = 'zh'): Scheme {
  if (!isObject(raw)) throw new SchemeError([problem('not-object', [], {})], locale);
  const tooBig = sizeProblems(raw);
  if (tooBig.length > 0) throw new SchemeError(tooBig, locale);
  const notFinite = finiteProblems(raw);
  if (notFinite.length > 0) throw new SchemeError(notFinite, locale);
  const full = resolveExtends(raw, resolve, locale);
  // The input is kept on each issue so that a missing value can be told from a wrong one.
  const result = schemeModel().SchemeSchema.safeParse(full, { reportInput: true });
  if (result.success) return result.data;
  throw new SchemeError(
    result.error.issues.flatMap((i) => fromZod(i)),
    locale,
  );
}

/** Parses scheme JSON text, then validates it. */
export function parseScheme(text: string, resolve: SchemeResolver, locale: Locale = 'zh'): Scheme {
  if (text.length > MAX_TEXT)
    throw new SchemeError([problem('too-large', [], { kb: Math.round(text.length / 1000), maxKb: MAX_TEXT / 1000 })], locale);
  const body = text.replace(/^\uFEFF/, '');
  let raw: unknown;
  try {
    raw = JSON.parse(markNotFinite(body));
  } catch {
    throw new SchemeError([problem('not-json', [], { line: jsonErrorLine(body) })], locale);
  }
  return loadScheme(raw, resolve, locale);
}
