/**
 * A turning ring while the pane works, its words ("正在读取表格…") for screen readers and as a tooltip: the
 * skeleton's spinner (skeleton.html) in the theme's colours. Only the ring takes room, so the row of buttons it
 * sits in never wraps at 320 px while the pane is busy (which moved what was clicked). Fluent's Spinner did the same
 * with a component library of its own on the pane's first load.
 */
import { makeStyles, tokens } from '@fluentui/react-components';

const useStyles = makeStyles({
  root: { display: 'inline-flex', alignItems: 'center', alignSelf: 'center' },
  // Visually hidden, read by screen readers.
  words: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
  ring: {
    flexShrink: 0,
    width: '16px',
    height: '16px',
    boxSizing: 'border-box',
    border: `2px solid ${tokens.colorNeutralStroke1}`,
    borderTopColor: tokens.colorBrandStroke1,
    borderRadius: '50%',
    animationName: { to: { transform: 'rotate(360deg)' } },
    animationDuration: '1s',
    animationTimingFunction: 'linear',
    animationIterationCount: 'infinite',
    '@media (prefers-reduced-motion: reduce)': { animationDuration: '3s' },
  },
});

export function Busy({ label }: { label: string }) {
  const st = useStyles();
  return (
    <span role="status" className={st.root} title={label}>
      <span className={st.ring} aria-hidden="true" />
      <span className={st.words}>{label}</span>
    </span>
  );
}
