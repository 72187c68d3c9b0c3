/**
 * The first-run guide: 检查 → 计算 → 名额, one line each, shown until the user says 知道了 and then
 * remembered on this computer (localStorage). A small 用法 button beside 检查 opens it again and
 * takes the focus when it is closed. Storage that throws (blocked, private mode) never breaks the
 * pane: the guide is then shown, and closes for the session.
 */
import { Body1, Button, makeStyles, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Strings } from './strings';

const KEY = 'kaohe.guide';
const TOGGLE = 'kh-guide-toggle';
const DISMISSED = 'dismissed';

function stored(): boolean {
  try {
    return globalThis.localStorage?.getItem(KEY) === DISMISSED;
  } catch {
    return false;
  }
}

function remember(dismissed: boolean): void {
  try {
    if (dismissed) globalThis.localStorage?.setItem(KEY, DISMISSED);
    else globalThis.localStorage?.removeItem(KEY);
  } catch {
    // Not remembered: shown again next time, which is harmless.
  }
}

export interface Guide {
  open: boolean;
  close: () => void;
  toggle: () => void;
}

export function useFirstRunGuide(): Guide {
  const [open, setOpen] = useState(() => !stored());
  const set = (next: boolean) => {
    remember(!next);
    setOpen(next);
  };
  return {
    open,
    // 知道了: the guide goes, and the focus to the button that brings it back (always there), not lost to the page.
    close: () => {
      set(false);
      document.getElementById(TOGGLE)?.focus();
    },
    toggle: () => set(!open),
  };
}

const useStyles = makeStyles({
  guide: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
  // The title and 知道了 on one line: the guide is three lines of steps and one of heading, no more.
  head: { display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: tokens.spacingHorizontalS },
  title: { margin: '0', fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300, fontWeight: tokens.fontWeightSemibold },
  steps: { margin: '0', paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  step: { fontWeight: tokens.fontWeightSemibold },
});

/** The button beside 检查 that opens the guide again (and closes it). */
export function GuideToggle({ guide, s }: { guide: Guide; s: Strings }) {
  return (
    <Button
      id={TOGGLE}
      appearance="subtle"
      aria-expanded={guide.open}
      aria-controls={guide.open ? 'kh-guide' : undefined}
      onClick={guide.toggle}
    >
      {s.guideOpen}
    </Button>
  );
}

export function FirstRunGuide({ guide, s }: { guide: Guide; s: Strings }) {
  const st = useStyles();
  if (!guide.open) return null;
  const steps = (['check', 'compute', 'quota'] as const).map((k) => ({ k, name: s.tabs[k], text: s.guideSteps[k] }));
  return (
    <section id="kh-guide" className={st.guide} aria-labelledby="kh-guide-title" data-guide="">
      <div className={st.head}>
        <h2 id="kh-guide-title" className={st.title}>
          {s.guideTitle}
        </h2>
        <Button size="small" onClick={guide.close}>
          {s.guideDismiss}
        </Button>
      </div>
      <ol className={st.steps}>
        {steps.map((x) => (
          <li key={x.k}>
            <Body1>
              <span className={st.step}>{x.name}</span>
              {s.guideSep}
              {x.text}
            </Body1>
          </li>
        ))}
      </ol>
    </section>
  );
}
