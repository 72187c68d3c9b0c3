/**
 * The preview page: a read-only view of a workbook beside the real task pane, which runs on the
 * in-browser Excel (office-shim). Loads examples/gwy-2020-q1.xlsx, or a workbook the user picks.
 */
/* global window, document, fetch, performance */
import ExcelJS from 'exceljs';
import { columnLetters, isCellError, localeFromTag } from '../engine';
import { oneClick } from '../commands/one-click';
import { ExcelHost } from '../hosts/excel/excel-host';
import { WpsHost } from '../hosts/wps/wps-host';
import { PreviewWorkbook, type PreviewCell } from './model';
import { installOffice, type PreviewConfig } from './office-shim';
import { simulateWps } from './wps-sim';

const MAX_ROWS = 400;
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

/** ?host=wps: the pane runs on a simulated WPS 表格 (wps-sim.ts) instead of the simulated Excel. */
const wps = new URLSearchParams(window.location.search).get('host') === 'wps';
/** The ExcelApi versions the preview's Excel can run as (?api=): the manifest's minimum, workbook-wide events, the newest. */
const API_VERSIONS = ['1.7', '1.9', '1.20'];
const askedApi = new URLSearchParams(window.location.search).get('api');
const config: PreviewConfig & { host?: string; wpsCalls?: () => number } = {
  book: new PreviewWorkbook(),
  language: 'zh-CN',
  apiVersion: askedApi !== null && API_VERSIONS.includes(askedApi) ? askedApi : '1.20',
  ...(wps ? { host: 'wps' } : {}),
};
$<HTMLElement>('api').textContent = config.apiVersion;
(window as unknown as { kaohePreview: PreviewConfig }).kaohePreview = config;
if (wps) {
  const strong = document.createElement('strong');
  strong.textContent = '浏览器预览，不是 WPS。';
  const english = document.createElement('span');
  english.lang = 'en';
  english.textContent = 'Browser preview, not WPS: the real task pane, running on a simulated WPS 表格 in this page.';
  document
    .querySelector('.banner')!
    .replaceChildren(strong, '右侧是真实的考核助手任务窗格，在页面内的模拟 WPS 表格上运行；左侧是工作簿的只读视图。', english);
  document.querySelector('.trips')!.firstChild!.textContent = '调用 WPS：';
  $<HTMLSelectElement>('language').parentElement!.firstChild!.textContent = 'WPS 语言';
  document.title = '考核助手 · 浏览器预览（WPS 表格）';
}

function text(c: PreviewCell | undefined): string {
  const v = c?.value ?? null;
  if (v === null) return '';
  if (isCellError(v)) return v.error;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number' && c?.numFmt && /^0\.(0+)%$/.test(c.numFmt)) return `${(v * 100).toFixed(c.numFmt.length - 3)}%`;
  if (typeof v === 'number')
    return c?.numFmt && /^0\.(0+)$/.test(c.numFmt) ? v.toFixed(c.numFmt.length - 2) : String(Math.round(v * 1e9) / 1e9);
  return v;
}

function renderSheet(): void {
  const book = config.book;
  const s = book.activeSheet();
  $<HTMLElement>('tabs').replaceChildren(
    ...book.sheets.flatMap((sh, i) => {
      // A very hidden sheet (kaohe's settings in WPS) has no tab.
      if (sh.veryHidden) return [];
      const b = document.createElement('button');
      b.type = 'button';
      b.role = 'tab';
      b.textContent = sh.name;
      b.setAttribute('aria-selected', String(i === book.active));
      // As in Excel: the sheet becomes the active one, and the add-in hears of it.
      b.addEventListener('click', () => {
        void book.activate(i);
        $<HTMLInputElement>('protect').checked = book.activeSheet().protected;
        renderSheet();
      });
      return b;
    }),
  );
  const area = book.usedArea(s);
  const bottom = Math.min(area.bottom, area.top + MAX_ROWS - 1);
  // Rows hidden or filtered out are not drawn, as in Excel; the note says which they are.
  const hidden = [...(s.hiddenRows ?? [])].filter((r) => r <= bottom).sort((x, y) => x - y);
  $<HTMLElement>('rowsNote').textContent = [
    bottom < area.bottom ? `只显示前 ${MAX_ROWS} 行（共 ${area.bottom} 行）` : '',
    hidden.length > 0 ? `隐藏的行：${hidden.join('、')}` : '',
  ]
    .filter(Boolean)
    .join('；');
  const covered = new Set<string>();
  const spans = new Map<string, { rows: number; cols: number }>();
  for (const m of s.merges) {
    spans.set(`${m.top},${m.left}`, { rows: m.bottom - m.top + 1, cols: m.right - m.left + 1 });
    for (let r = m.top; r <= m.bottom; r++)
      for (let c = m.left; c <= m.right; c++) if (r !== m.top || c !== m.left) covered.add(`${r},${c}`);
  }
  const sel = book.selection && book.selection.sheet === s.name ? book.selection.cell : null;
  const rows: string[] = [];
  rows.push(
    `<tr><th class="row"></th>${Array.from({ length: area.right }, (_, i) => `<th scope="col">${columnLetters(i + 1)}</th>`).join('')}</tr>`,
  );
  for (let r = 1; r <= bottom; r++) {
    // (A row inside a merge down several rows is drawn all the same: the merge's row span counts it.)
    if (s.hiddenRows?.has(r) && !s.merges.some((m) => m.bottom > m.top && r >= m.top && r <= m.bottom)) continue;
    const cells: string[] = [`<th class="row" scope="row">${r}</th>`];
    for (let c = 1; c <= area.right; c++) {
      if (covered.has(`${r},${c}`)) continue;
      const cell = book.cell(s, r, c);
      const address = `${columnLetters(c)}${r}`;
      const span = spans.get(`${r},${c}`);
      const cls = [
        typeof cell?.value === 'number' ? 'num' : '',
        cell?.written ? 'written' : '',
        cell?.note ? 'note' : '',
        sel === address ? 'selected' : '',
        cell?.format?.['font.bold'] ? 'bold' : '',
        cell?.format?.['border.EdgeTop.style'] ? 'border' : '',
      ]
        .filter(Boolean)
        .join(' ');
      const attrs = [
        `data-cell="${address}"`,
        cls ? `class="${cls}"` : '',
        span ? `rowspan="${span.rows}" colspan="${span.cols}"` : '',
        cell?.fill ? `style="background:${cell.fill}"` : '',
        cell?.note ? `title="${escape(cell.note)}"` : cell?.formula ? `title="${escape(cell.formula)}"` : '',
      ].filter(Boolean);
      cells.push(`<td ${attrs.join(' ')}>${escape(text(cell))}</td>`);
    }
    rows.push(`<tr>${cells.join('')}</tr>`);
  }
  $<HTMLElement>('sheet').innerHTML = `<table class="grid" aria-label="${escape(s.name)}"><tbody>${rows.join('')}</tbody></table>`;
  // Excel draws the charts the add-in adds; the preview says what each one is and where.
  $<HTMLElement>('charts').replaceChildren(
    ...s.charts.map((c) => {
      const p = document.createElement('p');
      p.dataset['chart'] = c.type;
      p.textContent = `图表“${c.title}”：${c.type}，数据 ${c.source}，位于 ${c.from ?? '?'}–${c.to ?? '?'}`;
      return p;
    }),
  );
  $<HTMLElement>('trips').textContent = String(wps ? (config.wpsCalls?.() ?? 0) : book.roundTrips);
  if (sel) document.querySelector(`td[data-cell="${sel}"]`)?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
}

function escape(s: string): string {
  return s.replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch]!);
}

let stopRendering: (() => void) | null = null;

async function loadBook(data: ArrayBuffer, name: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(data);
  showBook(PreviewWorkbook.fromExcelJs(wb), name);
}

function showBook(book: PreviewWorkbook, name: string): void {
  config.book = book;
  stopRendering?.();
  stopRendering = config.book.onRender(renderSheet);
  $<HTMLElement>('bookName').textContent = name;
  $<HTMLInputElement>('protect').checked = config.book.activeSheet().protected;
  renderSheet();
  reloadPane();
}

function reloadPane(): void {
  $<HTMLIFrameElement>('pane').src = `preview-pane.html?lang=${config.language}&t=${Date.now()}`;
}

$<HTMLInputElement>('file').addEventListener('change', async (e) => {
  const f = (e.target as HTMLInputElement).files?.[0];
  if (f) await loadBook(await f.arrayBuffer(), f.name);
});
$<HTMLSelectElement>('language').addEventListener('change', (e) => {
  config.language = (e.target as HTMLSelectElement).value;
  reloadPane();
});
$<HTMLSelectElement>('width').addEventListener('change', (e) => {
  $<HTMLIFrameElement>('pane').width = (e.target as HTMLSelectElement).value;
});
$<HTMLInputElement>('protect').addEventListener('change', (e) => {
  config.book.activeSheet().protected = (e.target as HTMLInputElement).checked;
});

// The ribbon's 一键计算等次 runs its own code on the page's simulated Excel; the lines its dialog shows appear here.
// One host for the page, as the ribbon's function file keeps one for its session.
let pageOffice = false;
let oneClickHost: ExcelHost | null = null;
$<HTMLButtonElement>('oneClick').addEventListener('click', async () => {
  if (wps) return showOneClick(await oneClick(new WpsHost(simulateWps(config.book).Application), localeFromTag(config.language)));
  if (!pageOffice) {
    installOffice(window as unknown as Record<string, unknown>, config);
    pageOffice = true;
  }
  (window as unknown as { Office: { context: { displayLanguage: string } } }).Office.context.displayLanguage = config.language;
  oneClickHost ??= new ExcelHost();
  showOneClick(await oneClick(oneClickHost, localeFromTag(config.language)));
});

function showOneClick(result: { title: string; lines: string[] }): void {
  $<HTMLElement>('oneClickTitle').textContent = result.title;
  $<HTMLElement>('oneClickLines').replaceChildren(
    ...result.lines.map((line) => {
      const p = document.createElement('p');
      p.textContent = line;
      return p;
    }),
  );
  $<HTMLElement>('oneClickResult').hidden = false;
  $<HTMLButtonElement>('oneClickClose').focus();
}
$<HTMLButtonElement>('oneClickClose').addEventListener('click', () => {
  $<HTMLElement>('oneClickResult').hidden = true;
});

const params = new URLSearchParams(window.location.search);
config.language = params.get('lang') ?? 'zh-CN';
$<HTMLSelectElement>('language').value = config.language;
if (params.get('width')) {
  $<HTMLSelectElement>('width').value = params.get('width')!;
  $<HTMLIFrameElement>('pane').width = params.get('width')!;
}
// Reloading the page reopens the workbook as it was left (the sheets the add-in added, what it saved in its settings),
// as closing and opening a saved file does; a new visit opens the example or the ?book= given.
const SAVED = 'kaohe-preview-workbook';
window.addEventListener('pagehide', () => {
  try {
    window.sessionStorage.setItem(SAVED, JSON.stringify({ name: $<HTMLElement>('bookName').textContent, book: config.book.save() }));
  } catch {
    // Storage full or refused: a reload opens the example again.
  }
});
const navigation = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
const saved = navigation?.type === 'reload' ? window.sessionStorage.getItem(SAVED) : null;
const start = params.get('book') ?? 'examples/gwy-2020-q1.xlsx';
if (saved !== null) {
  const { name, book } = JSON.parse(saved) as { name: string; book: string };
  showBook(PreviewWorkbook.reopen(book), name);
} else {
  void fetch(start)
    .then((r) => {
      if (!r.ok) throw new Error(`${start}: ${r.status}`);
      return r.arrayBuffer();
    })
    .then((data) => loadBook(data, start.split('/').pop()!))
    .catch((e: unknown) => {
      $<HTMLElement>('sheet').textContent = `无法打开示例工作簿：${String(e)}`;
    });
}
