/**
 * The WPS add-in's main page (index.html → main.js): the functions ribbon.xml calls. 打开任务窗格 shows the task
 * pane (taskpane.html, the same pane as in Excel); 一键计算 runs the same one-click command as Excel's ribbon, on
 * the WPS host, and says what it did in WPS's message box. Which button does what is data (BUTTONS), not a chain.
 */
/* global window, document, navigator, alert */
import { oneClick } from '../commands/one-click';
import { type Locale, localeFromTag } from '../engine';
import type { WpsAddinApplication } from '../hosts/wps/et';
import { WpsHost } from '../hosts/wps/wps-host';

/** The task pane's id, kept where the add-in's pages share it while WPS runs. */
const PANE_KEY = 'kaohe_taskpane_id';

const locale = (): Locale => localeFromTag(navigator.language);
const app = (): WpsAddinApplication => (window as unknown as { Application: WpsAddinApplication }).Application;

/** Labels by control id, Chinese and English; the tab and the group both say 考核助手. */
const LABELS: Record<string, Record<Locale, string>> = {
  kaoheTab: { zh: '考核助手', en: 'Appraisal' },
  kaoheGroup: { zh: '考核助手', en: 'Appraisal Assistant' },
  kaoheOpenPane: { zh: '打开任务窗格', en: 'Open pane' },
  kaoheCompute: { zh: '一键计算', en: 'Compute grades' },
};

const FAILED: Record<Locale, (detail: string) => string> = {
  zh: (detail) => `考核助手：未能打开任务窗格（${detail}）。请关闭 WPS 后重新打开再试。`,
  en: (detail) => `Appraisal Assistant: the pane could not be opened (${detail}). Close WPS, open it again and retry.`,
};

function openPane(): void {
  try {
    const a = app();
    const known = Number(a.PluginStorage.getItem(PANE_KEY));
    const shown = known ? a.GetTaskPane(known) : null;
    if (shown) {
      shown.Visible = true;
      return;
    }
    const pane = a.CreateTaskPane(new URL('taskpane.html', document.baseURI).toString());
    a.PluginStorage.setItem(PANE_KEY, String(pane.ID));
    pane.Visible = true;
  } catch (e) {
    alert(FAILED[locale()](e instanceof Error ? e.message : String(e)));
  }
}

async function compute(): Promise<void> {
  // oneClick turns every failure into lines the secretary can read.
  const result = await oneClick(new WpsHost(), locale());
  alert([result.title, '', ...result.lines].join('\n'));
}

const BUTTONS: Record<string, () => void | Promise<void>> = { kaoheOpenPane: openPane, kaoheCompute: compute };
const IMAGES: Record<string, string> = { kaoheOpenPane: 'assets/icon-32.png', kaoheCompute: 'assets/icon-32.png' };

interface RibbonControl {
  Id: string;
}

Object.assign(window, {
  OnAddinLoad: (): boolean => true,
  OnAction: (control: RibbonControl): boolean => {
    void BUTTONS[control.Id]?.();
    return true;
  },
  GetLabel: (control: RibbonControl): string => LABELS[control.Id]?.[locale()] ?? '考核助手',
  GetImage: (control: RibbonControl): string => IMAGES[control.Id] ?? 'assets/icon-32.png',
});
