/**
 * The pane's tab row: Fluent's TabList look (transparent tabs, the brand-coloured line under the selected one, from
 * the theme's tokens) in one line. The tabs that do not fit go into a 更多 (More) menu at the end of the row, whose
 * button shows the selected tab's name when that tab is in the menu, so the user sees where they are. Fluent's
 * TabList brought 21 KB gzipped to the pane's first load, measured, and wrapped instead (docs/performance.md).
 *
 * Keyboard (WAI-ARIA tabs, activated by hand as Fluent's are): Tab reaches the selected tab, ←/→ move between the
 * tabs in the row (round), Home/End to the first and last, Enter or Space selects; the menu button comes next.
 *
 * How much fits is measured, not guessed: each tab's width (and the menu button's, with each name it may show) is
 * taken from hidden copies drawn with the same styles, their words given by CSS so that no copy is found as text.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { ChevronDownRegular } from '@fluentui/react-icons';
import { useCallback, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { OverflowMenu } from './OverflowMenu';

export interface TabItem<K extends string> {
  value: K;
  label: string;
}

/**
 * How many tabs, from the first, fit in the row: all when they do; else as many as leave room for the menu button,
 * which is as wide as `moreWidth(i)` when it shows the name of tab i (the selected tab, in the menu) and
 * `moreWidth(null)` otherwise. Half a pixel is allowed for rounding.
 */
export function tabsThatFit(widths: readonly number[], room: number, selected: number, moreWidth: (i: number | null) => number): number {
  const sum = (k: number) => widths.slice(0, k).reduce((a, b) => a + b, 0);
  if (sum(widths.length) <= room + 0.5) return widths.length;
  for (let k = widths.length - 1; k > 0; k--) {
    if (sum(k) + moreWidth(selected >= k ? selected : null) <= room + 0.5) return k;
  }
  return 0;
}

const useStyles = makeStyles({
  row: { position: 'relative', display: 'flex', alignItems: 'stretch', minWidth: '0' },
  list: { display: 'flex', flexWrap: 'nowrap', minWidth: '0' },
  tab: {
    position: 'relative',
    display: 'inline-flex',
    alignItems: 'center',
    justifyContent: 'center',
    columnGap: tokens.spacingHorizontalSNudge,
    flexShrink: 0,
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorTransparentBackground,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    outlineStyle: 'none',
    ':hover': { backgroundColor: tokens.colorTransparentBackgroundHover, color: tokens.colorNeutralForeground2Hover },
    ':active': { backgroundColor: tokens.colorTransparentBackgroundPressed, color: tokens.colorNeutralForeground2Pressed },
    ':focus-visible': { boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}` },
    // The line under a tab: grey on hover, the brand's colour when selected (Highlight in Windows' contrast themes).
    '::after': {
      content: '""',
      position: 'absolute',
      left: tokens.spacingHorizontalM,
      right: tokens.spacingHorizontalM,
      bottom: '0',
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: tokens.colorTransparentStroke,
    },
    ':hover::after': { backgroundColor: tokens.colorNeutralStroke1Hover },
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    ':hover': { color: tokens.colorNeutralForeground1Hover },
    '::after': { backgroundColor: tokens.colorCompoundBrandStroke },
    ':hover::after': { backgroundColor: tokens.colorCompoundBrandStrokeHover },
    '@media (forced-colors: active)': { '::after': { backgroundColor: 'Highlight' } },
  },
  // A tab's name with room kept for it in bold, so that selecting a tab does not widen it (and move the others).
  name: {
    display: 'inline-flex',
    flexDirection: 'column',
    alignItems: 'center',
    '::after': {
      content: 'attr(data-name)',
      fontWeight: tokens.fontWeightSemibold,
      height: '0',
      overflow: 'hidden',
      visibility: 'hidden',
    },
  },
  // The hidden copies measured: clipped to nothing, so they never widen the pane or take a line.
  measure: {
    position: 'absolute',
    top: '0',
    left: '0',
    display: 'flex',
    width: '0',
    height: '0',
    overflow: 'hidden',
    visibility: 'hidden',
    pointerEvents: 'none',
  },
  // Words drawn by CSS in a copy: the same width as the text, and not text any query or screen reader finds.
  drawn: { '::before': { content: 'attr(data-name)' } },
  chevron: { fontSize: tokens.fontSizeBase400, flexShrink: 0 },
});

/** The menu button's face: the selected tab's name when that tab is in the menu, else 更多, with a chevron. */
function MoreFace({ name, drawn, st }: { name: string; drawn?: boolean; st: ReturnType<typeof useStyles> }) {
  return (
    <>
      <span className={mergeClasses(st.name, drawn && st.drawn)} data-name={name}>
        {drawn ? null : name}
      </span>
      <ChevronDownRegular className={st.chevron} aria-hidden="true" />
    </>
  );
}

export function Tabs<K extends string>({
  items,
  selected,
  onSelect,
  more,
  className,
}: {
  items: readonly TabItem<K>[];
  /** The tab shown; none of them when the view shown has no tab of its own. */
  selected: K | null;
  onSelect: (value: K) => void;
  /** The menu button's word (更多). */
  more: string;
  className?: string;
}) {
  const st = useStyles();
  const id = useId();
  const row = useRef<HTMLDivElement>(null);
  const copies = useRef<HTMLDivElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const [fit, setFit] = useState(items.length);
  const at = items.findIndex((t) => t.value === selected);

  const measure = useCallback(() => {
    const r = row.current;
    const c = copies.current;
    if (!r || !c) return;
    const widths = [...c.children].map((el) => el.getBoundingClientRect().width);
    // The copies: each tab, then the menu button with 更多, then with each tab's name.
    const tabs = widths.slice(0, items.length);
    const plain = widths[items.length] ?? 0;
    const named = widths.slice(items.length + 1);
    const n = tabsThatFit(tabs, r.clientWidth, at, (i) => (i === null ? plain : (named[i] ?? plain)));
    setFit((was) => (was === n ? was : n));
  }, [items.length, at]);

  const names = items.map((t) => t.label).join('\n');
  useLayoutEffect(measure, [measure, names, more]);
  useLayoutEffect(() => {
    const r = row.current;
    if (!r || typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(() => measure());
    watch.observe(r);
    return () => watch.disconnect();
  }, [measure]);

  const inRow = items.slice(0, fit);
  const inMenu = items.slice(fit);
  const chosen = at >= fit ? items[at] : undefined;
  // The tab Tab reaches: the selected one when it is in the row, else the first.
  const stop = at >= 0 && at < fit ? at : 0;

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const tabs = [...(list.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const from = tabs.indexOf(document.activeElement as HTMLButtonElement);
    if (from < 0 || tabs.length === 0) return;
    const to =
      e.key === 'ArrowRight'
        ? (from + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (from - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : null;
    if (to === null) return;
    e.preventDefault();
    tabs[to]!.focus();
  };

  return (
    <div ref={row} className={mergeClasses(st.row, className)}>
      <div ref={list} role="tablist" className={st.list} onKeyDown={onKeyDown}>
        {inRow.map((t, i) => (
          <button
            key={t.value}
            type="button"
            role="tab"
            id={`${id}-${t.value}`}
            aria-selected={t.value === selected}
            tabIndex={i === stop ? 0 : -1}
            className={mergeClasses(st.tab, t.value === selected && st.selected)}
            onClick={() => onSelect(t.value)}
          >
            <span className={st.name} data-name={t.label}>
              {t.label}
            </span>
          </button>
        ))}
      </div>
      {inMenu.length > 0 && (
        <OverflowMenu
          label={more}
          items={inMenu}
          selected={chosen?.value ?? null}
          onSelect={onSelect}
          buttonClassName={mergeClasses(st.tab, chosen && st.selected)}
          // Its name says both, "更多：年度汇总": the menu, and where the user is.
          name={chosen ? `${more}：${chosen.label}` : undefined}
          face={<MoreFace name={chosen?.label ?? more} st={st} />}
        />
      )}
      <div ref={copies} className={st.measure} aria-hidden="true">
        {items.map((t) => (
          <span key={`tab-${t.value}`} className={st.tab}>
            <span className={mergeClasses(st.name, st.drawn)} data-name={t.label} />
          </span>
        ))}
        <span className={st.tab}>
          <MoreFace name={more} drawn st={st} />
        </span>
        {items.map((t) => (
          <span key={`more-${t.value}`} className={st.tab}>
            <MoreFace name={t.label} drawn st={st} />
          </span>
        ))}
      </div>
    </div>
  );
}
