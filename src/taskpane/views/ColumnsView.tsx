/**
 * 列对应: each column the header shows, what kaohe took it for, and a way to correct it once. A column per
 * row: its letter and header, then what it is taken for — beside them where the pane is wide, under them at
 * 320 px, where a dropdown beside a header would be cut to a few characters.
 */
import { Body1, Button, makeStyles, Select, tokens } from '@fluentui/react-components';
import { type Column, columnLetters } from '../../engine';
import { InPlaceMessage } from '../InPlaceMessage';
import { roleKey, type RoleOption } from '../session';
import type { Strings } from '../strings';

/** The pane's width below which a column's dropdown goes under its header. */
const NARROW = '@media (max-width: 419px)';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  row: {
    display: 'grid',
    gridTemplateColumns: '2.5em minmax(0, 1fr) minmax(0, 1fr)',
    alignItems: 'center',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    [NARROW]: { gridTemplateColumns: '2.5em minmax(0, 1fr)' },
  },
  letter: { fontFamily: tokens.fontFamilyMonospace },
  header: { overflowWrap: 'anywhere' },
  // A bracketed part of a header (（6分）, (35)) is never broken inside.
  bracket: { whiteSpace: 'nowrap' },
  dropdown: { minWidth: '0', width: '100%', [NARROW]: { gridColumn: '1 / -1' } },
  // The notice that another column was set to 不使用: under the dropdown, across the row.
  notice: { gridColumn: '1 / -1' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/** A header's text with its bracketed parts as their own pieces, to be kept whole. */
export function headerPieces(text: string): { text: string; bracket: boolean }[] {
  return text
    .split(/([（(][^（）()]*[）)])/)
    .filter((t) => t !== '')
    .map((t) => ({ text: t, bracket: /^[（(].*[）)]$/.test(t) }));
}

export interface ColumnsViewProps {
  columns: Column[];
  options: RoleOption[];
  s: Strings;
  dirty: boolean;
  busy: boolean;
  onChange: (col: number, option: RoleOption) => void;
  onSave: () => void;
  onReset: () => void;
}

export function ColumnsView({ columns, options, s, dirty, busy, onChange, onSave, onReset }: ColumnsViewProps) {
  const st = useStyles();
  return (
    <div className={st.root}>
      <Body1>{s.columnsIntro}</Body1>
      <ul className={st.list} aria-label={s.tabs.columns}>
        {columns.map((c) => {
          const key = roleKey(c.role);
          const current = options.find((o) => o.key === key) ?? options[0]!;
          const letter = columnLetters(c.col);
          return (
            <li key={c.col} className={st.row} data-col={letter}>
              <span className={st.letter}>{letter}</span>
              <span className={st.header}>
                {headerPieces(c.path.join(' / ')).map((p, k) =>
                  p.bracket ? (
                    <span key={k} className={st.bracket}>
                      {p.text}
                    </span>
                  ) : (
                    p.text
                  ),
                )}
              </span>
              <Select
                className={st.dropdown}
                aria-label={`${s.role} ${letter} ${c.path.join(' ')}`}
                value={current.key}
                onChange={(_e, d) => {
                  const o = options.find((x) => x.key === d.value);
                  if (o) onChange(c.col, o);
                }}
              >
                {options.map((o) => (
                  <option key={o.key} value={o.key}>
                    {o.label}
                  </option>
                ))}
              </Select>
              <InPlaceMessage at={`column-${c.col}`} className={st.notice} />
            </li>
          );
        })}
      </ul>
      {/* Above 保存 and 恢复, which the pane keeps where they were clicked: the answer is in view without scrolling. */}
      <InPlaceMessage at="columns" />
      <div className={st.actions}>
        <Button appearance="primary" disabled={!dirty || busy} onClick={onSave}>
          {s.saveColumns}
        </Button>
        <Button disabled={busy} onClick={onReset}>
          {s.resetColumns}
        </Button>
      </div>
    </div>
  );
}
