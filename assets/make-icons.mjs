#!/usr/bin/env node
/**
 * Draws the add-in's icons (a white 考 on Office blue) at the sizes the manifest names, with
 * Debian's Chromium through playwright-core. Run again after changing the design:
 *   node assets/make-icons.mjs    (needs chromium and fonts-noto-cjk)
 */
import { chromium } from 'playwright-core';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const SIZES = [16, 32, 64, 80, 128];

const svg = (size) => `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 64 64">
  <rect x="2" y="2" width="60" height="60" rx="12" fill="#0f6cbd"/>
  <text x="32" y="46" font-size="40" text-anchor="middle" fill="#ffffff"
        font-family="Noto Sans CJK SC, Microsoft YaHei, sans-serif" font-weight="700">考</text>
  <path d="M44 50 l5 5 l9 -12" stroke="#9fd89f" stroke-width="5" fill="none" stroke-linecap="round" stroke-linejoin="round"/>
</svg>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
const page = await browser.newPage();
for (const size of SIZES) {
  await page.setViewportSize({ width: size, height: size });
  await page.setContent(`<html><body style="margin:0;background:transparent">${svg(size)}</body></html>`);
  await page.screenshot({ path: join(here, `icon-${size}.png`), omitBackground: true });
  console.log(`wrote assets/icon-${size}.png`);
}
await browser.close();
