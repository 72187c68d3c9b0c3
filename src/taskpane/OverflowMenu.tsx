/**
 * A button that opens a small menu of choices under it (the tabs that do not fit in the row: Tabs), in Fluent's
 * Menu look from the theme's tokens. WAI-ARIA menu button: Enter, Space or ↓ opens the menu on its first item (on
 * the selected one when it is there), ↑ on its last; in the menu ↑/↓ move (round), Home/End go to the ends,
 * Enter or Space chooses, Escape closes; either way the focus goes back to the button. Tab, or a click elsewhere,
 * closes it.
 */
import { makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

const useStyles = makeStyles({
  wrap: { position: 'relative', display: 'flex', flexShrink: 0 },
  menu: {
    position: 'absolute',
    top: '100%',
    right: '0',
    zIndex: 10,
    display: 'flex',
    flexDirection: 'column',
    minWidth: '8em',
    maxWidth: 'calc(100vw - 16px)',
    boxSizing: 'border-box',
    padding: tokens.spacingVerticalXS,
    backgroundColor: tokens.colorNeutralBackground1,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorTransparentStroke}`,
    borderRadius: tokens.borderRadiusMedium,
    boxShadow: tokens.shadow16,
  },
  item: {
    display: 'flex',
    alignItems: 'center',
    minHeight: '32px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalS}`,
    border: 'none',
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: 'start',
    whiteSpace: 'nowrap',
    cursor: 'pointer',
    outlineStyle: 'none',
    ':hover': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground2Hover },
    ':focus': { backgroundColor: tokens.colorNeutralBackground1Hover, color: tokens.colorNeutralForeground2Hover },
    ':focus-visible': { boxShadow: `inset 0 0 0 ${tokens.strokeWidthThick} ${tokens.colorStrokeFocus2}` },
  },
  // The item of the view shown: in bold with the brand's line at its start, as the selected tab has one under it.
  current: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    boxShadow: `inset ${tokens.strokeWidthThicker} 0 0 0 ${tokens.colorCompoundBrandStroke}`,
  },
});

export interface MenuChoice<K extends string> {
  value: K;
  label: string;
}

export function OverflowMenu<K extends string>({
  label,
  items,
  selected,
  onSelect,
  face,
  name,
  buttonClassName,
}: {
  /** The menu's name (更多). */
  label: string;
  items: readonly MenuChoice<K>[];
  /** The choice in force, when it is one of these. */
  selected: K | null;
  onSelect: (value: K) => void;
  /** What the button shows. */
  face: ReactNode;
  /** The button's accessible name, when its face alone does not say it. */
  name?: string;
  buttonClassName?: string;
}) {
  const st = useStyles();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLDivElement>(null);
  // Open, and on which item the focus goes: null while closed.
  const [open, setOpen] = useState<number | null>(null);

  const entries = () => [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
  const first = Math.max(
    0,
    items.findIndex((t) => t.value === selected),
  );
  const close = (refocus: boolean) => {
    setOpen(null);
    if (refocus) button.current?.focus();
  };

  useEffect(() => {
    if (open !== null) menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]')[open]?.focus();
  }, [open]);

  // A press outside the button and the menu closes it (the focus stays where the user put it).
  useEffect(() => {
    if (open === null) return;
    const away = (e: PointerEvent) => {
      const t = e.target as Node;
      if (!menu.current?.contains(t) && !button.current?.contains(t)) setOpen(null);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const onButtonKey = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setOpen(e.key === 'ArrowDown' ? first : items.length - 1);
    }
  };
  const onMenuKey = (e: KeyboardEvent<HTMLDivElement>) => {
    const all = entries();
    const from = all.indexOf(document.activeElement as HTMLButtonElement);
    const n = all.length;
    const to =
      e.key === 'ArrowDown'
        ? (from + 1) % n
        : e.key === 'ArrowUp'
          ? (from - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : null;
    if (to !== null) {
      e.preventDefault();
      all[to]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.preventDefault();
      close(true);
    }
  };

  return (
    <div className={st.wrap}>
      <button
        ref={button}
        type="button"
        className={buttonClassName}
        aria-label={name}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open !== null ? `${id}-menu` : undefined}
        onClick={() => setOpen((o) => (o === null ? first : null))}
        onKeyDown={onButtonKey}
      >
        {face}
      </button>
      {open !== null && (
        <div ref={menu} id={`${id}-menu`} role="menu" aria-label={label} className={st.menu} onKeyDown={onMenuKey}>
          {items.map((t) => (
            <button
              key={t.value}
              type="button"
              role="menuitem"
              tabIndex={-1}
              aria-current={t.value === selected ? 'true' : undefined}
              className={mergeClasses(st.item, t.value === selected && st.current)}
              onClick={() => {
                close(true);
                onSelect(t.value);
              }}
            >
              {t.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
