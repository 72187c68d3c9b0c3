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
  /** 检查全部工作表, before its view is loaded: where the view's own button will stand. */
  allSheets: { alignSelf: 'flex-start', marginBottom: tokens.spacingVerticalM },
  hidden: { display: 'none' },
});
