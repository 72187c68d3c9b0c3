/**
 * The pane's one message, shown where it was caused (issue #17): each place that can answer a click holds an
 * <InPlaceMessage at="…"> next to its control — under a control near the top of its view, just above one at the
 * bottom of a long view (写入表格, 保存列对应, the forms' buttons), where the pane keeps the control from moving
 * (Pane) — and the message appears only in the place it names. Once shown it is scrolled into view if it is not
 * (at 320 px the control may be thousands of pixels down the pane, or the view may have shrunk under it).
 *
 * Screen readers: each place is a polite live region (role="status") that is always there, so a confirmation put
 * into it is read out; an error comes as a new role="alert", which is read out as it appears.
 */
import { Button, makeStyles, mergeClasses } from '@fluentui/react-components';
import { createContext, useContext, useEffect, useRef } from 'react';
import { Notice } from './Notice';
import type { Message, MessageAt } from './pane-state';

export interface MessageContextValue {
  message: Message | null;
  dismiss: () => void;
  /** The close button's words. */
  close: string;
}

export const MessageContext = createContext<MessageContextValue>({ message: null, dismiss: () => undefined, close: '' });

/** How long a new message is kept in view while it and the view around it settle. */
const SETTLE_MS = 1000;

const useStyles = makeStyles({
  // Empty, the place takes no room: nothing below it moves until there is something to say.
  place: { minWidth: '0' },
});

/** `className`: the place's (in a grid, say); `barClassName`: the message's, where it needs room its place does not give. */
export function InPlaceMessage({ at, className, barClassName }: { at: MessageAt; className?: string; barClassName?: string }) {
  const st = useStyles();
  const { message, dismiss, close } = useContext(MessageContext);
  const mine = message?.at === at ? message : null;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = ref.current;
    // 'nearest' scrolls only when the message is not already in view, and no further than needed (jsdom has no scrolling).
    if (!mine || !el?.scrollIntoView) return;
    const show = () => el.scrollIntoView({ block: 'nearest' });
    show();
    // The bar may still change size as it is laid out (its text wrapping, a font arriving): kept in view while it
    // settles, then left to the user.
    if (typeof ResizeObserver === 'undefined') return;
    const watch = new ResizeObserver(show);
    watch.observe(el);
    const done = setTimeout(() => watch.disconnect(), SETTLE_MS);
    return () => {
      clearTimeout(done);
      watch.disconnect();
    };
  }, [mine]);
  const bar = mine && (
    // Its words wrap from the start (Fluent's MessageBar measured itself and laid itself out again a moment later),
    // so nothing below it moves after the pane has kept the clicked control in place.
    <Notice
      intent={mine.intent}
      className={barClassName}
      actions={
        <Button size="small" appearance="transparent" onClick={dismiss}>
          {close}
        </Button>
      }
    >
      {mine.text}
    </Notice>
  );
  return (
    <div ref={ref} className={mergeClasses(st.place, className)} data-message-at={at}>
      <div role="status">{mine && mine.intent !== 'error' && bar}</div>
      {mine?.intent === 'error' && <div role="alert">{bar}</div>}
    </div>
  );
}
