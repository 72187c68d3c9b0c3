/** Issues grouped by severity, then by rule; each one with its cell (and sheet, where it is another), which it selects. */
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { type Issue, type Locale, ruleName, type Severity, words } from '../../engine';
import type { Strings } from '../strings';

const useStyles = makeStyles({
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

export interface IssueListProps {
  issues: Issue[];
  s: Strings;
  locale: Locale;
  onSelect: (issue: Issue) => void;
}

export function IssueList({ issues, s, locale, onSelect }: IssueListProps) {
  const st = useStyles();
  const groups = ORDER.map((sev) => {
    const list = issues.filter((i) => i.severity === sev);
    const rules = [...new Set(list.map((i) => i.rule))].map((rule) => ({ rule, issues: list.filter((i) => i.rule === rule) }));
    return { sev, list, rules };
  }).filter((g) => g.list.length > 0);

  return (
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
                  const at = i.cell ? (i.sheet ? `${i.sheet}!${i.cell}` : i.cell) : '—';
                  return (
                    <Button
                      key={`${i.sheet ?? ''}-${i.cell ?? ''}-${k}`}
                      appearance="subtle"
                      className={st.issue}
                      disabled={!i.cell}
                      onClick={() => onSelect(i)}
                      data-cell={i.cell ?? ''}
                      data-rule={i.rule}
                    >
                      <span className={st.cell}>{at}</span>
                      <span className={st.text}>
                        <span>{i.period ? `${i.period}：${w.message}` : w.message}</span>
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
  );
}
