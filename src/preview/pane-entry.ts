/**
 * Runs first in the preview's pane frame: installs the in-browser `Office` and `Excel` on the workbook the preview
 * page holds — or, when the page was opened with ?host=wps, the simulated WPS 表格 `Application` (wps-sim.ts) in
 * WPS's language — so the real task pane bundle that follows finds the host it would find in Excel or in WPS.
 */
/* global window, document, navigator */
import { installOffice, type PreviewConfig } from './office-shim';
import { simulateWps } from './wps-sim';

const config = (window.parent as unknown as { kaohePreview?: PreviewConfig & { host?: string; wpsCalls?: () => number } }).kaohePreview;
if (config?.host === 'wps') {
  const sim = simulateWps(config.book);
  (window as unknown as { Application: unknown }).Application = sim.Application;
  config.wpsCalls = sim.calls;
  Object.defineProperty(navigator, 'language', { value: config.language, configurable: true });
} else if (config) installOffice(window as unknown as Record<string, unknown>, config);
else document.addEventListener('DOMContentLoaded', () => (document.body.textContent = '请打开 preview.html：任务窗格在预览页面中运行。'));
