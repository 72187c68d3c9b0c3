/**
 * The ribbon's function file: 一键计算等次 runs the check and writes totals and grades for the
 * active sheet, then shows what happened in a small dialog (result-dialog.ts).
 */
/* global Office, window, document, console */
import { localeFromTag } from '../engine';
import { ExcelHost } from '../hosts/excel/excel-host';
import { oneClick } from './one-click';
import { showResult } from './result-dialog';

/** One host for the session, however many clicks: one watch and one change handler at most. */
let host: ExcelHost | null = null;

async function computeGrades(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const locale = localeFromTag(Office.context.displayLanguage);
    host ??= new ExcelHost();
    const result = await oneClick(host, locale);
    const url = new URL('dialog.html', document.baseURI).toString();
    const messageChild = Office.context.requirements.isSetSupported('DialogApi', '1.2');
    const outcome = await showResult(Office.context.ui, url, result, messageChild);
    // The command has no other window: what the dialog would have said goes where an administrator can find it.
    if (!outcome.shown) console.error(`考核助手：结果对话框未能打开（${outcome.error}）。${result.lines.join(' ')}`);
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  // A webview too old for the add-in: the boot script (src/boot/boot.js) answers the button instead.
  if ((window as { kaoheUnsupported?: boolean }).kaoheUnsupported) return;
  Office.actions?.associate?.('computeGrades', computeGrades);
});
// Older Office finds ExecuteFunction handlers on the global object.
if (!(window as { kaoheUnsupported?: boolean }).kaoheUnsupported)
  (window as unknown as Record<string, unknown>)['computeGrades'] = computeGrades;
