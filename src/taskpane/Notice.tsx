/**
 * A message in a box: Fluent's MessageBar look (its intent colours, icons, border and spacing, from the theme's
 * tokens) without its component (1.2 KB gzipped of the pane's first load, measured: docs/performance.md).
 * The words wrap onto as many lines as they need; actions (a button or two) sit beside them, top right, or
 * under the words when there is no room beside them.
 *
 * Screen readers: `role` makes the box a live region of its own ("status" polite, "alert" at once); without it the
 * box is read where it is, or inside a live region its place provides (InPlaceMessage).
 */
import { makeStyles, mergeClasses, shorthands, tokens } from '@fluentui/react-components';
import { CheckmarkCircleFilled, DiamondDismissFilled, InfoFilled, WarningFilled } from '@fluentui/react-icons';
import type { HTMLAttributes, ReactNode, Ref } from 'react';

export type NoticeIntent = 'info' | 'success' | 'warning' | 'error';

const useStyles = makeStyles({
  root: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'flex-start',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXS,
    minHeight: '36px',
    boxSizing: 'border-box',
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground3,
    color: tokens.colorNeutralForeground1,
  },
  success: { backgroundColor: tokens.colorStatusSuccessBackground1, ...shorthands.borderColor(tokens.colorStatusSuccessBorder1) },
  warning: { backgroundColor: tokens.colorStatusWarningBackground1, ...shorthands.borderColor(tokens.colorStatusWarningBorder1) },
  error: { backgroundColor: tokens.colorStatusDangerBackground1, ...shorthands.borderColor(tokens.colorStatusDangerBorder1) },
  // The icon and the words are one group that takes the line; the actions follow it, or wrap under it.
  main: { display: 'flex', alignItems: 'flex-start', gap: tokens.spacingHorizontalS, flexGrow: 1, flexBasis: '12em', minWidth: '0' },
  icon: {
    display: 'flex',
    flexShrink: 0,
    // The icon centred on the first line of words.
    height: tokens.lineHeightBase300,
    alignItems: 'center',
    fontSize: tokens.fontSizeBase500,
    color: tokens.colorNeutralForeground3,
  },
  iconSuccess: { color: tokens.colorStatusSuccessForeground1 },
  iconWarning: { color: tokens.colorStatusWarningForeground3 },
  iconError: { color: tokens.colorStatusDangerForeground1 },
  body: {
    minWidth: '0',
    overflowWrap: 'anywhere',
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightRegular,
    lineHeight: tokens.lineHeightBase300,
  },
  title: { display: 'block', fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, marginLeft: 'auto', alignItems: 'center' },
});

const ICONS = { info: InfoFilled, success: CheckmarkCircleFilled, warning: WarningFilled, error: DiamondDismissFilled };

export interface NoticeProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  intent: NoticeIntent;
  /** A line in bold before the words. */
  title?: ReactNode;
  /** Buttons for what the message asks for (small ones). */
  actions?: ReactNode;
  ref?: Ref<HTMLDivElement>;
  children: ReactNode;
}

export function Notice({ intent, title, actions, className, children, ref, ...rest }: NoticeProps) {
  const st = useStyles();
  const Icon = ICONS[intent];
  return (
    <div
      ref={ref}
      {...rest}
      data-intent={intent}
      className={mergeClasses('kaohe-Notice', st.root, intent !== 'info' && st[intent], className)}
    >
      <div className={st.main}>
        <span
          className={mergeClasses(
            st.icon,
            intent === 'success' && st.iconSuccess,
            intent === 'warning' && st.iconWarning,
            intent === 'error' && st.iconError,
          )}
          aria-hidden="true"
        >
          <Icon />
        </span>
        <div className={mergeClasses('kaohe-Notice__body', st.body)}>
          {title && <strong className={mergeClasses('kaohe-Notice__title', st.title)}>{title}</strong>}
          {children}
        </div>
      </div>
      {actions && <div className={st.actions}>{actions}</div>}
    </div>
  );
}
