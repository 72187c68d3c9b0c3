/**
 * Issues grouped by severity, then by rule (named in words; the rule's id only in the heading's
 * tooltip). An issue about a person names the person first (杨帆（国库股）) and the cell second; an
 * issue with a cell is a button that selects it; one without a cell (a missing column, a quota, a
 * missing period) is a plain row in full contrast — it is often the most important, never disabled.
 */
import { Body1, Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { type Issue, type Locale, type Person, ruleName, type Severity, words } from '../../engine';
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
  // A row without a cell: laid out as the buttons are, in the body text's own colour.
  plain: {
    paddingLeft: tokens.spacingHorizontalM,
    paddingRight: tokens.spacingHorizontalM,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    color: tokens.colorNeutralForeground1,
    boxSizing: 'border-box',
  },
  cell: { fontFamily: tokens.fontFamilyMonospace, minWidth: '40px', whiteSpace: 'nowrap', color: tokens.colorBrandForeground1 },
  text: { display: 'flex', flexDirection: 'column', whiteSpace: 'normal', overflowWrap: 'anywhere', minWidth: '0' },
  who: { display: 'flex', flexWrap: 'wrap', columnGap: tokens.spacingHorizontalS, alignItems: 'baseline' },
  name: { fontWeight: tokens.fontWeightSemibold },
  // A cell reference is never broken inside (第一季度!B16 over three lines at 320 px).
  at: { fontFamily: tokens.fontFamilyMonospace, whiteSpace: 'nowrap', color: tokens.colorNeutralForeground3 },
  fix: { color: tokens.colorNeutralForeground3 },
  ruleName: { fontWeight: tokens.fontWeightSemibold, display: 'block', marginTop: tokens.spacingVerticalXS },
  // Each severity a native disclosure (details/summary): open and closed by mouse and keyboard without script,
  // where Fluent's accordion and badge brought their animation code into the pane's first load.
  group: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}` },
  summary: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    minHeight: '44px',
    paddingLeft: tokens.spacingHorizontalS,
    cursor: 'pointer',
    fontSize: tokens.fontSizeBase300,
    color: tokens.colorNeutralForeground1,
    ':focus-visible': { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` },
  },
  panel: { paddingLeft: tokens.spacingHorizontalM, paddingBottom: tokens.spacingVerticalS },
  count: {
    minWidth: '20px',
    height: '20px',
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
    boxSizing: 'border-box',
    borderRadius: tokens.borderRadiusCircular,
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    fontSize: tokens.fontSizeBase200,
    fontWeight: tokens.fontWeightSemibold,
  },
  error: { backgroundColor: tokens.colorPaletteRedBackground3, color: tokens.colorNeutralForegroundOnBrand },
  warning: { backgroundColor: tokens.colorPaletteDarkOrangeBackground3, color: tokens.colorNeutralForegroundOnBrand },
  info: { backgroundColor: tokens.colorBrandBackground, color: tokens.colorNeutralForegroundOnBrand },
});

const ORDER: Severity[] = ['error', 'warning', 'info'];

export interface IssueListProps {
  issues: Issue[];
  s: Strings;
  locale: Locale;
  onSelect: (issue: Issue) => void;
  /** The person an issue is about, where the list knows the sheet's people (taskpane/people.ts); none by default. */
  personOf?: (issue: Issue) => Person | null;
}

export function IssueList({ issues, s, locale, onSelect, personOf }: IssueListProps) {
  const st = useStyles();
  const groups = ORDER.map((sev) => {
    const list = issues.filter((i) => i.severity === sev);
    const rules = [...new Set(list.map((i) => i.rule))].map((rule) => ({ rule, issues: list.filter((i) => i.rule === rule) }));
    return { sev, list, rules };
  }).filter((g) => g.list.length > 0);

  return (
    <div>
      {groups.map((g) => (
        <details key={g.sev} open className={st.group}>
          <summary className={st.summary}>
            <span className={mergeClasses(st.count, st[g.sev])}>{g.list.length}</span>
            {s.severityGroup[g.sev]}
          </summary>
          <div className={st.panel}>
            {g.rules.map((r) => (
              <div key={r.rule} role="group" aria-label={ruleName(r.rule, locale)}>
                {/* The rule's id is for whoever maintains the scheme: in the tooltip, not in the text. */}
                <Body1 className={st.ruleName} title={s.ruleId(r.rule)} data-rule-id={r.rule}>
                  {ruleName(r.rule, locale)}
                </Body1>
                {r.issues.map((i, k) => {
                  const w = words(i, locale);
                  const at = i.cell ? (i.sheet ? `${i.sheet}!${i.cell}` : i.cell) : null;
                  const who = personOf?.(i) ?? null;
                  const text = (
                    <span className={st.text}>
                      {who && (
                        <span className={st.who}>
                          <span className={st.name}>{who.name}</span>
                          {who.unit && <span>{who.unit}</span>}
                          {at && <span className={st.at}>{at}</span>}
                        </span>
                      )}
                      <span>{i.period ? `${i.period}：${w.message}` : w.message}</span>
                      <span className={st.fix}>{w.fix}</span>
                      {/* On another sheet (the year's): the reference is long, a secondary line under the words. */}
                      {!who && i.sheet && at && (
                        <span className={st.at} data-at="">
                          {at}
                        </span>
                      )}
                    </span>
                  );
                  const key = `${i.sheet ?? ''}-${i.cell ?? ''}-${k}`;
                  if (!at)
                    return (
                      <div key={key} className={mergeClasses(st.issue, st.plain)} data-rule={i.rule} data-nocell="">
                        {text}
                      </div>
                    );
                  return (
                    <Button
                      key={key}
                      appearance="subtle"
                      className={st.issue}
                      onClick={() => onSelect(i)}
                      data-cell={i.cell ?? ''}
                      data-rule={i.rule}
                      data-person={who?.name}
                    >
                      {!who && !i.sheet && (
                        <span className={st.cell} data-at="">
                          {at}
                        </span>
                      )}
                      {text}
                    </Button>
                  );
                })}
              </div>
            ))}
          </div>
        </details>
      ))}
    </div>
  );
}
