/**
 * The people of a rolled-up year, as the pane's width allows: a table where the pane is wide enough
 * for four columns (500 px), one card a person where it is not (320 px) — name and unit, each
 * period's grade, the best annual grade allowed or decided, the rules' notes in full sentences, and
 * the person's cell as a secondary line. Shown a page at a time in the workbook's order (the order
 * the secretary reads the sheets and the forms in), so a year of hundreds stays a bounded page.
 */
import {
  Body1,
  Button,
  makeStyles,
  mergeClasses,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { useLayoutEffect, useRef, useState } from 'react';
import { a1, type AnnualResults, fmt, type Issue, type Locale, noteText, type PeriodResults } from '../../engine';
import type { Strings } from '../strings';

/** Below this width (the pane's content, in px) the four columns leave the notes a character wide: cards instead. */
const NARROW = 420;
/** People shown at first and added by each "more": cards are taller than rows. */
const PAGE = { cards: 10, rows: 20 };

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS, minWidth: '0' },
  table: { tableLayout: 'auto' },
  cell: { fontSize: tokens.fontSizeBase300, verticalAlign: 'top' },
  // Names, grades and the best grade are short: kept on one line; the notes wrap between words.
  nowrap: { whiteSpace: 'nowrap' },
  period: { display: 'inline-block', whiteSpace: 'nowrap', marginRight: tokens.spacingHorizontalS },
  cards: { listStyleType: 'none', margin: '0', padding: '0', display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  card: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  who: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  name: { fontWeight: tokens.fontWeightSemibold },
  unit: { color: tokens.colorNeutralForeground2 },
  best: { fontWeight: tokens.fontWeightSemibold },
  later: { color: tokens.colorNeutralForeground2 },
  barred: { color: tokens.colorPaletteRedForeground1 },
  notes: { margin: '0', paddingLeft: tokens.spacingHorizontalL },
  // The cell: a secondary line, never broken inside the reference.
  at: {
    alignSelf: 'flex-start',
    minWidth: '0',
    height: 'auto',
    padding: '0',
    fontFamily: tokens.fontFamilyMonospace,
    fontWeight: tokens.fontWeightRegular,
    whiteSpace: 'nowrap',
    color: tokens.colorNeutralForeground2,
  },
});

export interface YearPeopleProps {
  year: AnnualResults;
  checked: PeriodResults[];
  s: Strings;
  locale: Locale;
  /** A scheme that gives scores only: each period's total (and place), the annual total. */
  scoresOnly: boolean;
  /** Whether the annual column is shown (scores only: where the rules give an annual total). */
  yearTotals: boolean;
  /** The workbook lacks some of the year's periods: what is shown is not the year's result yet. */
  pending: boolean;
  onSelect: (at: Pick<Issue, 'sheet' | 'cell'>) => void;
}

type AnnualPerson = AnnualResults['people'][number];

/** Whether the element is narrower than NARROW: measured before the first paint, then on every resize (one observer). */
function useNarrow(): [React.RefObject<HTMLDivElement | null>, boolean] {
  const ref = useRef<HTMLDivElement>(null);
  const [narrow, setNarrow] = useState(false);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // 0 where nothing is laid out (a test's DOM): the table, as before.
    const set = (w: number) => setNarrow(w > 0 && w < NARROW);
    set(el.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const ro = new ResizeObserver((entries) => set(entries[0]?.contentRect.width ?? 0));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return [ref, narrow];
}

export function YearPeople({ year, checked, s, locale, scoresOnly, yearTotals, pending, onSelect }: YearPeopleProps) {
  const st = useStyles();
  const [ref, narrow] = useNarrow();
  const [shown, setShown] = useState<number | null>(null);
  const page = narrow ? PAGE.cards : PAGE.rows;
  const count = Math.min(shown ?? page, year.people.length);
  const people = year.people.slice(0, count);
  const rest = year.people.length - count;
  const units = year.scheme.subject === 'organisation';
  const order = year.scheme.annual?.grades.map((g) => g.label) ?? [];
  /** A proposal better than the rules allow (the issue list says why). */
  const barred = (p: AnnualPerson): boolean =>
    p.proposed !== null && p.maxGrade !== null && order.indexOf(p.proposed) >= 0 && order.indexOf(p.proposed) < order.indexOf(p.maxGrade);
  // Fluent merges a className given to it with its own: two of ours are merged first, or one is lost.
  const whole = mergeClasses(st.cell, st.nowrap);
  const later = pending && <span className={st.later}>{s.yearPendingMark}</span>;

  /** One period as the person's line holds it: the grade, the total (and place), or why there is none. */
  const periodText = (p: AnnualPerson, k: number): string => {
    if (scoresOnly) {
      const t = p.totals[k];
      return t === null || t === undefined ? '—' : p.places[k] ? s.totalAndPlace(fmt(t), p.places[k]!.place) : fmt(t);
    }
    const g = p.periods[k];
    if (g) return g;
    const state = p.states[k]!;
    if (state === 'graded') return '—';
    const word = s.yearState[state];
    return p.reasons[k] && state === 'ungraded' ? s.withReason(word, p.reasons[k]!) : word;
  };
  const best = (p: AnnualPerson): string =>
    scoresOnly
      ? p.annualTotal !== null
        ? fmt(p.annualTotal)
        : p.score !== null
          ? fmt(p.score)
          : '—'
      : (p.decided ?? p.maxGrade ?? s.otherwise);
  /** Where the person is first found: their name cell on the first period sheet that lists them. */
  const cellOf = (p: AnnualPerson): { sheet: string; cell: string } | null => {
    const k = p.rows.findIndex((r) => r !== null);
    const pr = checked[k];
    if (k < 0 || !pr) return null;
    const row = p.rows[k]!;
    const nameCol = pr.results.table.columns.find((c) => c.role.kind === 'name')?.col ?? 1;
    const shift = pr.results.people.find((x) => x.row === row && x.name === p.name)?.shift ?? 0;
    return { sheet: year.periods[k]!.sheet, cell: a1(row, nameCol + shift) };
  };
  const more = rest > 0 && <Button onClick={() => setShown(count + page)}>{s.yearMore(Math.min(page, rest), rest, units)}</Button>;

  return (
    <div ref={ref} className={st.root} data-layout={narrow ? 'cards' : 'table'}>
      {narrow ? (
        <ul className={st.cards} aria-label={s.tabs.annual}>
          {people.map((p, i) => {
            const at = cellOf(p);
            const where = at && `${at.sheet}!${at.cell}`;
            return (
              <li key={`${p.name}-${p.unit ?? ''}-${i}`} className={st.card} data-person={p.name}>
                <span className={st.who}>
                  <Body1 className={st.name} data-whole="">
                    {p.name}
                  </Body1>
                  {p.unit && <Body1 className={st.unit}>{p.unit}</Body1>}
                </span>
                <Body1>
                  {p.periods.map((_g, k) => (
                    <span key={k} className={st.period}>
                      {year.periods[k]!.label} {periodText(p, k)}
                    </span>
                  ))}
                </Body1>
                {yearTotals && (
                  <Body1>
                    {scoresOnly ? s.yearColumns.annualTotal : s.yearColumns.best}：
                    <span className={st.best} data-best data-whole="">
                      {best(p)}
                    </span>
                    {later}
                  </Body1>
                )}
                {p.proposed !== null && (
                  <Body1 className={barred(p) ? st.barred : undefined}>
                    {s.yearProposed(p.proposed)}
                    {barred(p) ? s.yearBarred : ''}
                  </Body1>
                )}
                {p.flags.length > 0 && (
                  <ul className={st.notes}>
                    {p.flags.map((f, k) => (
                      <li key={k}>
                        <Body1>{noteText(f, locale)}</Body1>
                      </li>
                    ))}
                  </ul>
                )}
                {at && (
                  <Button
                    appearance="transparent"
                    size="small"
                    className={st.at}
                    aria-label={s.yearGoTo(p.name, where!)}
                    onClick={() => onSelect(at)}
                  >
                    {where}
                  </Button>
                )}
              </li>
            );
          })}
        </ul>
      ) : (
        <Table size="extra-small" className={st.table} aria-label={s.tabs.annual}>
          <TableHeader>
            <TableRow>
              <TableHeaderCell className={st.nowrap}>{s.yearColumns.name}</TableHeaderCell>
              <TableHeaderCell>{scoresOnly ? s.yearColumns.totals : s.yearColumns.periods}</TableHeaderCell>
              {yearTotals && <TableHeaderCell>{scoresOnly ? s.yearColumns.annualTotal : s.yearColumns.best}</TableHeaderCell>}
              <TableHeaderCell>{s.yearColumns.flags}</TableHeaderCell>
            </TableRow>
          </TableHeader>
          <TableBody>
            {people.map((p, i) => (
              <TableRow key={`${p.name}-${p.unit ?? ''}-${i}`} data-person={p.name}>
                <TableCell className={whole} data-whole="">
                  {p.name}
                </TableCell>
                {scoresOnly ? (
                  // One period a piece, kept whole, wrapping between periods (twelve months do not fit a line).
                  <TableCell className={st.cell}>
                    {p.totals.map((_t, k) => (
                      <span key={k} className={st.period}>
                        {year.periods[k]!.label} {periodText(p, k)}
                      </span>
                    ))}
                  </TableCell>
                ) : (
                  <TableCell className={whole} data-whole="">
                    {p.periods.map((g) => g ?? '—').join('·')}
                  </TableCell>
                )}
                {yearTotals && (
                  <TableCell className={whole} data-whole="">
                    <span data-best>{best(p)}</span>
                    {later}
                  </TableCell>
                )}
                <TableCell className={st.cell}>
                  {p.flags.map((f, k) => (
                    <div key={k}>{noteText(f, locale)}</div>
                  ))}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {more}
    </div>
  );
}
