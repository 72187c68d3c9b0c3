/**
 * 年度汇总: the workbook's quarterly sheets rolled up by the scheme's annual rules — who may get
 * which annual grade and why, the issues, the annual quota — then the two summary forms,
 * previewed, added as new sheets, and deleted again by the pane's undo.
 */
import { Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useRef } from 'react';
import { CARD } from './card';
import { type Issue, type Locale, scopeName, words } from '../../engine';
import type { AddedSheets } from '../../hosts/host';
import { noFitNote, type PaneYear, schemeTitle, titleOf } from '../session';
import type { Strings } from '../strings';
import { InPlaceMessage } from '../InPlaceMessage';
import { Notice } from '../Notice';
import { IssueList } from './IssueList';
import { YearPeople } from './YearPeople';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
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
  /** Selects a cell: an issue's, or a person's name cell. */
  onSelect: (at: Pick<Issue, 'sheet' | 'cell'>) => void;
  onPreview: () => void;
  onAdd: () => void;
  onRemove: () => void;
}

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
  // Periods the workbook lacks (its sheets, not one person's line): said first, and not again in the list.
  const lacking = year?.year.issues.find((i) => i.rule === 'annual-missing-period' && i.cell === null) ?? null;
  // What is missing is the first answer to 汇总全年: brought into view if it lands below the pane's window.
  const missing = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = missing.current;
    if (!el?.scrollIntoView) return;
    const r = el.getBoundingClientRect();
    if (r.top < 0 || r.bottom > window.innerHeight) el.scrollIntoView({ block: 'nearest' });
  }, [lacking]);

  return (
    <div className={st.root}>
      <Caption1>{s.annualIntro}</Caption1>
      <div className={st.actions}>
        <Button appearance={year ? 'secondary' : 'primary'} disabled={busy} onClick={onRollUp}>
          {s.rollUp}
        </Button>
      </div>
      <InPlaceMessage at="year" />
      {problem && <Notice intent="warning">{problem}</Notice>}
      {year && (
        <>
          {lacking && (
            <Notice ref={missing} intent="warning" data-rule={lacking.rule} title={words(lacking, locale).message}>
              {s.yearPending(scoresOnly)}
            </Notice>
          )}
          {scoresOnly && <Caption1>{s.scoresOnlyYear}</Caption1>}
          <Text weight="semibold">
            {schemeTitle(year.year.scheme, locale)} ·{' '}
            {s.periodsFound(year.year.periods.map((p) => (p.label === p.sheet ? p.label : `${p.label}（${p.sheet}）`)).join('、'))}
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
          <YearPeople
            year={year.year}
            checked={year.checked}
            s={s}
            locale={locale}
            scoresOnly={scoresOnly}
            yearTotals={yearTotals}
            pending={lacking !== null}
            onSelect={onSelect}
          />
          <IssueList issues={year.year.issues.filter((i) => i !== lacking)} s={s} locale={locale} onSelect={onSelect} />
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
