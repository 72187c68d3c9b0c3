/**
 * A sheet of several periods (月份 or 季度 columns): each person's grade in each period, as a
 * compact table that fits 320 px — the name, then one narrow column a period.
 */
import { Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { Results } from '../../engine';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  wrap: { overflowX: 'auto', marginBottom: tokens.spacingVerticalS },
  table: { borderCollapse: 'collapse', width: '100%', fontSize: tokens.fontSizeBase200 },
  cell: {
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
    textAlign: 'left',
    whiteSpace: 'nowrap',
  },
});

export function PeriodTable({ results, s }: { results: Results; s: Strings }) {
  const st = useStyles();
  const labels = results.periods?.map((p) => p.label) ?? [];
  if (labels.length === 0) return null;
  return (
    <div className={st.wrap}>
      <table className={st.table} aria-label={s.periodTable}>
        <caption>
          <Caption1>{s.periodTable}</Caption1>
        </caption>
        <thead>
          <tr>
            <th className={st.cell} scope="col">
              {s.periodName}
            </th>
            {labels.map((l) => (
              <th key={l} className={st.cell} scope="col">
                {l}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {results.people.map((p) => (
            <tr key={p.row}>
              <th className={st.cell} scope="row">
                {p.name}
              </th>
              {labels.map((l) => (
                <td key={l} className={st.cell}>
                  {p.periods?.[l]?.grade ?? '—'}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
