/**
 * The one-click result dialog: says it is ready (messageParent), shows the lines the command sends
 * back (messageChild; in the URL's hash only where Office lacks DialogApi 1.2), and tells the
 * command when closed.
 */
/* global Office, document, window */
import { DIALOG_CLOSE, DIALOG_READY, type Shown } from './result-dialog';

function fromHash(): Shown | null {
  if (window.location.hash.length <= 1) return null;
  try {
    return JSON.parse(decodeURIComponent(window.location.hash.slice(1))) as Shown;
  } catch {
    return null;
  }
}

function show({ title, lines }: Shown): void {
  document.getElementById('title')!.textContent = title;
  const box = document.getElementById('lines')!;
  box.replaceChildren(
    ...lines.map((line) => {
      const p = document.createElement('p');
      p.textContent = line;
      return p;
    }),
  );
}

void Office.onReady(() => {
  // A webview too old for the add-in: the boot script (src/boot/boot.js) shows why instead.
  if ((window as { kaoheUnsupported?: boolean }).kaoheUnsupported) return;
  const ok = document.getElementById('ok')!;
  if (/^en\b/i.test(Office.context.displayLanguage ?? '')) ok.textContent = 'OK';
  ok.addEventListener('click', () => Office.context.ui.messageParent(DIALOG_CLOSE));
  ok.focus();
  const hashed = fromHash();
  if (hashed) {
    show(hashed);
    return;
  }
  Office.context.ui.addHandlerAsync(Office.EventType.DialogParentMessageReceived, (arg) => {
    try {
      show(JSON.parse((arg as { message: string }).message) as Shown);
    } catch {
      // not a result: nothing to show
    }
  });
  Office.context.ui.messageParent(DIALOG_READY);
});
