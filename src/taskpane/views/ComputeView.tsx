/**
 * 计算: values or live formulas, a preview of every write said in people (将写入 11 人：总分 9 人、等次 11 人),
 * each line naming its person first and the cell second, then write; after the write, each quota's
 * outcome restated (写入后：全单位“好”6 人，名额 4 人，仍超出 2 人); undo the last write.
 */
import { Body1, Button, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { CARD } from './card';
import { InPlaceMessage } from '../InPlaceMessage';
import { quotaScope, quotaState } from './quota-words';
import { type CellValue, columnLetters, type Locale, parseA1, type Plan, type Results } from '../../engine';
import { personAt, personKey, personOfIssue } from '../people';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  preview: CARD,
  after: CARD,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  name: { fontWeight: tokens.fontWeightSemibold },
  at: { fontFamily: tokens.fontFamilyMonospace, color: tokens.colorNeutralForeground3 },
  secondary: { color: tokens.colorNeutralForeground3 },
});

const show = (v: CellValue): string => (v === null ? '（空）' : typeof v === 'object' ? v.error : String(v));

export interface ComputeViewProps {
  s: Strings;
  locale: Locale;
  /** The sheet's check: whose rows the writes are on, and the quotas as they stand. */
  results: Results | null;
  formulas: boolean;
  preview: Plan | null;
  canUndo: boolean;
  /** The sheet the undo goes to, where it is not the sheet shown. */
  undoSheet?: string | null;
  busy: boolean;
  stale: boolean;
  onMode: (formulas: boolean) => void;
  onPreview: () => void;
  onApply: () => void;
  onUndo: () => void;
}

export function ComputeView({
  s,
  locale,
  results,
  formulas,
  preview,
  canUndo,
  undoSheet,
  busy,
  stale,
  onMode,
  onPreview,
  onApply,
  onUndo,
}: ComputeViewProps) {
  const st = useStyles();
  const units = results?.compiled.scheme.subject === 'organisation';
  // The preview is the answer to 预览: brought into view where it opens below the pane's window (320 px, a long view).
  const shown = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = shown.current;
    if (!el?.scrollIntoView) return;
    const top = el.getBoundingClientRect().top;
    if (top < 0 || top > window.innerHeight - 120) el.scrollIntoView({ block: 'start' });
  }, [preview]);
  const writes = preview?.writes.filter((w) => w.kind !== 'header') ?? [];
  // The people written, and for how many of them a total, a grade, a place.
  const whose = (row: number, col: number) => (results ? personAt(results, row, col) : null);
  const people = (kind?: string) =>
    new Set(
      writes
        .filter((w) => !kind || w.kind === kind)
        .map((w) => {
          const p = whose(w.row, w.col);
          return p ? personKey(p) : `${w.row}`;
        }),
    ).size;
  const who = (row: number, name: string, cell?: string) => {
    const p = results ? personAt(results, row, cell ? (parseA1(cell)?.col ?? null) : null) : null;
    return s.who(name, p?.unit ?? null);
  };
  const byCell = new Map(preview?.writes.map((w) => [w.cell, w]) ?? []);
  // Rows hidden or filtered out that the plan leaves alone: said in the preview, with whose they are.
  const hidden = preview?.hiddenRows ?? [];
  const quotas = results?.quotas ?? [];
  return (
    <div className={st.root}>
      <Field label={s.writeMode}>
        <RadioGroup value={formulas ? 'formulas' : 'values'} onChange={(_e, d) => onMode(d.value === 'formulas')}>
          <Radio value="values" label={s.values} />
          <Radio value="formulas" label={s.formulas} />
        </RadioGroup>
      </Field>
      <div className={st.actions}>
        <Button appearance={preview || canUndo ? 'secondary' : 'primary'} disabled={busy || stale} onClick={onPreview}>
          {s.preview}
        </Button>
        {canUndo && (
          <Button disabled={busy} onClick={onUndo}>
            {s.undo}
          </Button>
        )}
      </div>
      {/* The write's and the undo's answer: under the buttons, where the write's preview was. */}
      <InPlaceMessage at="compute" />
      {canUndo && undoSheet && <Body1>{s.undoOn(undoSheet)}</Body1>}
      {/* The quotas as they stand after the write: only where the write was on the sheet shown. */}
      {canUndo && !undoSheet && !preview && quotas.length > 0 && (
        <section className={st.after} aria-label={s.afterWrite} data-testid="after-write">
          {quotas.map((q, k) => {
            const scope = quotaScope(q, locale);
            const state = quotaState(q, s.afterState);
            return (
              <Body1 key={`${q.id}-${scope}-${q.kind}-${k}`} data-quota={q.severity}>
                {s.afterWriteQuota(q.grades.join('/'), scope, q.count, q.limit, q.kind, state)}
              </Body1>
            );
          })}
          {quotas.some((q) => q.severity !== 'ok') && <Body1 className={st.secondary}>{s.afterWriteAdjust}</Body1>}
        </section>
      )}
      {preview && (
        <section ref={shown} className={st.preview} aria-label={s.previewTitle}>
          <Text weight="semibold">{s.previewTitle}</Text>
          {preview.nothingToWrite ? (
            <Text>{s.nothingToWrite[preview.nothingToWrite]}</Text>
          ) : preview.writes.length === 0 ? (
            // Nothing to write because every row that needs it is hidden is not "already right".
            hidden.length === 0 && <Text>{s.nothingChanged}</Text>
          ) : (
            <>
              <Body1 data-testid="preview-counts">
                {s.previewPeople(people(), people('total'), people('grade'), people('rank'), units)}
              </Body1>
              <Body1 className={st.secondary}>{s.previewCells(preview.writes.length)}</Body1>
              {preview.newColumns.map((c) => (
                <Body1 key={c.col}>{s.newColumn(columnLetters(c.col), c.header)}</Body1>
              ))}
              {preview.conflicts.length > 0 && (
                <>
                  <Body1>{s.overwrite(preview.conflicts.length)}</Body1>
                  <ul className={st.list}>
                    {preview.conflicts.map((i) => {
                      const w = byCell.get(i.cell!)!;
                      const p = results ? personOfIssue(results, i) : null;
                      return (
                        <li key={i.cell} data-cell={i.cell}>
                          {p && (
                            <>
                              <span className={st.name}>{s.who(p.name, p.unit)}</span>
                              {'：'}
                            </>
                          )}
                          {s.kindWord[w.kind]} {show(w.before.value)} → {show(w.after.value)} <span className={st.at}>{i.cell}</span>
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
              {preview.skipped.map((k) => (
                <Body1 key={`${k.row}-${k.cell ?? k.why}`}>
                  {k.why === 'sheet-grade'
                    ? s.skippedKept(who(k.row, k.name, k.cell), k.cell!)
                    : k.cell
                      ? s.skippedMerged(who(k.row, k.name, k.cell), k.cell)
                      : s.skipped(who(k.row, k.name))}
                </Body1>
              ))}
              {preview.valuesInstead.length > 0 && (
                <Body1>
                  {s.valuesInsteadPeople(
                    preview.valuesInstead
                      .flatMap((row) => results?.people.filter((p) => p.row === row).map((p) => p.name) ?? [String(row)])
                      .join(locale === 'en' ? ', ' : '、'),
                  )}
                </Body1>
              )}
            </>
          )}
          {preview.nothingToWrite === null && hidden.length > 0 && (
            <Body1 data-testid="preview-hidden">
              {s.hiddenNotWritten(
                hidden,
                hidden.flatMap((row) => results?.people.filter((p) => p.row === row).map((p) => p.name) ?? []),
              )}
            </Body1>
          )}
          {/* A write refused (a protected sheet, one changed since) leaves the preview: the reason comes just above
              写入表格, which the pane keeps where it was clicked (Pane), so the reason is in view without scrolling. */}
          <InPlaceMessage at="compute-apply" />
          {preview.writes.length > 0 && (
            <div className={st.actions}>
              <Button appearance="primary" disabled={busy || stale} onClick={onApply}>
                {s.apply}
              </Button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
