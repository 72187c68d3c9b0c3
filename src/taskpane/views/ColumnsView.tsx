/** 列对应: each column the header shows, what kaohe took it for, and a way to correct it once. */
import {
  Button,
  Caption1,
  makeStyles,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import { type Column, columnLetters } from '../../engine';
import { roleKey, type RoleOption } from '../session';
import type { Strings } from '../strings';

const useStyles = makeStyles({
  root: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  table: { tableLayout: 'fixed', width: '100%' },
  colCell: { width: '36px', fontFamily: tokens.fontFamilyMonospace },
  header: { overflowWrap: 'anywhere', whiteSpace: 'normal' },
  dropdown: { minWidth: '0', width: '100%' },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

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
      <Caption1>{s.columnsIntro}</Caption1>
      <Table size="small" className={st.table} aria-label={s.tabs.columns}>
        <TableHeader>
          <TableRow>
            <TableHeaderCell className={st.colCell}>{s.column}</TableHeaderCell>
            <TableHeaderCell>{s.header}</TableHeaderCell>
            <TableHeaderCell>{s.role}</TableHeaderCell>
          </TableRow>
        </TableHeader>
        <TableBody>
          {columns.map((c) => {
            const key = roleKey(c.role);
            const current = options.find((o) => o.key === key) ?? options[0]!;
            const letter = columnLetters(c.col);
            return (
              <TableRow key={c.col}>
                <TableCell className={st.colCell}>{letter}</TableCell>
                <TableCell className={st.header}>{c.path.join(' / ')}</TableCell>
                <TableCell>
                  <Select
                    className={st.dropdown}
                    size="small"
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
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
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
