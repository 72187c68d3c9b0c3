/**
 * 人员: everyone on the sheet with total, grade and status — 不定等次 and why, 不参加, 在外考核 — and on
 * a sheet of several periods each period's grade; found by name and filtered by status (or to those
 * with issues). Clicking a person selects their row in the sheet.
 */
import { Badge, Body1, Button, Field, Input, makeStyles, Select, tokens } from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import { fmt, type Locale, noteText, type Person, type Results } from '../../engine';
import { personKey, personOfIssue } from '../people';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  filters: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  field: { flexGrow: 1, flexBasis: '130px', minWidth: '0' },
  list: { listStyle: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column' },
  person: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'stretch',
    width: '100%',
    height: 'auto',
    textAlign: 'left',
    justifyContent: 'flex-start',
    fontWeight: tokens.fontWeightRegular,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: 0,
  },
  line: { display: 'flex', flexWrap: 'wrap', alignItems: 'baseline', columnGap: tokens.spacingHorizontalS, minWidth: '0' },
  name: { fontWeight: tokens.fontWeightSemibold },
  unit: { color: tokens.colorNeutralForeground2 },
  result: { marginLeft: 'auto', whiteSpace: 'nowrap' },
  apart: { color: tokens.colorPaletteMarigoldForeground2, fontWeight: tokens.fontWeightSemibold },
  why: { color: tokens.colorNeutralForeground2, whiteSpace: 'normal', overflowWrap: 'anywhere' },
});

type Filter = 'all' | 'graded' | 'ungraded' | 'excluded' | 'elsewhere' | 'issues';
const FILTERS: Filter[] = ['all', 'graded', 'ungraded', 'excluded', 'elsewhere', 'issues'];

/** A person's standing: graded, 不定等次, 不参加, or appraised elsewhere (excluded here and listed apart). */
const standing = (p: Person): Exclude<Filter, 'all' | 'issues'> =>
  p.status === 'graded' ? 'graded' : p.elsewhere ? 'elsewhere' : p.status;

export interface PeopleViewProps {
  results: Results;
  s: Strings;
  locale: Locale;
  /** Selects the person's row in the sheet. */
  onSelect: (p: Person) => void;
}

export function PeopleView({ results, s, locale, onSelect }: PeopleViewProps) {
  const st = useStyles();
  const [name, setName] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const units = results.compiled.scheme.subject === 'organisation';
  const labels = results.periods?.map((p) => p.label) ?? [];

  // Each person's issues, found as the issue list finds them: by row and block.
  const issuesOf = useMemo(() => {
    const m = new Map<string, { n: number; color: 'danger' | 'warning' | 'informative' }>();
    const rank = { danger: 0, warning: 1, informative: 2 } as const;
    for (const i of results.issues) {
      const p = personOfIssue(results, i);
      if (!p) continue;
      const was = m.get(personKey(p));
      const color = i.severity === 'error' ? 'danger' : i.severity === 'warning' ? 'warning' : 'informative';
      m.set(personKey(p), { n: (was?.n ?? 0) + 1, color: was && rank[was.color] < rank[color] ? was.color : color });
    }
    return m;
  }, [results]);

  const counts: Record<Filter, number> = {
    all: results.people.length,
    graded: 0,
    ungraded: 0,
    excluded: 0,
    elsewhere: 0,
    issues: results.people.filter((p) => issuesOf.has(personKey(p))).length,
  };
  for (const p of results.people) counts[standing(p)]++;

  const needle = name.trim().toLowerCase();
  const shown = results.people.filter(
    (p) =>
      (needle === '' || p.name.toLowerCase().includes(needle)) &&
      (filter === 'all' || (filter === 'issues' ? issuesOf.has(personKey(p)) : standing(p) === filter)),
  );

  /** The grade or what stands instead of it: 不定等次（试用期）. */
  const result = (p: Person): string => {
    const k = standing(p);
    if (k === 'graded') return p.grade ?? (results.compiled.scheme.grading.mode === 'none' ? '' : s.noGrade);
    return p.reasonLabel ? s.withReason(s.statusWord[k], p.reasonLabel) : s.statusWord[k];
  };
  /** Why there is no grade, or why the grade was given directly or capped: the scheme's words. */
  const why = (p: Person): string | null =>
    p.reason && (p.status !== 'graded' || p.gradeFrom === 'direct' || p.gradeFrom === 'cap') ? noteText(p.reason, locale) : null;

  return (
    <div className={st.root}>
      <Body1>{units ? s.unitsIntro : s.peopleIntro}</Body1>
      <div className={st.filters}>
        <Field className={st.field} label={units ? s.filterUnitName : s.filterName}>
          <Input type="search" value={name} onChange={(_e, d) => setName(d.value)} />
        </Field>
        <Field className={st.field} label={s.filterStatus}>
          <Select value={filter} onChange={(_e, d) => setFilter(d.value as Filter)}>
            {FILTERS.filter((f) => f === 'all' || counts[f] > 0).map((f) => (
              <option key={f} value={f}>
                {s.statusCount(s.statusFilter[f], counts[f])}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <Body1 role="status" data-testid="people-shown">
        {s.shownOf(shown.length, results.people.length, units)}
      </Body1>
      {shown.length === 0 ? (
        <Body1>{s.nobodyShown}</Body1>
      ) : (
        <ul className={st.list} aria-label={units ? s.unitsTab : s.tabs.people}>
          {shown.map((p) => {
            const had = issuesOf.get(personKey(p));
            const reason = why(p);
            const k = standing(p);
            return (
              <li key={personKey(p)}>
                <Button appearance="subtle" className={st.person} onClick={() => onSelect(p)} data-person={p.name} data-status={k}>
                  <span className={st.line}>
                    <span className={st.name}>{p.name}</span>
                    {(p.unit ?? p.category) && <span className={st.unit}>{p.unit ?? p.category}</span>}
                    {labels.length === 0 && (
                      <span className={st.result} data-result="">
                        {p.total !== null && `${fmt(p.total)} `}
                        <span className={k === 'graded' ? undefined : st.apart}>{result(p)}</span>
                      </span>
                    )}
                  </span>
                  {labels.length > 0 && (
                    <span className={st.why} data-periods="">
                      {s.periodGrades(
                        labels
                          .map((l) => {
                            const q = p.periods?.[l];
                            const g = q ? (q.grade ?? (q.status === 'graded' ? '—' : s.statusWord[q.status])) : '—';
                            return `${l} ${g}`;
                          })
                          .join(' · '),
                      )}
                    </span>
                  )}
                  {reason && <span className={st.why}>{reason}</span>}
                  {had && (
                    <span>
                      <Badge appearance="tint" color={had.color}>
                        {s.personIssues(had.n)}
                      </Badge>
                    </span>
                  )}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
