/**
 * 检查全部工作表, under 检查: every appraisal sheet of the workbook checked as the command line's folder
 * check does it (src/app's analyseAllSheets: each sheet with its own scheme choice and saved column
 * corrections, unless a scheme was chosen in the pane), one card a sheet — unit, scheme, people, the
 * top grade against its limit, errors and warnings — the sheet's name taking the user there; then a
 * summary sheet added on request and deleted again by the pane's undo. Its own chunk ("sheets"), loaded
 * when the pane's 检查全部工作表 button is first pressed.
 */
import { Button, makeStyles, mergeClasses, Text, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { analyseAllSheets, type SheetLine, sheetsForm, sheetSummary } from '../../app';
import { formLayout, type FormLayout, type Locale, noFitSentence, type Scheme, type WorkbookSettings } from '../../engine';
import type { AddedSheets, WorkbookSheets } from '../../hosts/host';
import { InPlaceMessage } from '../InPlaceMessage';
import type { MessageAt } from '../pane-state';
import { allSheetsWords } from './all-sheets-words';
import { CARD } from './card';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, marginBottom: tokens.spacingVerticalM },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: CARD,
  over: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
  name: { alignSelf: 'flex-start', minWidth: 0, paddingLeft: 0, paddingRight: 0, textAlign: 'left', overflowWrap: 'anywhere' },
});

export interface AllSheetsProps {
  locale: Locale;
  busy: boolean;
  /** The workbook's settings as last read (the scheme and column corrections saved for each sheet). */
  settings: WorkbookSettings | null;
  settingsBroken: boolean;
  /** The scheme chosen in the pane for this session; else each sheet's own. */
  scheme: Scheme | undefined;
  readSheets: (pick: (names: string[]) => string[], at: MessageAt) => Promise<WorkbookSheets | null>;
  addSheets: (forms: FormLayout[], at: MessageAt) => Promise<AddedSheets | null>;
  removeAdded: (added: AddedSheets, at: MessageAt) => Promise<number | null>;
  goToSheet: (sheet: string, cell: string) => void;
  say: (text: string) => void;
  /** Every visible sheet, read by the press of 检查全部工作表 that loaded this view. */
  first: WorkbookSheets;
}

/** A checked sheet's card line and where its name takes the user (the header's first cell). */
type Card = SheetLine & { cell: string };

export function AllSheets({
  locale,
  busy,
  settings,
  settingsBroken,
  scheme,
  readSheets,
  addSheets,
  removeAdded,
  goToSheet,
  say,
  first,
}: AllSheetsProps) {
  const st = useStyles();
  const w = allSheetsWords(locale);
  // The workbook as read by the press that loaded this view, then by each press of its own button.
  const [book, setBook] = useState(first);
  const [added, setAdded] = useState<AddedSheets | null>(null);
  const checked = useMemo(() => {
    const source = {
      sheets: book.names.map((name) => ({ name, visible: true, grid: () => book.grids.get(name)! })),
      settings,
      settingsBroken,
    };
    return analyseAllSheets(source, { scheme, locale });
  }, [book, settings, settingsBroken, scheme, locale]);
  const none = !checked.ok;
  const cards: Card[] = !checked.ok
    ? []
    : checked.sheets.map((c) =>
        c.ok
          ? {
              sheet: c.analysis.sheet,
              summary: sheetSummary(c.analysis, locale),
              reason: null,
              cell: `A${c.analysis.results.table.headerTop}`,
            }
          : { sheet: c.sheet, summary: null, reason: noFitSentence(c.closest, locale), cell: 'A1' },
      );

  const check = async () => {
    const again = await readSheets((names) => names, 'check-all');
    if (again) setBook(again);
  };

  const add = async () => {
    const done = await addSheets([formLayout(sheetsForm(cards))], 'check-all');
    if (!done) return;
    setAdded(done);
    say(w.added(done.names.join('、')));
  };
  const remove = async () => {
    if (!added) return;
    const n = await removeAdded(added, 'check-all');
    if (n === null) return;
    setAdded(null);
    say(w.removed(n));
  };

  const done = cards.filter((c) => c.summary);
  const over = done.filter((c) => c.summary!.top?.over).length;

  return (
    <section className={st.root} aria-label={w.button}>
      <div className={st.actions}>
        <Button disabled={busy} onClick={() => void check()}>
          {w.button}
        </Button>
        {cards.length > 1 && !added && (
          <Button disabled={busy} onClick={() => void add()}>
            {w.add}
          </Button>
        )}
        {added && (
          <Button disabled={busy} onClick={() => void remove()}>
            {w.remove}
          </Button>
        )}
      </div>
      <InPlaceMessage at="check-all" />
      {none && <Text>{w.noRoster}</Text>}
      {cards.length === 1 && <Text>{w.only}</Text>}
      {cards.length > 1 && (
        <>
          <Text weight="semibold">{w.heading(done.length, cards.length - done.length, over)}</Text>
          <ul className={st.list}>
            {cards.map((c) => {
              const s = c.summary;
              const t = s?.top ?? null;
              return (
                <li key={c.sheet} className={st.card}>
                  <Button appearance="transparent" className={st.name} title={w.go(c.sheet)} onClick={() => goToSheet(c.sheet, c.cell)}>
                    <Text weight="semibold">{c.sheet}</Text>
                  </Button>
                  {s ? (
                    <>
                      {s.unit && <Text>{w.unit(s.unit)}</Text>}
                      <Text>{w.scheme(s.schemeName, s.source)}</Text>
                      <Text>{w.people(s.people, s.graded)}</Text>
                      {t && <Text className={mergeClasses(t.over && st.over)}>{w.top(t.grade, t.count, t.limit)}</Text>}
                      <Text>{w.issues(s.errors, s.warnings)}</Text>
                    </>
                  ) : (
                    <Text>
                      {w.unchecked}
                      {c.reason}
                    </Text>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
