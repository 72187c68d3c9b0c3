import { checkGrid } from '../src/engine';
import { preset } from '../src/schemes';
import { gwySheet } from './helpers/sheets';
import { words } from '../src/engine/report/messages';

it('smoke', () => {
  const { grid } = gwySheet([
    { name: '张三', base: 92 },
    { name: '李四', base: 89.5 },
    { name: '王五', base: 59.5, bonus: 6 },
    { name: '赵六', base: 80, remark: '试用期' },
  ]);
  const r = checkGrid(grid, preset('gwy-2020')!)!;
  console.log(r.table.headerTop, r.table.headerBottom, r.table.columns.map(c => `${c.col}:${c.path.join('/')}=${c.role.kind === 'field' ? c.role.id : c.role.kind}(${c.how},${c.headerMax})`).join('\n'));
  console.log(r.people.map(p => [p.row, p.name, p.total, p.grade, p.status, p.reason].join(' ')).join('\n'));
  console.log(r.issues.map(i => [i.cell, i.rule, words(i, 'zh').message].join(' ')).join('\n'));
  console.log(JSON.stringify(r.quotas));
  console.log(r.table.skipped);
});
