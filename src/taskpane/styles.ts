/** The pane's layout, shared by Pane and its scheme bar. */
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    minWidth: '0',
    boxSizing: 'border-box',
  },
  head: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  schemeRow: { display: 'flex', gap: tokens.spacingHorizontalS, alignItems: 'flex-end', flexWrap: 'wrap' },
  field: { flexGrow: 1, minWidth: '0', maxWidth: '100%' },
  // A native select is as wide as its longest option: keep it within the pane.
  select: { width: '100%', minWidth: '0', '& select': { minWidth: '0', textOverflow: 'ellipsis' } },
  links: { display: 'flex', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
  hidden: { display: 'none' },
  // Six tabs need about 380 px in one row (440 in English). Narrower, they are two even rows of three — a grid
  // chosen, not a lone 年度汇总 wrapped onto a row of its own; every tab stays in sight (an overflow menu would hide
  // some, and Fluent's Overflow with a Menu adds about 30 KB gzipped to the first load).
  tabs: {
    flexWrap: 'wrap',
    '@media (max-width: 459px)': { display: 'grid', gridTemplateColumns: 'repeat(3, minmax(0, 1fr))' },
  },
});
