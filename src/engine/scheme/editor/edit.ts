/**
 * Changing a scheme by settings, as an office adjusts its copy of a preset: `quota.好.max=30%`,
 * `band.好.min=90`, `item.思想政治素质.max=8`, `condition.probation.keywords=试用期,见习`, or any
 * field by its path (`grading.bands.1.min=89.5`). The settings give a plain object; the caller
 * loads it as any scheme file (./load.ts), so an edit can never produce a scheme the engine
 * would not accept, and every problem is reported with its place in words.
 */
import type { Scheme } from '../model';

/** One setting: where (a path of names and list positions, or a shortcut) and the value as typed. */
export interface SchemeSetting {
  path: string;
  value: string;
}

/** Why a setting cannot be applied; the words are in ./words.ts. */
export type SettingProblem =
  | { code: 'no-equals'; text: string }
  | { code: 'no-such-entry'; list: string; name: string }
  | { code: 'no-such-field'; path: string }
  | { code: 'reserved-name'; path: string };

export class SettingError extends Error {
  constructor(readonly problem: SettingProblem) {
    super(problem.code);
    this.name = 'SettingError';
  }
}

/** "quota.好.max=30%" → { path: "quota.好.max", value: "30%" }. The first = splits: values may hold one. */
export function parseSetting(text: string): SchemeSetting {
  const at = text.indexOf('=');
  if (at <= 0) throw new SettingError({ code: 'no-equals', text });
  return { path: text.slice(0, at).trim(), value: text.slice(at + 1).trim() };
}

/**
 * Shortcuts: a list of the scheme named by what offices call its entries. `grades` names entries
 * by the grade(s) they count (好, 好+较好); `names` by id, label or English name.
 */
const SHORTCUTS: Record<string, { list: string[]; by: 'grades' | 'grade' | 'names' | 'id' }> = {
  quota: { list: ['quotas'], by: 'grades' },
  band: { list: ['grading', 'bands'], by: 'grade' },
  grade: { list: ['grading', 'labels'], by: 'names' },
  group: { list: ['groups'], by: 'names' },
  item: { list: ['items'], by: 'names' },
  rated: { list: ['rated'], by: 'names' },
  adjustment: { list: ['adjustments'], by: 'names' },
  deduction: { list: ['deductions'], by: 'names' },
  computed: { list: ['computed'], by: 'names' },
  condition: { list: ['conditions'], by: 'id' },
};

/** Keys that would reach an object's prototype: never a scheme field. */
const RESERVED = new Set(['__proto__', 'prototype', 'constructor']);

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Obj = { [k: string]: Json };

/**
 * The scheme with the settings applied, in order, as a plain object to be loaded and checked.
 * A shortcut naming an entry that is not there adds one where the entry is made by its name (a
 * quota of a grade, a band of a grade); elsewhere it is refused.
 */
export function applySettings(base: Scheme, settings: SchemeSetting[]): Obj {
  const raw = JSON.parse(JSON.stringify(base)) as Obj;
  for (const s of settings) apply(raw, s);
  return raw;
}

function apply(raw: Obj, s: SchemeSetting): void {
  const parts = s.path.split('.').map((p) => p.trim());
  if (parts.some((p) => RESERVED.has(p) || p === '')) throw new SettingError({ code: 'reserved-name', path: s.path });
  const short = SHORTCUTS[parts[0]!];
  let path: (string | number)[];
  if (short && parts.length >= 2) {
    const index = findEntry(raw, short, parts[1]!, parts[2], s.value);
    path = [...short.list, index, ...parts.slice(2)];
  } else {
    path = parts.map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  }
  setAt(raw, path, s.value, s.path);
  // A preset's quota id names its bound (hao-max-40): a changed bound would be reported under a wrong name.
  const [list, index, field] = path;
  if (list === 'quotas' && typeof index === 'number' && QUOTA_BOUNDS.has(String(field))) {
    const q = (raw.quotas as Obj[] | undefined)?.[index];
    if (q) delete q.id;
  }
}

const QUOTA_BOUNDS = new Set(['max', 'min', 'maxPlaces', 'minPlaces']);

/** The position of the entry a shortcut names, adding one where a name is enough to make it. */
function findEntry(raw: Obj, short: (typeof SHORTCUTS)[string], name: string, field: string | undefined, value: string): number {
  const list = listAt(raw, short.list);
  const names = (e: Json): string[] => {
    if (e === null || typeof e !== 'object' || Array.isArray(e)) return [];
    if (short.by === 'grades') return [(e.grades as string[] | undefined)?.join('+') ?? ''];
    if (short.by === 'grade') return [String(e.grade ?? '')];
    if (short.by === 'id') return [String(e.id ?? '')];
    return [e.id, e.label, e.en].filter((x): x is string => typeof x === 'string');
  };
  // 好#2: the second entry of that name (a soft and a hard quota of one grade).
  const [wanted, nth] = name.includes('#') ? [name.slice(0, name.indexOf('#')), Number(name.slice(name.indexOf('#') + 1))] : [name, 1];
  const matches = list.flatMap((e, i) => (names(e).includes(wanted) ? [i] : []));
  const found = matches[nth - 1];
  if (found !== undefined) return found;
  // A new quota or band is made by its grade(s); a bound set on it is what makes it useful.
  if ((short.by === 'grades' || short.by === 'grade') && nth === 1 && field !== undefined && value !== '') {
    list.push(short.by === 'grades' ? { grades: wanted.split('+') } : { grade: wanted });
    return list.length - 1;
  }
  throw new SettingError({ code: 'no-such-entry', list: short.list.join('.'), name });
}

function listAt(raw: Obj, path: string[]): Json[] {
  let at: Json = raw;
  for (const [i, k] of path.entries()) {
    const o = at as Obj;
    if (!Object.hasOwn(o, k) || o[k] === undefined) o[k] = i === path.length - 1 ? [] : {};
    at = o[k]!;
  }
  return at as Json[];
}

/**
 * Sets (or, with an empty value, removes) the value at `path`. Every step but the last must
 * exist: a misspelt field is refused here rather than silently dropped by the loader.
 */
function setAt(raw: Obj, path: (string | number)[], text: string, typed: string): void {
  let at: Json = raw;
  for (const k of path.slice(0, -1)) {
    const next: Json | undefined = step(at, k);
    if (next === undefined || next === null || typeof next !== 'object') throw new SettingError({ code: 'no-such-field', path: typed });
    at = next;
  }
  const last = path[path.length - 1]!;
  if (Array.isArray(at)) {
    if (typeof last !== 'number' || last > at.length) throw new SettingError({ code: 'no-such-field', path: typed });
    if (text === '') at.splice(last, 1);
    else at[last] = valueOf(text, at[last]);
    return;
  }
  if (typeof last === 'number' || at === null || typeof at !== 'object') throw new SettingError({ code: 'no-such-field', path: typed });
  if (text === '') delete at[last];
  else at[last] = valueOf(text, Object.hasOwn(at, last) ? at[last] : undefined);
}

function step(at: Json, k: string | number): Json | undefined {
  if (Array.isArray(at)) return typeof k === 'number' ? at[k] : undefined;
  if (at === null || typeof at !== 'object' || typeof k === 'number') return undefined;
  return Object.hasOwn(at, k) ? at[k] : undefined;
}

/**
 * The value as typed: 30% is 0.3; a list of words may be written 试用期,见习 (or with ， or 、)
 * where the field holds words; otherwise JSON where it reads as JSON (numbers, true, null, […]),
 * else the text itself. The loader then checks the type the field wants.
 */
function valueOf(text: string, current: Json | undefined): Json {
  // A text field stays text, even when what is typed reads as a number (a name of digits).
  if (typeof current === 'string') return text;
  const percent = /^(-?\d+(?:\.\d+)?)\s*[%％]$/.exec(text);
  if (percent) return Number(percent[1]) / 100;
  if (Array.isArray(current) && current.every((x) => typeof x === 'string') && !text.startsWith('[')) {
    return text
      .split(/[,，、]/)
      .map((x) => x.trim())
      .filter((x) => x !== '');
  }
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}
