/** 检查: the summary, then every issue grouped by severity and rule; each one selects its cell. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  makeStyles,
  Text,
  tokens,
} from '@fluentui/react-components';
import type { Issue, Severity } from '../../engine/report/issue';
import type { Locale } from '../../engine/report/locale';
import { ruleName, words } from '../../engine/report/messages';
import type { Results } from '../../engine/results';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  summary: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS, marginBottom: tokens.spacingVerticalS },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginBottom: tokens.spacingVerticalS },
  issue: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    width: '100%',
    textAlign: 'left',
    justifyContent: 'flex-start',
    height: 'auto',
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    fontWeight: tokens.fontWeightRegular,
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '40px', color: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column', whiteSpace: 'normal', overflowWrap: 'anywhere' },
  fix: { color: tokens.colorNeutralForeground3 },
  ruleName: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginTop: tokens.spacingVerticalXS },
  rule: { fontFamily: tokens.fontFamilyMonospace, fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];
const COLOR: Record<Severity, 'danger' | 'warning' | 'informative'> = { error: 'danger', warning: 'warning', info: 'informative' };

export interface CheckViewProps {
  results: Results;
  s: Strings;
  locale: Locale;
  marked: boolean;
  busy: boolean;
  onSelect: (issue: Issue) => void;
  onMark: () => void;
  onClearMarks: () => void;
}

export function CheckView({ results, s, locale, marked, busy, onSelect, onMark, onClearMarks }: CheckViewProps) {
  const st = useStyles();
  const people = results.people;
  const n = (status: string) => people.filter((p) => p.status === status).length;
  const count = (sev: Severity) => results.issues.filter((i) => i.severity === sev).length;
  const groups = ORDER.map((sev) => {
    const list = results.issues.filter((i) => i.severity === sev);
    const rules = [...new Set(list.map((i) => i.rule))].map((rule) => ({ rule, issues: list.filter((i) => i.rule === rule) }));
    return { sev, list, rules };
  }).filter((g) => g.list.length > 0);

  return (
    <div>
      <div className={st.summary}>
        <Text weight="semibold">{s.summary(people.length, n('graded'), n('ungraded'), n('excluded'))}</Text>
        <Text>{s.counts(count('error'), count('warning'))}</Text>
        {results.issues.length > 0 && <Caption1>{s.issueHint}</Caption1>}
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
      <Accordion multiple collapsible defaultOpenItems={groups.map((g) => g.sev)}>
        {groups.map((g) => (
          <AccordionItem key={g.sev} value={g.sev}>
            <AccordionHeader>
              <Badge appearance="filled" color={COLOR[g.sev]}>
                {g.list.length}
              </Badge>
              &nbsp;{s.severityGroup[g.sev]}
            </AccordionHeader>
            <AccordionPanel>
              {g.rules.map((r) => (
                <div key={r.rule} role="group" aria-label={ruleName(r.rule, locale)}>
                  <Caption1 className={st.ruleName}>
                    {ruleName(r.rule, locale)} <span className={st.rule}>{r.rule}</span>
                  </Caption1>
                  {r.issues.map((i, k) => {
                    const w = words(i, locale);
                    return (
                      <Button
                        key={`${i.cell ?? ''}-${k}`}
                        appearance="subtle"
                        className={st.issue}
                        disabled={!i.cell}
                        onClick={() => onSelect(i)}
                        data-cell={i.cell ?? ''}
                        data-rule={i.rule}
                      >
                        <span className={st.cell}>{i.cell ?? '—'}</span>
                        <span className={st.text}>
                          <span>{w.message}</span>
                          <span className={st.fix}>{w.fix}</span>
                        </span>
                      </Button>
                    );
                  })}
                </div>
              ))}
            </AccordionPanel>
          </AccordionItem>
        ))}
      </Accordion>
    </div>
  );
}
