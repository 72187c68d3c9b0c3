/**
 * The one-click result dialog, the command's side: opens dialog.html and hands it the result with
 * `Dialog.messageChild` once the dialog says it is ready (through `messageParent`), not in the URL:
 * Chinese text grows about nine times when encoded into a hash, and hash handling differs between
 * webviews. Where Office lacks DialogApi 1.2 (no messageChild) the hash is the only way, and is used.
 * One dialog at a time: a dialog still open from the last click is closed before the next opens, and
 * a dialog that cannot open is reported to the caller, with Office's code, never ignored.
 */
/* global Office */

export interface Shown {
  title: string;
  lines: string[];
}

/** What became of the dialog: shown (and closed by the user), or not opened and why. */
export type DialogOutcome = { shown: true } | { shown: false; error: string };

/** Office's codes for a dialog that could not open because another is still open (12007), worth one more try. */
const BUSY = 12007;
const RETRY_MS = 500;

/** The messages the dialog sends its parent. */
export const DIALOG_READY = 'ready';
export const DIALOG_CLOSE = 'close';

let openDialog: Office.Dialog | null = null;

function open(ui: Office.UI, url: string): Promise<Office.AsyncResult<Office.Dialog>> {
  return new Promise((resolve) => ui.displayDialogAsync(url, { height: 35, width: 30, displayInIframe: true }, resolve));
}

/**
 * Shows `result` in the dialog at `url` (dialog.html) and resolves when the user closes it, or at once with the
 * error when it cannot open. `messageChild`: whether Office has DialogApi 1.2.
 */
export async function showResult(ui: Office.UI, url: string, result: Shown, messageChild: boolean): Promise<DialogOutcome> {
  if (openDialog) {
    openDialog.close();
    openDialog = null;
  }
  const target = messageChild ? url : `${url}#${encodeURIComponent(JSON.stringify(result))}`;
  let res = await open(ui, target);
  if (res.status !== Office.AsyncResultStatus.Succeeded && res.error?.code === BUSY) {
    await new Promise((r) => setTimeout(r, RETRY_MS));
    res = await open(ui, target);
  }
  if (res.status !== Office.AsyncResultStatus.Succeeded)
    return { shown: false, error: `${res.error?.code ?? ''} ${res.error?.message ?? ''}`.trim() };
  const dialog = res.value;
  openDialog = dialog;
  return new Promise((resolve) => {
    const done = () => {
      if (openDialog === dialog) openDialog = null;
      resolve({ shown: true });
    };
    dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
      const message = 'message' in arg ? arg.message : '';
      if (message === DIALOG_READY && messageChild) dialog.messageChild(JSON.stringify(result));
      if (message === DIALOG_CLOSE) {
        dialog.close();
        done();
      }
    });
    // Closed with its own ✕, or navigated away: nothing more will come.
    dialog.addEventHandler(Office.EventType.DialogEventReceived, done);
  });
}
