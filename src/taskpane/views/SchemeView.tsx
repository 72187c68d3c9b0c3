/**
 * 方案: the scheme in use said as a 考核办法 says it (the lines an office changed from its preset
 * marked), changed in a form without JSON — every change checked as it is typed, with the message
 * beside the field, and tried on the sheet (the people and quota lines it changes) before it is
 * saved to the workbook under the office's own name — and shared by copy and paste as text.
 */
import { Body1, Button, Field, Input, makeStyles, mergeClasses, Subtitle2, Text, Textarea, tokens } from '@fluentui/react-components';
import { OptionSelect } from './OptionSelect';
import { useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import {
  describeScheme,
  editedLines,
  fmt,
  formLayout,
  type FormLayout,
  mayHoldScheme,
  type Locale,
  pct,
  type Results,
  resultChanges,
  type Scheme,
  SchemeError,
  schemeChanges,
  schemeErrorText,
  schemeForm,
  schemeOnSheet,
} from '../../engine';
import type { AddedSheets, WorkbookSheets } from '../../hosts/host';
import { preset, schemeFromText } from '../../schemes';
import { CARD } from './card';
import { checkDraft, type Draft, draftOf, getIn, moved, type Path, pathKey, setIn, withList } from '../scheme-draft';
import { addItem, type Combine, setCombine } from '../scheme-rules';
import { QuotaList } from './scheme-quota-form';
import { DeductionsForm } from './scheme-deductions-form';
import { RulesForm } from './scheme-rules-form';
import { numberOf } from './scheme-typed';
import { schemeWords, type SchemeWords } from './scheme-words';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  line: { overflowWrap: 'anywhere' },
  changed: { fontWeight: tokens.fontWeightSemibold },
  mark: { color: tokens.colorPaletteDarkOrangeForeground1, marginLeft: tokens.spacingHorizontalXS },
  card: CARD,
  row: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'flex-end' },
  grow: { flexGrow: 1, flexBasis: '8em', minWidth: '0' },
  narrow: { flexBasis: '6em', flexGrow: 0, minWidth: '0' },
  // A line a field: its name, then numbers, then small buttons — one row even at 320 px.
  grid: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) 4.5em auto',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
  },
  bandGrid: {
    display: 'grid',
    gridTemplateColumns: 'auto minmax(0, 1fr) minmax(0, 1fr)',
    columnGap: tokens.spacingHorizontalXS,
    rowGap: tokens.spacingVerticalXXS,
    alignItems: 'center',
  },
  full: { gridColumn: '1 / -1' },
  // Fluent's input is as wide as 20 characters by default: within the pane, it takes the cell's width.
  input: { width: '100%', minWidth: '0', '& input': { minWidth: '0', width: '100%' } },
  icons: { display: 'flex', gap: '2px' },
  icon: { minWidth: '28px', paddingLeft: '0', paddingRight: '0' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  problem: { color: tokens.colorPaletteRedForeground1 },
  said: { color: tokens.colorNeutralForeground2, overflowWrap: 'anywhere', marginBottom: tokens.spacingVerticalS },
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
  /** The host's sheets: the 方案说明表 added (null: not added, the pane says why), deleted again, read back. */
  addSheets: (forms: FormLayout[]) => Promise<AddedSheets | null>;
  removeAdded: (added: AddedSheets) => Promise<number | null>;
  readSheets: (pick: (names: string[]) => string[]) => Promise<WorkbookSheets | null>;
}

type Note = { intent: 'ok' | 'error'; text: string; at: 'copy' | 'paste' | 'save' | 'sheet' };

export function SchemeView({ scheme, results, locale, busy, tryOn, onSave, onUse, addSheets, removeAdded, readSheets }: SchemeViewProps) {
  const st = useStyles();
  const w = schemeWords(locale);
  const [draft, setDraft] = useState<Draft | null>(null);
  const [note, setNote] = useState<Note | null>(null);
  const [copyText, setCopyText] = useState<string | null>(null);
  const [pasting, setPasting] = useState<string | null>(null);
  const [added, setAdded] = useState<AddedSheets | null>(null);

  const addSheet = async () => {
    const done = await addSheets([formLayout(schemeForm(scheme, locale))]);
    if (!done) return;
    setAdded(done);
    setNote({ intent: 'ok', text: w.sheetAdded(done.names.join('、')), at: 'sheet' });
  };
  const removeSheet = async () => {
    if (!added || (await removeAdded(added)) === null) return;
    setAdded(null);
    setNote({ intent: 'ok', text: w.sheetRemoved, at: 'sheet' });
  };
  /** 从方案说明表读取: the scheme the workbook's 方案说明表 carries, tried on the sheet; words edited by hand are said. */
  const readSheet = async () => {
    const book = await readSheets((names) => names.filter(mayHoldScheme));
    if (!book) return;
    const found = [...book.grids.entries()].flatMap(([sheet, grid]) => {
      const on = schemeOnSheet(grid);
      return on ? [{ sheet, on }] : [];
    });
    const last = found.at(-1);
    if (!last) {
      setNote({ intent: 'error', text: w.noSchemeSheet, at: 'sheet' });
      return;
    }
    try {
      const s = schemeFromText(last.on.text, locale);
      onUse(s);
      const edited = editedLines(last.on, s, locale);
      setNote({
        intent: edited.length > 0 ? 'error' : 'ok',
        text: edited.length > 0 ? w.sheetEdited(last.sheet, s.name, edited) : w.sheetRead(last.sheet, s.name),
        at: 'sheet',
      });
    } catch (e) {
      const why = e instanceof SchemeError ? schemeErrorText(e, locale, 2) : w.pasteUnreadable;
      setNote({ intent: 'error', text: w.sheetBad(last.sheet, why), at: 'sheet' });
    }
  };

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

  // A message appears beside the button that caused it, and is brought into view.
  const noteRef = useRef<HTMLDivElement>(null);
  // Centred: what the save changes above it (the scheme's sentence) must not push it out again.
  // Braces: scrollIntoView returns a promise in newer browsers, and an effect may return only its clean-up.
  useEffect(() => {
    noteRef.current?.scrollIntoView({ block: 'center' });
  }, [note, scheme]);
  const noteAt = (at: Note['at']) =>
    note?.at === at && (
      <div ref={noteRef}>
        <Body1 role={note.intent === 'error' ? 'alert' : 'status'} className={note.intent === 'error' ? st.problem : undefined}>
          {note.text}
        </Body1>
      </div>
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
      <div className={st.actions}>
        {added ? (
          <Button onClick={() => void removeSheet()} disabled={busy}>
            {w.removeSheet}
          </Button>
        ) : (
          <Button onClick={() => void addSheet()} disabled={busy}>
            {w.addSheet}
          </Button>
        )}
        <Button onClick={() => void readSheet()} disabled={busy}>
          {w.readSheet}
        </Button>
      </div>
      {noteAt('sheet')}
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

const shown = (v: unknown): string => (v === undefined || v === null ? '' : String(v));

function SchemeForm({ base, draft, results, locale, w, busy, tryOn, onChange, onDiscard, onSave }: FormProps) {
  const st = useStyles();
  const checked = useMemo(() => checkDraft(base, draft, locale), [base, draft, locale]);
  // The draft in words by line key, as the scheme's description and its 方案说明表 will say it: shown beside each band and rule.
  const said = useMemo(
    () => new Map(checked.scheme ? describeScheme(checked.scheme, locale).flatMap((sec) => sec.lines.map((l) => [l.key, l.text])) : []),
    [checked.scheme, locale],
  );
  // Trying the draft on the sheet is a whole check: it follows the typing instead of holding it up.
  const tried = useDeferredValue(checked.scheme);
  const changes = useMemo(() => {
    const after = tried ? tryOn(tried) : null;
    return results && after ? resultChanges(results, after) : null;
  }, [tried, tryOn, results]);
  const [saving, setSaving] = useState(false);
  // The form replaces the words where the button was: its heading is brought into view and focused.
  const heading = useRef<HTMLDivElement>(null);
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus();
  }, []);

  const set = (path: Path, value: unknown) => onChange(setIn(draft, path, value));
  const problem = (path: Path) => checked.fields.get(pathKey(path));
  const text = (path: Path, label: string, className = st.grow) => (
    <Field className={className} label={label} validationMessage={problem(path)}>
      <Input className={st.input} value={shown(getIn(draft, path))} onChange={(_e, d) => set(path, d.value)} />
    </Field>
  );
  const sectionProblems = (key: 'items' | 'grades' | 'total') =>
    (checked.sections[key] ?? []).map((m) => (
      <Body1 key={m} role="alert" className={st.problem}>
        {m}
      </Body1>
    ));
  // Cells of a line: inputs named for assistive technology, the line's problems under it.
  const cellText = (path: Path, label: string) => (
    <Input
      key={pathKey(path)}
      className={st.input}
      aria-label={label}
      aria-invalid={problem(path) !== undefined}
      value={shown(getIn(draft, path))}
      onChange={(_e, d) => set(path, d.value)}
    />
  );
  const cellNum = (path: Path, label: string) => (
    <Input
      key={pathKey(path)}
      className={st.input}
      aria-label={label}
      aria-invalid={problem(path) !== undefined}
      inputMode="decimal"
      value={shown(getIn(draft, path))}
      onChange={(_e, d) => set(path, numberOf(d.value))}
    />
  );
  const lineProblems = (key: string, ...paths: Path[]) => {
    const said = paths.map(problem).filter((x): x is string => x !== undefined);
    return said.length === 0 ? null : (
      <Body1 key={`${key}-problems`} role="alert" className={mergeClasses(st.full, st.problem)}>
        {said.join('；')}
      </Body1>
    );
  };

  const groups = (getIn(draft, ['groups']) as { id: string; label: string; combine?: Combine }[] | undefined) ?? [];
  const items = (getIn(draft, ['items']) as { id: string; label: string; group?: string }[] | undefined) ?? [];
  const adjustments = (getIn(draft, ['adjustments']) as { label: string }[] | undefined) ?? [];
  const bands =
    (getIn(draft, ['grading', 'bands']) as
      { grade: string; min?: unknown; max?: unknown; minInclusive?: boolean; maxInclusive?: boolean }[] | undefined) ?? [];
  const labels = ((getIn(draft, ['grading', 'labels']) as { label: string }[] | undefined) ?? []).map((l) => l.label);
  const top = labels[0] ?? '';
  // Grades entered as written (an inferred scheme, a sheet without stated bands): a band a grade, its bounds left to fill.
  const addBands = () =>
    onChange(
      setIn(
        setIn(draft, ['grading', 'mode'], 'bands'),
        ['grading', 'bands'],
        labels.map((grade) => ({ grade, minInclusive: true, maxInclusive: false })),
      ),
    );

  const newItem = (group: string | undefined) => onChange(addItem(draft, group, w.newItem));
  const itemList = (change: (l: unknown[]) => unknown[]) => onChange(withList(draft, ['items'], change));

  // An item of a weighted dimension has its weight on a line of its own (实绩：得分 × 0.7).
  const weightRow = (i: number, label: string, weighted: boolean) =>
    !weighted
      ? []
      : [
          <Field key={`${i}-weight`} className={st.full} label={w.weight(label)} validationMessage={problem(['items', i, 'weight'])}>
            <Input
              className={st.input}
              inputMode="decimal"
              value={shown(getIn(draft, ['items', i, 'weight']))}
              onChange={(_e, d) => set(['items', i, 'weight'], numberOf(d.value))}
            />
          </Field>,
        ];
  const itemRows = (group: string | undefined, weighted = false) =>
    items.flatMap((it, i) =>
      it.group !== group
        ? []
        : [
            cellText(['items', i, 'label'], `${w.label}：${it.label}`),
            cellNum(['items', i, 'max'], `${it.label} ${w.max}`),
            <span key={`${it.id}-icons`} className={st.icons}>
              <Button size="small" className={st.icon} aria-label={w.up(it.label)} onClick={() => itemList((l) => moved(l, i, -1))}>
                ↑
              </Button>
              <Button size="small" className={st.icon} aria-label={w.down(it.label)} onClick={() => itemList((l) => moved(l, i, 1))}>
                ↓
              </Button>
              <Button
                size="small"
                className={st.icon}
                aria-label={w.remove(it.label)}
                onClick={() => itemList((l) => l.filter((_x, k) => k !== i))}
              >
                ×
              </Button>
            </span>,
            lineProblems(it.id, ['items', i, 'label'], ['items', i, 'max'], ['items', i]),
            ...weightRow(i, it.label, weighted),
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
      <div ref={heading} tabIndex={-1}>
        <Subtitle2 as="h2">{w.edit}</Subtitle2>
      </div>
      <Body1>{w.editing}</Body1>

      <section className={st.card} aria-label={w.items}>
        <Text weight="semibold">{w.items}</Text>
        <div className={st.grid}>
          <Body1>{w.label}</Body1>
          <Body1>{w.max}</Body1>
          <span />
          {groups.flatMap((g, gi) => [
            cellText(['groups', gi, 'label'], w.group(g.label)),
            cellNum(['groups', gi, 'max'], `${g.label} ${w.max}`),
            <Button
              key={`${g.id}-add`}
              size="small"
              className={st.icon}
              aria-label={`${w.addItem}（${g.label}）`}
              onClick={() => newItem(g.id)}
            >
              ＋
            </Button>,
            lineProblems(g.id, ['groups', gi, 'label'], ['groups', gi, 'max'], ['groups', gi]),
            // How the items make the dimension's score, where it has items.
            items.some((it) => it.group === g.id) && (
              <Field key={`${g.id}-combine`} className={st.full} label={w.combine(g.label)}>
                <OptionSelect
                  className={st.input}
                  value={g.combine ?? 'sum'}
                  onChange={(value) => onChange(setCombine(draft, gi, value as Combine))}
                  options={['sum', 'weighted'] as const}
                  label={(k) => w.combines[k]}
                />
              </Field>
            ),
            ...itemRows(g.id, g.combine === 'weighted'),
          ])}
          {itemRows(undefined)}
          {adjustments.flatMap((a, i) => [
            cellText(['adjustments', i, 'label'], `${w.label}：${a.label}`),
            cellNum(['adjustments', i, 'cap'], `${a.label} ${w.cap}`),
            <span key={`adj${i}`} />,
            lineProblems(`adj${i}`, ['adjustments', i, 'label'], ['adjustments', i, 'cap']),
          ])}
        </div>
        {groups.length === 0 && (
          <div className={st.actions}>
            <Button size="small" onClick={() => newItem(undefined)}>
              {w.addItem}
            </Button>
          </div>
        )}
        {/* The stated total the maxima add up to, and how the total is rounded before it is graded (89.5 or 90). */}
        <div className={st.row}>
          {getIn(draft, ['scale']) !== undefined && (
            <Field className={st.grow} label={w.scaleMax} validationMessage={problem(['scale', 'max'])}>
              <Input
                className={st.input}
                inputMode="decimal"
                value={shown(getIn(draft, ['scale', 'max']))}
                onChange={(_e, d) => set(['scale', 'max'], numberOf(d.value))}
              />
            </Field>
          )}
          <Field className={st.grow} label={w.decimals}>
            <OptionSelect
              className={st.input}
              value={shown(getIn(draft, ['total', 'decimals']) ?? 2)}
              onChange={(value) => set(['total', 'decimals'], Number(value))}
              options={[0, 1, 2, 3, 4]}
              label={(n) => w.decimalsOption(n)}
            />
          </Field>
        </div>
        {sectionProblems('items')}
      </section>

      <DeductionsForm draft={draft} onChange={onChange} problem={problem} w={w} locale={locale} said={said} />

      {bands.length === 0 && labels.length > 0 && (
        <section className={st.card} aria-label={w.bands}>
          <Text weight="semibold">{w.bands}</Text>
          <Body1>{w.noBands(labels.join('、'))}</Body1>
          <div className={st.actions}>
            <Button size="small" onClick={addBands}>
              {w.addBands}
            </Button>
          </div>
        </section>
      )}
      {bands.length > 0 && (
        <section className={st.card} aria-label={w.bands}>
          <Text weight="semibold">{w.bands}</Text>
          <div className={st.bandGrid}>
            <span />
            <Body1>{w.bandFrom}</Body1>
            <Body1>{w.bandTo}</Body1>
            {bands.flatMap((b, i) => {
              const at = ['grading', 'bands', i];
              // A band's line in the description: band:好, the second band of one grade band:好#2.
              const nth = bands.slice(0, i).filter((x) => x.grade === b.grade).length;
              const line = said.get(nth === 0 ? `band:${b.grade}` : `band:${b.grade}#${nth + 1}`);
              return [
                <Text key={`band${i}`}>{b.grade}</Text>,
                cellNum([...at, 'min'], w.bandMin(b.grade)),
                cellNum([...at, 'max'], w.bandMax(b.grade)),
                lineProblems(`band${i}`, [...at, 'min'], [...at, 'max'], at),
                // Whether a bound belongs to the band (90 分及以上 or 高于 90 分), beside the number it qualifies.
                <span key={`band${i}-kinds`} />,
                b.min === undefined ? (
                  <span key={`band${i}-minkind`} />
                ) : (
                  <OptionSelect
                    key={`band${i}-minkind`}
                    className={st.input}
                    aria-label={w.bandMinKind(b.grade)}
                    value={b.minInclusive === false ? 'out' : 'in'}
                    onChange={(value) => set([...at, 'minInclusive'], value === 'in')}
                    options={['in', 'out'] as const}
                    label={(k) => w.bandMinKinds[k]}
                  />
                ),
                b.max === undefined ? (
                  <span key={`band${i}-maxkind`} />
                ) : (
                  <OptionSelect
                    key={`band${i}-maxkind`}
                    className={st.input}
                    aria-label={w.bandMaxKind(b.grade)}
                    value={b.maxInclusive === true ? 'in' : 'out'}
                    onChange={(value) => set([...at, 'maxInclusive'], value === 'in')}
                    options={['out', 'in'] as const}
                    label={(k) => w.bandMaxKinds[k]}
                  />
                ),
                line === undefined ? null : (
                  <Body1 key={`band${i}-said`} className={mergeClasses(st.full, st.said)}>
                    {line}
                  </Body1>
                ),
              ];
            })}
          </div>
          <Body1>{w.bandNone}</Body1>
          {sectionProblems('grades')}
        </section>
      )}

      <QuotaList
        draft={draft}
        onChange={onChange}
        problem={problem}
        w={w}
        locale={locale}
        at={['quotas']}
        title={w.quotas}
        onAdd={() => onChange(withList(draft, ['quotas'], (l) => [...l, { grades: [top], max: 0.4 }]))}
      />

      <RulesForm draft={draft} onChange={onChange} problem={problem} w={w} locale={locale} said={said} />

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
