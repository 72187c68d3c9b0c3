/**
 * Runs first in the preview's pane frame: installs the in-browser `Office` and `Excel` on the
 * workbook the preview page holds, so the real task pane bundle that follows finds them.
 */
/* global window, document */
import { installOffice, type PreviewConfig } from './office-shim';

const config = (window.parent as unknown as { kaohePreview?: PreviewConfig }).kaohePreview;
if (config) installOffice(window as unknown as Record<string, unknown>, config);
else document.addEventListener('DOMContentLoaded', () => (document.body.textContent = '请打开 preview.html：任务窗格在预览页面中运行。'));
