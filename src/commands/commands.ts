/**
 * The ribbon's function file: 一键计算等次 runs the check and writes totals and grades for the
 * active sheet, then shows what happened in a small dialog.
 */
/* global Office, window, document */
import { localeFromTag } from '../engine';
import { ExcelHost } from '../hosts/excel/excel-host';
import { oneClick } from './one-click';

function showResult(title: string, lines: string[]): Promise<void> {
  return new Promise((resolve) => {
    const url = new URL('dialog.html', document.baseURI);
    url.hash = encodeURIComponent(JSON.stringify({ title, lines }));
    Office.context.ui.displayDialogAsync(url.toString(), { height: 35, width: 30, displayInIframe: true }, (res) => {
      if (res.status !== Office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = res.value;
      dialog.addEventHandler(Office.EventType.DialogMessageReceived, () => {
        dialog.close();
        resolve();
      });
      dialog.addEventHandler(Office.EventType.DialogEventReceived, () => resolve());
    });
  });
}

async function computeGrades(event: Office.AddinCommands.Event): Promise<void> {
  try {
    const locale = localeFromTag(Office.context.displayLanguage);
    const result = await oneClick(new ExcelHost(), locale);
    await showResult(result.title, result.lines);
  } finally {
    event.completed();
  }
}

void Office.onReady(() => {
  Office.actions?.associate?.('computeGrades', computeGrades);
});
// Older Office finds ExecuteFunction handlers on the global object.
(window as unknown as Record<string, unknown>)['computeGrades'] = computeGrades;
