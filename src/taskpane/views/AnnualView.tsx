/**
 * 年度汇总: the workbook's quarterly sheets rolled up by the scheme's annual rules — who may get
 * which annual grade and why, the issues, the annual quota — then the two summary forms,
 * previewed, added as new sheets, and deleted again by the pane's undo.
 */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { CARD } from './card';
import { fmt, type Issue, type Locale, noteText, scopeName } from '../../engine';
import type { AddedSheets } from '../../hosts/host';
import { noFitNote, type PaneYear, schemeTitle, titleOf } from '../session';
import type { Strings } from '../strings';
import { InPlaceMessage } from '../InPlaceMessage';
import { IssueList } from './IssueList';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  table: { tableLayout: 'auto' },
  small: { fontSize: tokens.fontSizeBase200, whiteSpace: 'normal', overflowWrap: 'anywhere' },
  // Names, grades and the best grade are short: kept on one line; the notes wrap.
  nowrap: { fontSize: tokens.fontSizeBase200, whiteSpace: 'nowrap' },
  period: { display: 'inline-block', whiteSpace: 'nowrap', marginRight: tokens.spacingHorizontalS },
  preview: CARD,
});

export interface AnnualViewProps {
  run: PaneYear | null;
  /** The forms are shown for confirmation. */
  previewing: boolean;
  added: AddedSheets | null;
  s: Strings;
  locale: Locale;
  busy: boolean;
  onRollUp: () => void;
  onSelect: (issue: Issue) => void;
  onPreview: () => void;
  onAdd: () => void;
  onRemove: () => void;
}

const fmtOrDash = (x: number | null): string => (x === null ? '—' : fmt(x));

export function AnnualView({ run, previewing, added, s, locale, busy, onRollUp, onSelect, onPreview, onAdd, onRemove }: AnnualViewProps) {
  const st = useStyles();
  const problem =
    run?.kind === 'no-periods'
      ? s.noPeriods
      : run?.kind === 'no-annual-rules'
        ? s.noAnnualRules(titleOf(run.scheme, locale))
        : run?.kind === 'no-roster'
          ? s.noRoster(run.sheet)
          : run?.kind === 'no-fit'
            ? `${noFitNote(run.closest, locale)}${locale === 'en' ? '. ' : '。'}${s.chooseScheme}`
            : null;
  const year = run?.kind === 'ok' ? run : null;
  // A scheme that gives scores only (monthly scores, units ranked): totals and places instead of grades.
  const scoresOnly = year !== null && year.year.scheme.grading.mode === 'none';
  // The annual grade, or for scores only the annual total where the rules give one (xiang-jixiao; not qu-zuzhi's months).
  const yearTotals = !scoresOnly || !!year?.year.people.some((p) => p.annualTotal !== null || p.score !== null);
  const count = (sev: string) => year?.year.issues.filter((i) => i.severity === sev).length ?? 0;

  return (
    <div className={st.root}>
      <Caption1>{s.annualIntro}</Caption1>
      <div className={st.actions}>
        <Button appearance={year ? 'secondary' : 'primary'} disabled={busy} onClick={onRollUp}>
          {s.rollUp}
        </Button>
      </div>
      <InPlaceMessage at="year" />
      {problem && (
        <MessageBar intent="warning">
          <MessageBarBody>{problem}</MessageBarBody>
        </MessageBar>
      )}
      {year && (
        <>
          {scoresOnly && <Caption1>{s.scoresOnlyYear}</Caption1>}
          <Text weight="semibold">
            {schemeTitle(year.year.scheme, locale)} · {s.periodsFound(year.year.periods.map((p) => `${p.label}（${p.sheet}）`).join('、'))}
          </Text>
          {year.year.annualSheet && <Caption1>{s.annualSheetFound(year.year.annualSheet)}</Caption1>}
          <Text>
            {year.year.scheme.subject === 'organisation'
              ? s.yearSummaryUnits(year.year.people.length, count('error'), count('warning'))
              : s.yearSummary(year.year.people.length, count('error'), count('warning'))}
          </Text>
          {year.year.quotas.map((q, k) => (
            <Text key={`${q.id}-${k}`} data-quota={q.severity}>
              {s.quotaLine(q.grades.join('/'), scopeName(q.scope, locale), q.count, q.limit, q.kind)}
              {q.severity === 'ok'
                ? ''
                : ` · ${q.kind === 'max' ? s.quotaState.over(q.count - q.limit) : s.quotaState.under(q.limit - q.count)}`}
            </Text>
          ))}
          <Table size="extra-small" className={st.table} aria-label={s.tabs.annual}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{s.yearColumns.name}</TableHeaderCell>
                <TableHeaderCell>{scoresOnly ? s.yearColumns.totals : s.yearColumns.periods}</TableHeaderCell>
                {yearTotals && <TableHeaderCell>{scoresOnly ? s.yearColumns.annualTotal : s.yearColumns.best}</TableHeaderCell>}
                <TableHeaderCell>{s.yearColumns.flags}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {year.year.people.map((p, i) => (
                <TableRow key={`${p.name}-${p.unit ?? ''}-${i}`} data-person={p.name}>
                  <TableCell className={st.nowrap}>{p.name}</TableCell>
                  {scoresOnly ? (
                    // One period a piece, kept whole, wrapping between periods (twelve months do not fit a line).
                    <TableCell className={st.small}>
                      {p.totals.map((t, k) => (
                        <span key={k} className={st.period}>
                          {year.year.periods[k]!.label}{' '}
                          {t === null ? '—' : p.places[k] ? s.totalAndPlace(fmt(t), p.places[k]!.place) : fmt(t)}
                        </span>
                      ))}
                    </TableCell>
                  ) : (
                    <TableCell className={st.nowrap}>{p.periods.map((g) => g ?? '—').join('·')}</TableCell>
                  )}
                  {yearTotals && (
                    <TableCell className={st.nowrap} data-best>
                      {scoresOnly ? fmtOrDash(p.annualTotal ?? p.score) : (p.decided ?? p.maxGrade ?? s.otherwise)}
                    </TableCell>
                  )}
                  <TableCell className={st.small}>{p.flags.map((f) => noteText(f, locale)).join('；')}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <IssueList issues={year.year.issues} s={s} locale={locale} onSelect={onSelect} />
        </>
      )}
      {/* The forms' buttons after the year, where the forms are previewed and added: 删除 and its answer stay there,
          the answer just above the buttons (kept where they were clicked), in view without scrolling. */}
      <InPlaceMessage at="year-forms" />
      {((year && year.forms.length > 0) || added) && (
        <div className={st.actions}>
          {year && year.forms.length > 0 && (
            <Button appearance={previewing || added ? 'secondary' : 'primary'} disabled={busy} onClick={onPreview}>
              {s.previewForms}
            </Button>
          )}
          {added && (
            <Button disabled={busy} onClick={onRemove}>
              {s.removeForms}
            </Button>
          )}
        </div>
      )}
      {year && (
        <>
          {previewing && (
            <section className={st.preview} aria-label={s.previewForms}>
              <Text weight="semibold">{s.formsTitle}</Text>
              <ul>
                {year.forms.map((f) => (
                  <li key={f.sheet}>
                    {s.formLine(f.sheet, f.values.length)}
                    {f.chart ? ` · ${s.formChart}` : ''}
                  </li>
                ))}
              </ul>
              <InPlaceMessage at="year-add" />
              <div className={st.actions}>
                <Button appearance="primary" disabled={busy} onClick={onAdd}>
                  {s.addForms}
                </Button>
              </div>
            </section>
          )}
        </>
      )}
    </div>
  );
}
