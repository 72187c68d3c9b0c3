/**
 * 检查: the summary, each period's grades where the sheet keeps several, then every issue grouped by
 * severity and rule, each naming its person first; each one with a cell selects it.
 */
import { Body1, Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { Issue, Locale, Results } from '../../engine';
import type { Strings } from '../strings';
import { personOfIssue } from '../people';
import { InPlaceMessage } from '../InPlaceMessage';
import { IssueList } from './IssueList';
import { PeriodTable } from './PeriodTable';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  message: { marginBottom: tokens.spacingVerticalS },
});

export interface CheckViewProps {
  results: Results;
  s: Strings;
  locale: Locale;
  marked: boolean;
  busy: boolean;
  onSelect: (issue: Issue) => void;
  onMark: () => void;
  onClearMarks: () => void;
  /** 检查全部工作表 (its own chunk), under this sheet's summary. */
  allSheets?: ReactNode;
}

export function CheckView({ results, s, locale, marked, busy, onSelect, onMark, onClearMarks, allSheets }: CheckViewProps) {
  const st = useStyles();
  const people = results.people;
  const n = (status: string) => people.filter((p) => p.status === status).length;
  const count = (sev: 'error' | 'warning') => results.issues.filter((i) => i.severity === sev).length;

  return (
    <div>
      <div className={st.summary}>
        <Text weight="semibold">
          {/* Organisations are counted as units, and scored rather than graded: 8 个单位：计分 8. */}
          {results.compiled.scheme.subject === 'organisation'
            ? s.summaryUnits(people.length, n('graded') + n('ungraded'), n('excluded'))
            : s.summary(people.length, n('graded'), n('ungraded'), n('excluded'))}
        </Text>
        <Text>{s.counts(count('error'), count('warning'))}</Text>
        {results.issues.length > 0 && <Body1>{s.issueHint}</Body1>}
      </div>
      {results.issues.some((i) => i.cell) && (
        <div className={st.actions}>
          {marked ? (
            <Button disabled={busy} onClick={onClearMarks}>
              {s.clearMarks}
            </Button>
          ) : (
            <Button disabled={busy} onClick={onMark}>
              {s.mark}
            </Button>
          )}
        </div>
      )}
      <InPlaceMessage at="check" barClassName={st.message} />
      {allSheets}
      <PeriodTable results={results} s={s} />
      <IssueList issues={results.issues} s={s} locale={locale} onSelect={onSelect} personOf={(i) => personOfIssue(results, i)} />
    </div>
  );
}
