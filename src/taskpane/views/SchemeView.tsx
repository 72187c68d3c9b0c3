/**
 * 方案: the scheme in use said as a 考核办法 says it (the lines an office changed from its preset
 * marked), changed in a form without JSON — every change checked as it is typed, with the message
 * beside the field, and tried on the sheet (the people and quota lines it changes) before it is
 * saved to the workbook under the office's own name — and shared by copy and paste as text.
 */
import {
  Body1,
  Button,
  Field,
  Input,
  makeStyles,
  mergeClasses,
  Select,
  Subtitle2,
  Text,
  Textarea,
  tokens,
} from '@fluentui/react-components';
import { useDeferredValue, useMemo, useState } from 'react';
import {
  describeScheme,
  fmt,
  type Locale,
  pct,
  type Results,
  resultChanges,
  type Scheme,
  SchemeError,
  schemeChanges,
  schemeErrorText,
} from '../../engine';
import { preset, schemeFromText } from '../../schemes';
import { CARD } from './card';
import { checkDraft, type Draft, draftOf, getIn, moved, type Path, pathKey, setIn, withList } from '../scheme-draft';
import { schemeWords, type SchemeWords } from './scheme-words';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { overflowWrap: 'anywhere' },
  changed: { fontWeight: tokens.fontWeightSemibold },
  mark: { color: tokens.colorPaletteDarkOrangeForeground1, marginLeft: tokens.spacingHorizontalXS },
  card: CARD,
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, minWidth: '8em' },
  narrow: { width: '6.5em' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorPaletteRedForeground1 },
  code: { fontFamily: tokens.fontFamilyMonospace, minHeight: '8em' },
});

export interface SchemeViewProps {
  scheme: Scheme;
  /** The sheet checked with the scheme in use: what a change is compared with. */
  results: Results | null;
  locale: Locale;
  busy: boolean;
  /** The sheet checked with another scheme (the draft), as the pane would check it. */
  tryOn: (s: Scheme) => Results | null;
  /** Saves the scheme to the workbook; it is used from then on. */
  onSave: (s: Scheme) => Promise<boolean>;
  /** A pasted scheme, to be tried on the sheet like a preset picked. */
  onUse: (s: Scheme) => void;
}

type Note = { intent: 'ok' | 'error'; text: string; at: 'copy' | 'paste' | 'save' };

export function SchemeView({ scheme, results, locale, busy, tryOn, onSave, onUse }: SchemeViewProps) {
  const st = useStyles();
  const w = schemeWords(locale);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [copyText, setCopyText] = useState<string | null>(null);
  const [pasting, setPasting] = useState<string | null>(null);

  const base = scheme.basedOn !== undefined ? (preset(scheme.basedOn) ?? null) : null;
  const changedKeys = useMemo(() => new Set(base ? schemeChanges(base, scheme, locale).map((c) => c.key) : []), [base, scheme, locale]);

  const copy = async () => {
    const text = JSON.stringify(scheme, null, 2);
    try {
      await navigator.clipboard.writeText(text);
      setCopyText(null);
      setNote({ intent: 'ok', text: w.copied, at: 'copy' });
    } catch {
      // Office's webviews may refuse the clipboard: the text to copy by hand instead.
      setCopyText(text);
      setNote({ intent: 'error', text: w.copyManual, at: 'copy' });
    }
  };

  const usePasted = () => {
    if (pasting === null) return;
    try {
      const s = schemeFromText(pasting, locale);
      setPasting(null);
      onUse(s);
      setNote({ intent: 'ok', text: w.pasted(s.name), at: 'paste' });
    } catch (e) {
      const why = e instanceof SchemeError ? schemeErrorText(e, locale, 2) : w.pasteUnreadable;
      setNote({ intent: 'error', text: w.pasteBad(why), at: 'paste' });
    }
  };

  const noteAt = (at: Note['at']) =>
    note?.at === at && (
      <Body1 role={note.intent === 'error' ? 'alert' : 'status'} className={note.intent === 'error' ? st.problem : undefined}>
        {note.text}
      </Body1>
    );

  if (draft !== null) {
    return (
      <SchemeForm
        base={scheme}
        draft={draft}
        results={results}
        locale={locale}
        w={w}
        busy={busy}
        tryOn={tryOn}
        onChange={setDraft}
        onDiscard={() => setDraft(null)}
        onSave={async (s) => {
          // Not saved (the pane says why): the draft stays for another try.
          if (!(await onSave(s))) return;
          setDraft(null);
          setNote({ intent: 'ok', text: w.saved(s.name), at: 'save' });
        }}
      />
    );
  }

  return (
    <div className={st.root}>
      <Subtitle2 as="h2">{w.title}</Subtitle2>
      {scheme.basedOn !== undefined && <Body1>{w.basedOn(scheme.basedOn)}</Body1>}
      {noteAt('save')}
      {describeScheme(scheme, locale).map((sec) => (
        <section key={sec.key} className={st.section} aria-label={sec.title}>
          <Text weight="semibold">{sec.title}</Text>
          {sec.lines.map((l) => (
            <Body1 key={l.key} className={mergeClasses(st.line, changedKeys.has(l.key) && st.changed)}>
              {l.text}
              {changedKeys.has(l.key) && <span className={st.mark}>（{w.changedMark}）</span>}
            </Body1>
          ))}
        </section>
      ))}
      <div className={st.actions}>
        <Button appearance="primary" onClick={() => setDraft(draftOf(scheme))} disabled={busy}>
          {w.edit}
        </Button>
        <Button onClick={() => void copy()}>{w.copy}</Button>
        <Button onClick={() => setPasting(pasting === null ? '' : null)} aria-expanded={pasting !== null}>
          {w.paste}
        </Button>
      </div>
      {noteAt('copy')}
      {copyText !== null && (
        <Textarea className={st.code} readOnly value={copyText} aria-label={w.copy} onFocus={(e) => e.target.select()} />
      )}
      {pasting !== null && (
        <div className={st.section}>
          <Field label={w.pasteLabel}>
            <Textarea className={st.code} value={pasting} onChange={(_e, d) => setPasting(d.value)} />
          </Field>
          <div className={st.actions}>
            <Button onClick={usePasted} disabled={busy || pasting.trim() === ''}>
              {w.usePasted}
            </Button>
          </div>
        </div>
      )}
      {noteAt('paste')}
    </div>
  );
}

interface FormProps {
  base: Scheme;
  draft: Draft;
  results: Results | null;
  locale: Locale;
  w: SchemeWords;
  busy: boolean;
  tryOn: (s: Scheme) => Results | null;
  onChange: (d: Draft) => void;
  onDiscard: () => void;
  onSave: (s: Scheme) => Promise<void>;
}

/** Text typed into a number field: a number where it reads as one, removed when empty, else kept for the check to name. */
function numberOf(text: string): unknown {
  const t = text.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const shown = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const wordsOf = (text: string): string[] =>
  text
    .split(/[、,，;；\s]+/)
    .map((x) => x.trim())
    .filter((x) => x !== '');

function SchemeForm({ base, draft, results, locale, w, busy, tryOn, onChange, onDiscard, onSave }: FormProps) {
  const st = useStyles();
  const checked = useMemo(() => checkDraft(base, draft, locale), [base, draft, locale]);
  // Trying the draft on the sheet is a whole check: it follows the typing instead of holding it up.
  const tried = useDeferredValue(checked.scheme);
  const changes = useMemo(() => {
    const after = tried ? tryOn(tried) : null;
    return results && after ? resultChanges(results, after) : null;
  }, [tried, tryOn, results]);
  const [saving, setSaving] = useState(false);

  const set = (path: Path, value: unknown) => onChange(setIn(draft, path, value));
  const problem = (path: Path) => checked.fields.get(pathKey(path));
  const num = (path: Path, label: string, className = st.narrow) => (
    <Field className={className} label={label} validationMessage={problem(path)}>
      <Input inputMode="decimal" value={shown(getIn(draft, path))} onChange={(_e, d) => set(path, numberOf(d.value))} />
    </Field>
  );
  const text = (path: Path, label: string, className = st.grow) => (
    <Field className={className} label={label} validationMessage={problem(path)}>
      <Input value={shown(getIn(draft, path))} onChange={(_e, d) => set(path, d.value)} />
    </Field>
  );
  const sectionProblems = (key: 'items' | 'grades' | 'total') =>
    (checked.sections[key] ?? []).map((m) => (
      <Body1 key={m} role="alert" className={st.problem}>
        {m}
      </Body1>
    ));

  const groups = (getIn(draft, ['groups']) as { id: string; label: string }[] | undefined) ?? [];
  const items = (getIn(draft, ['items']) as { id: string; label: string; group?: string }[] | undefined) ?? [];
  const adjustments = (getIn(draft, ['adjustments']) as { label: string }[] | undefined) ?? [];
  const bands = (getIn(draft, ['grading', 'bands']) as { grade: string }[] | undefined) ?? [];
  const quotas = (getIn(draft, ['quotas']) as { grades: string[] }[] | undefined) ?? [];
  const conditions = (getIn(draft, ['conditions']) as { id: string; reason: string; match: { keywords: string[] } }[] | undefined) ?? [];
  const top = base.grading.labels[0]?.label ?? '';

  const newItem = (group: string | undefined) => {
    const taken = new Set([...items.map((i) => i.id), ...groups.map((g) => g.id)]);
    let n = items.length + 1;
    while (taken.has(`item_${n}`)) n++;
    onChange(
      withList(draft, ['items'], (l) => [...l, { id: `item_${n}`, label: `${w.newItem}${n}`, max: 0, ...(group ? { group } : {}) }]),
    );
  };

  const itemRows = (group: string | undefined) =>
    items.flatMap((it, i) =>
      it.group !== group
        ? []
        : [
            <div key={it.id} className={st.row}>
              {text(['items', i, 'label'], w.label)}
              {num(['items', i, 'max'], w.max)}
              <Button size="small" aria-label={w.up(it.label)} onClick={() => onChange(withList(draft, ['items'], (l) => moved(l, i, -1)))}>
                ↑
              </Button>
              <Button
                size="small"
                aria-label={w.down(it.label)}
                onClick={() => onChange(withList(draft, ['items'], (l) => moved(l, i, 1)))}
              >
                ↓
              </Button>
              <Button
                size="small"
                aria-label={w.remove(it.label)}
                onClick={() => onChange(withList(draft, ['items'], (l) => l.filter((_x, k) => k !== i)))}
              >
                ×
              </Button>
            </div>,
          ],
    );

  const save = async () => {
    if (!checked.scheme || checked.blocked) return;
    setSaving(true);
    try {
      await onSave(checked.scheme);
    } finally {
      setSaving(false);
    }
  };

  return (
    <div className={st.root}>
      <Subtitle2 as="h2">{w.edit}</Subtitle2>
      <Body1>{w.editing}</Body1>

      <section className={st.card} aria-label={w.items}>
        <Text weight="semibold">{w.items}</Text>
        {groups.map((g, gi) => (
          <div key={g.id} className={st.section}>
            <div className={st.row}>
              {text(['groups', gi, 'label'], w.group(g.label))}
              {num(['groups', gi, 'max'], w.max)}
            </div>
            {itemRows(g.id)}
            <div className={st.actions}>
              <Button size="small" onClick={() => newItem(g.id)}>
                {w.addItem}（{g.label}）
              </Button>
            </div>
          </div>
        ))}
        {itemRows(undefined)}
        {groups.length === 0 && (
          <div className={st.actions}>
            <Button size="small" onClick={() => newItem(undefined)}>
              {w.addItem}
            </Button>
          </div>
        )}
        {adjustments.map((_a, i) => (
          <div key={`adj${i}`} className={st.row}>
            {text(['adjustments', i, 'label'], w.label)}
            {num(['adjustments', i, 'cap'], w.cap)}
          </div>
        ))}
        {sectionProblems('items')}
      </section>

      {bands.length > 0 && (
        <section className={st.card} aria-label={w.bands}>
          <Text weight="semibold">{w.bands}</Text>
          {bands.map((b, i) => (
            <div key={`band${i}`} className={st.row}>
              <Text className={st.grow}>{b.grade}</Text>
              {num(['grading', 'bands', i, 'min'], w.bandFrom)}
              {num(['grading', 'bands', i, 'max'], w.bandTo)}
            </div>
          ))}
          <Body1>{w.bandNone}</Body1>
          {sectionProblems('grades')}
        </section>
      )}

      <section className={st.card} aria-label={w.quotas}>
        <Text weight="semibold">{w.quotas}</Text>
        {quotas.map((q, i) => {
          const share = getIn(draft, ['quotas', i, 'max']);
          return (
            <div key={`quota${i}`} className={st.section}>
              <div className={st.row}>
                <Field className={st.grow} label={w.quotaGrades} validationMessage={problem(['quotas', i, 'grades'])}>
                  <Input value={q.grades.join('、')} onChange={(_e, d) => set(['quotas', i, 'grades'], wordsOf(d.value))} />
                </Field>
                <Field className={st.narrow} label={w.quotaShare} validationMessage={problem(['quotas', i, 'max'])}>
                  <Input
                    inputMode="decimal"
                    value={typeof share === 'number' ? fmt(share * 100) : shown(share)}
                    onChange={(_e, d) => {
                      const v = numberOf(d.value);
                      set(['quotas', i, 'max'], typeof v === 'number' ? v / 100 : v);
                    }}
                  />
                </Field>
              </div>
              <div className={st.row}>
                <Field className={st.grow} label={w.quotaScope}>
                  <Select value={shown(getIn(draft, ['quotas', i, 'scope']))} onChange={(_e, d) => set(['quotas', i, 'scope'], d.value)}>
                    <option value="all">{w.scopeAll}</option>
                    <option value="unit">{w.scopeUnit}</option>
                  </Select>
                </Field>
                <Field className={st.grow} label={w.quotaSeverity}>
                  <Select
                    value={shown(getIn(draft, ['quotas', i, 'severity']))}
                    onChange={(_e, d) => set(['quotas', i, 'severity'], d.value)}
                  >
                    <option value="error">{w.hard}</option>
                    <option value="warning">{w.soft}</option>
                  </Select>
                </Field>
                <Button
                  size="small"
                  aria-label={w.remove(q.grades.join('、'))}
                  onClick={() => onChange(withList(draft, ['quotas'], (l) => l.filter((_x, k) => k !== i)))}
                >
                  ×
                </Button>
              </div>
              {problem(['quotas', i]) && (
                <Body1 role="alert" className={st.problem}>
                  {problem(['quotas', i])}
                </Body1>
              )}
            </div>
          );
        })}
        <div className={st.actions}>
          <Button size="small" onClick={() => onChange(withList(draft, ['quotas'], (l) => [...l, { grades: [top], max: 0.4 }]))}>
            {w.addQuota}
          </Button>
        </div>
      </section>

      {conditions.length > 0 && (
        <section className={st.card} aria-label={w.conditions}>
          <Text weight="semibold">{w.conditions}</Text>
          {conditions.map((c, i) => (
            <Field key={c.id} label={c.reason} hint={w.keywords} validationMessage={problem(['conditions', i, 'match', 'keywords'])}>
              <Input
                value={c.match.keywords.join('、')}
                onChange={(_e, d) => set(['conditions', i, 'match', 'keywords'], wordsOf(d.value))}
              />
            </Field>
          ))}
        </section>
      )}

      <section className={st.card} aria-label={w.tryTitle} aria-live="polite">
        <Text weight="semibold">{w.tryTitle}</Text>
        <TryResult changes={checked.scheme ? changes : null} blocked={!checked.scheme} w={w} locale={locale} />
      </section>

      {text(['name'], w.saveName, undefined)}
      {checked.blocked && (
        <Body1 role="alert" className={st.problem}>
          {w.blocked}
        </Body1>
      )}
      <div className={st.actions}>
        <Button appearance="primary" onClick={() => void save()} disabled={busy || saving || checked.blocked}>
          {w.save}
        </Button>
        <Button onClick={onDiscard}>{w.discard}</Button>
      </div>
    </div>
  );
}

function TryResult({
  changes,
  blocked,
  w,
  locale,
}: {
  changes: ReturnType<typeof resultChanges> | null;
  blocked: boolean;
  w: SchemeWords;
  locale: Locale;
}) {
  if (blocked || !changes) return <Body1>{w.tryBlocked}</Body1>;
  const { people, quotas, errors, warnings } = changes;
  const sameIssues = errors.before === errors.after && warnings.before === warnings.after;
  if (people.length === 0 && quotas.length === 0 && sameIssues) return <Body1>{w.tryNone}</Body1>;
  const status = (o: { status: string } | null) => w.status[o ? o.status : 'gone']!;
  const num = (x: number | null | undefined) => (x === null || x === undefined ? w.none : fmt(x));
  return (
    <ul>
      {people.map((p) => {
        const parts: string[] = [];
        if (p.before?.status !== p.after?.status) parts.push(w.statusChange(status(p.before), status(p.after)));
        if (p.before && p.after && p.before.total !== p.after.total) parts.push(w.totalChange(num(p.before.total), num(p.after.total)));
        if (p.before && p.after && p.before.grade !== p.after.grade)
          parts.push(w.gradeChange(p.before.grade ?? w.none, p.after.grade ?? w.none));
        return (
          <li key={`${p.row}:${p.shift}`}>
            <Body1>
              {w.person(p.name, p.unit)}：{parts.join('，')}
            </Body1>
          </li>
        );
      })}
      {quotas.map((q, i) => {
        const limit = (x: typeof q.before) => (x ? w.quotaLimit(x.limit, x.share === null ? null : pct(x.share)) : w.none);
        const grades = (q.after ?? q.before)!.grades.join(locale === 'en' ? ' + ' : '、');
        return (
          <li key={`q${i}`}>
            <Body1>{w.quotaChange(grades, (q.after ?? q.before)!.count, limit(q.before), limit(q.after))}</Body1>
          </li>
        );
      })}
      {!sameIssues && (
        <li>
          <Body1>{w.issuesChange(errors.before, errors.after, warnings.before, warnings.after)}</Body1>
        </li>
      )}
    </ul>
  );
}
