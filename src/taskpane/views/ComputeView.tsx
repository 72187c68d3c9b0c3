/** 计算: values or live formulas, a preview of every write, then write; undo the last write. */
import { Button, Caption1, Field, makeStyles, Radio, RadioGroup, Text, tokens } from '@fluentui/react-components';
import { CARD } from './card';
import { type CellValue, columnLetters, type Plan } from '../../engine';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  preview: CARD,
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: 'anywhere' },
  mono: { fontFamily: tokens.fontFamilyMonospace },
});

const show = (v: CellValue): string => (v === null ? '（空）' : typeof v === 'object' ? v.error : String(v));

export interface ComputeViewProps {
  s: Strings;
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
  const totals = preview?.writes.filter((w) => w.kind === 'total').length ?? 0;
  const grades = preview?.writes.filter((w) => w.kind === 'grade').length ?? 0;
  const ranks = preview?.writes.filter((w) => w.kind === 'rank').length ?? 0;
  const byCell = new Map(preview?.writes.map((w) => [w.cell, w]) ?? []);
  return (
    <div className={st.root}>
      <Field label={s.writeMode}>
        <RadioGroup value={formulas ? 'formulas' : 'values'} onChange={(_e, d) => onMode(d.value === 'formulas')}>
          <Radio value="values" label={s.values} />
          <Radio value="formulas" label={s.formulas} />
        </RadioGroup>
      </Field>
      <div className={st.actions}>
        <Button appearance={preview ? 'secondary' : 'primary'} disabled={busy || stale} onClick={onPreview}>
          {s.preview}
        </Button>
        {canUndo && (
          <Button disabled={busy} onClick={onUndo}>
            {s.undo}
          </Button>
        )}
      </div>
      {canUndo && undoSheet && <Caption1>{s.undoOn(undoSheet)}</Caption1>}
      {preview && (
        <section className={st.preview} aria-label={s.previewTitle}>
          <Text weight="semibold">{s.previewTitle}</Text>
          {preview.nothingToWrite ? (
            <Text>{s.nothingToWrite[preview.nothingToWrite]}</Text>
          ) : preview.writes.length === 0 ? (
            <Text>{s.nothingChanged}</Text>
          ) : (
            <>
              <Text data-testid="preview-counts">{s.previewCounts(totals, grades, ranks)}</Text>
              {preview.newColumns.map((c) => (
                <Caption1 key={c.col}>{s.newColumn(columnLetters(c.col), c.header)}</Caption1>
              ))}
              {preview.conflicts.length > 0 && (
                <>
                  <Caption1>{s.overwrite(preview.conflicts.length)}</Caption1>
                  <ul className={st.list}>
                    {preview.conflicts.map((i) => {
                      const w = byCell.get(i.cell!)!;
                      return (
                        <li key={i.cell} className={st.mono}>
                          {i.cell}：{show(w.before.value)} → {show(w.after.value)}
                        </li>
                      );
                    })}
                  </ul>
                </>
              )}
              {preview.skipped.map((k) => (
                <Caption1 key={`${k.row}-${k.cell ?? k.why}`}>
                  {k.why === 'sheet-grade' ? s.skippedKept(k.name, k.cell!) : k.cell ? s.skippedMerged(k.name, k.cell) : s.skipped(k.name)}
                </Caption1>
              ))}
              {preview.valuesInstead.length > 0 && <Caption1>{s.valuesInstead(preview.valuesInstead.length)}</Caption1>}
            </>
          )}
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
