/** 排名: organisations ranked high to low within each category (街道 / 区直单位), the vetoed marked. */
import { Badge, Button, Caption1, makeStyles, Text, tokens } from '@fluentui/react-components';
import { CARD } from './card';
import { fmt, type Person } from '../../engine';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  card: { ...CARD, marginBottom: tokens.spacingVerticalM },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalXL },
  badge: { marginLeft: tokens.spacingHorizontalXS },
  unit: { minWidth: '0', padding: 0, fontWeight: tokens.fontWeightRegular, justifyContent: 'flex-start' },
});

export interface RankViewProps {
  people: Person[];
  s: Strings;
  /** Selects the unit's row in the sheet. */
  onSelect: (p: Person) => void;
}

/** The ranked units by category, in the sheet's order of categories, each best first. */
export function rankGroups(people: Person[]): { group: string | null; units: Person[] }[] {
  const groups = new Map<string | null, Person[]>();
  for (const p of people) {
    if (!p.rank) continue;
    const list = groups.get(p.rank.group) ?? [];
    list.push(p);
    groups.set(p.rank.group, list);
  }
  return [...groups].map(([group, units]) => ({ group, units: units.sort((a, b) => a.rank!.place - b.rank!.place || a.row - b.row) }));
}

export function RankView({ people, s, onSelect }: RankViewProps) {
  const st = useStyles();
  const groups = rankGroups(people);
  if (groups.length === 0) return <Text>{s.rankNone}</Text>;
  return (
    <div>
      <Caption1>{s.rankIntro}</Caption1>
      {groups.map(({ group, units }) => (
        <section key={group ?? ''} className={st.card} aria-label={group ?? s.rankAll}>
          <Text weight="semibold">{s.rankGroup(group ?? s.rankAll, units.length)}</Text>
          <ol className={st.list}>
            {units.map((p) => (
              <li key={p.row} value={p.rank!.place} data-place={p.rank!.place}>
                <Button className={st.unit} appearance="transparent" size="small" onClick={() => onSelect(p)}>
                  {p.name}
                </Button>{' '}
                {p.total === null ? '—' : fmt(p.total)}
                {p.rank!.barred && (
                  <Badge className={st.badge} appearance="filled" color="danger">
                    {s.barred}
                  </Badge>
                )}
              </li>
            ))}
          </ol>
        </section>
      ))}
    </div>
  );
}
