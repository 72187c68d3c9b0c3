import { type Form, formLayout } from '../../src/engine';

const form = (rows: Form['rows']): Form => ({
  sheet: '汇总',
  title: '标题',
  subtitle: '',
  headers: ['姓名', '备注'],
  widths: [4, 10],
  rows,
  notes: [],
  percentColumns: [],
  chart: null,
});

describe('a form’s row heights', () => {
  it('give each body row the lines its widest-wrapping cell takes (a CJK character two columns, 14 points a line)', () => {
    const layout = formLayout(
      form([
        ['张三', '好'], // 4 columns + 1 in a column of room 3: two lines
        ['ab', 'abcd'], // each fits its column: one line
        [null, '一二三四五六七八九十'], // 20 + 1 columns in room 9: three lines
        [12345, 'x'], // a number measured as its digits: two lines
        ['𠀀', '😀😀😀😀'], // a character beyond the BMP is one character: 𠀀 wide (2 + 1 in 3), 😀 narrow (4 + 1 in 9)
      ]),
    );
    // Title, subtitle and header rows first.
    expect(layout.rowHeights.slice(3, 8)).toEqual([30, 16, 44, 30, 16]);
  });
});
