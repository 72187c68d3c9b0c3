/** 名额: each quota per scope, with the people in the grade ranked and the cut line and ties shown. */
import { Badge, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CARD } from './card';
import { quotaScope, quotaState } from './quota-words';
import { fmt, type Locale, pct, type QuotaResult } from '../../engine';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  card: { ...CARD, marginBottom: tokens.spacingVerticalM },
  head: { display: 'flex', justifyContent: 'space-between', alignItems: 'flex-start', gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  out: { color: tokens.colorNeutralForeground3 },
  cut: {
    listStyle: 'none',
    marginLeft: `calc(-1 * ${tokens.spacingHorizontalXL})`,
    color: tokens.colorPaletteRedForeground1,
    fontWeight: tokens.fontWeightSemibold,
  },
  badges: { marginLeft: tokens.spacingHorizontalXS },
  // "2 over" stays on one line beside the heading, never spilling out of its badge.
  state: { flexShrink: 0, whiteSpace: 'nowrap' },
});

export interface QuotaViewProps {
  quotas: QuotaResult[];
  s: Strings;
  locale: Locale;
}

export function QuotaView({ quotas, s, locale }: QuotaViewProps) {
  const st = useStyles();
  if (quotas.length === 0) return <Text>{s.quotaNone}</Text>;
  return (
    <div>
      {quotas.map((q, k) => {
        const grade = q.grades.join('/');
        const scope = quotaScope(q, locale);
        const state = quotaState(q, s.quotaState);
        const color = q.severity === 'ok' ? 'success' : q.severity === 'error' ? 'danger' : 'warning';
        return (
          <section key={`${q.id}-${scope}-${q.kind}-${k}`} className={st.card} aria-label={`${grade} ${scope}`} data-quota={q.severity}>
            <div className={st.head}>
              <Text weight="semibold">{s.quotaLine(grade, scope, q.count, q.limit, q.kind)}</Text>
              <Badge className={st.state} appearance="filled" color={color}>
                {state}
              </Badge>
            </div>
            <Caption1>{s.quotaBase(q.base, q.share === null ? null : pct(q.share), s.rounding[q.rounding])}</Caption1>
            {q.ranking.length > 0 && (
              <>
                <Caption1>{s.ranking}</Caption1>
                <ol className={st.list}>
                  {q.ranking.flatMap((p, i) => {
                    const item = (
                      <li key={p.row} value={i + 1} className={p.within ? undefined : st.out} data-within={p.within} data-tie={p.tie}>
                        {p.name} {p.total === null ? '—' : fmt(p.total)}
                        {p.tie && (
                          <Badge className={st.badges} appearance="outline" color="warning">
                            {s.tie}
                          </Badge>
                        )}
                        {p.direct && (
                          <Badge className={st.badges} appearance="outline">
                            {s.direct}
                          </Badge>
                        )}
                      </li>
                    );
                    const cut = p.within && q.ranking[i + 1] && !q.ranking[i + 1]!.within;
                    return cut
                      ? [
                          item,
                          <li key={`cut-${p.row}`} className={st.cut}>
                            — {s.cutLine} —
                          </li>,
                        ]
                      : [item];
                  })}
                </ol>
              </>
            )}
          </section>
        );
      })}
    </div>
  );
}
