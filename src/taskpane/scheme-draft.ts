/**
 * The scheme being changed in the 方案 view: a plain copy of the scheme (the draft) that the form
 * edits by path, and what is wrong with it as it stands — the loader's problems by the path of the
 * field they concern (shown beside that field) and the scheme check's gaps by section — so that
 * every change is checked as it is typed, in words. Pure: the view holds the draft in its state.
 */
import { schemeCopy } from '../app';
import {
  checkScheme,
  compileScheme,
  type Issue,
  type Locale,
  type Scheme,
  SchemeError,
  schemeProblemText,
  type SectionKey,
  words,
} from '../engine';

export type Draft = Record<string, unknown>;
export type Path = (string | number)[];

export function draftOf(s: Scheme): Draft {
  return JSON.parse(JSON.stringify(s)) as Draft;
}

/** The draft with the value at `path` replaced (undefined: the key removed). Never mutates. */
export function setIn(d: Draft, path: Path, value: unknown): Draft {
  const [k, ...rest] = path;
  if (k === undefined) return d;
  const here = (d as Record<string | number, unknown>)[k];
  const next = rest.length === 0 ? value : setIn((here ?? (typeof rest[0] === 'number' ? [] : {})) as Draft, rest, value);
  if (Array.isArray(d)) {
    const copy = [...(d as unknown[])];
    copy[k as number] = next;
    return copy as unknown as Draft;
  }
  const copy: Record<string, unknown> = { ...d };
  if (next === undefined) delete copy[k as string];
  else copy[k as string] = next;
  return copy;
}

export function getIn(d: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (at, k) => (at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[k] : undefined),
    d,
  );
}

/** The list at `path` changed by `change` (add, remove, move an entry). */
export function withList(d: Draft, path: Path, change: (list: unknown[]) => unknown[]): Draft {
  const list = getIn(d, path);
  return setIn(d, path, change(Array.isArray(list) ? [...(list as unknown[])] : []));
}

/** An entry moved one place up or down; out-of-range moves change nothing. */
export function moved<T>(list: T[], from: number, by: -1 | 1): T[] {
  const to = from + by;
  if (to < 0 || to >= list.length) return list;
  const copy = [...list];
  [copy[from], copy[to]] = [copy[to]!, copy[from]!];
  return copy;
}

export interface DraftCheck {
  /** The draft as a scheme the engine accepts (the office's copy of `base`), or null while something is wrong. */
  scheme: Scheme | null;
  /** The loader's problems, by the path of the field (grading.bands.0.min), in words. */
  fields: Map<string, string>;
  /** The scheme check's findings, by the section they concern (bands that leave a gap or overlap under grades). */
  sections: Partial<Record<SectionKey, string[]>>;
  /** Saving is refused: the loader refused the draft, or its grade bands leave a gap or overlap. */
  blocked: boolean;
}

export const pathKey = (p: Path): string => p.join('.');

/** Checks the draft as the engine will load it, as the office's copy of `base`. */
export function checkDraft(base: Scheme, d: Draft, locale: Locale): DraftCheck {
  let scheme: Scheme;
  try {
    scheme = schemeCopy(base, d, { locale });
  } catch (e) {
    if (!(e instanceof SchemeError)) throw e;
    const fields = new Map<string, string>();
    for (const p of e.problems) {
      const key = pathKey(p.path);
      fields.set(key, fields.has(key) ? `${fields.get(key)!}；${schemeProblemText(p, locale)}` : schemeProblemText(p, locale));
    }
    return { scheme: null, fields, sections: {}, blocked: true };
  }
  const sections: Partial<Record<SectionKey, string[]>> = {};
  let blocked = false;
  for (const i of checkScheme(compileScheme(scheme))) {
    const section = sectionOf(i);
    (sections[section] ??= []).push(words(i, locale).message);
    if (section === 'grades') blocked = true;
  }
  return { scheme, fields: new Map(), sections, blocked };
}

/** Where a scheme-check finding belongs: grade bands' gaps under grades, item levels and maxima under items, the rest under the total. */
function sectionOf(i: Issue): SectionKey {
  if (i.rule !== 'scheme-gap') return 'total';
  const d = i.data as { kind: string; subject?: unknown };
  if (d.kind === 'gap' || d.kind === 'overlap') return d.subject ? 'items' : 'grades';
  return d.kind === 'max-sum' ? 'items' : 'total';
}
