/**
 * Checks a built WPS add-in folder for what WPS 表格 needs to load it (run by npm run build:wps and CI):
 * every file there and not empty, the ribbon's buttons, every function ribbon.xml calls defined by main.js,
 * the pages loading their scripts (and the pane no office.js), and both deployment lists naming the add-in.
 * Prints what is missing and exits 1; `problems(dir)` is the same check for tests.
 */
const fs = require('node:fs');
const path = require('node:path');
const { REQUIRED } = require('./build.cjs');

const BUTTONS = ['kaoheOpenPane', 'kaoheCompute'];

function problems(dir) {
  const out = [];
  const read = (f) => {
    const p = path.join(dir, f);
    return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : '';
  };
  for (const f of REQUIRED)
    if (!fs.existsSync(path.join(dir, f)) || fs.statSync(path.join(dir, f)).size === 0) out.push(`缺少文件 missing: ${f}`);
  const ribbon = read('ribbon.xml');
  const main = read('main.js');
  if (!/<customUI\b[^>]*xmlns="http:\/\/schemas\.microsoft\.com\/office\/2006\/01\/customui"/.test(ribbon))
    out.push('ribbon.xml: 不是 CustomUI (not CustomUI)');
  for (const id of BUTTONS) if (!ribbon.includes(`id="${id}"`)) out.push(`ribbon.xml: 缺少按钮 missing button ${id}`);
  const callbacks = new Set(
    [...ribbon.matchAll(/\b(?:onLoad|onAction|getLabel|getImage|getScreentip|getEnabled|getVisible)="([^"]+)"/g)].map((m) => m[1]),
  );
  for (const fn of callbacks)
    if (!new RegExp(`\\b${fn}\\b`).test(main)) out.push(`main.js: 未定义 ribbon.xml 调用的函数 ${fn} (not defined)`);
  if (!/<script[^>]+src="?[^"\s>]*main\.js/.test(read('index.html'))) out.push('index.html: 未加载 main.js (does not load main.js)');
  const pane = read('taskpane.html');
  if (!/<script[^>]+src="?[^"\s>]*taskpane\.js/.test(pane)) out.push('taskpane.html: 未加载 taskpane.js (does not load taskpane.js)');
  if (/office\.js/.test(pane)) out.push('taskpane.html: WPS 中不应加载 office.js (loads office.js)');
  for (const f of ['publish.xml', 'jsplugins.xml'])
    if (!/<jsplugins>[\s\S]*name="kaohe"[\s\S]*type="et"[\s\S]*<\/jsplugins>/.test(read(f)))
      out.push(`${f}: 未列出 kaohe 表格加载项 (does not list the add-in)`);
  return out;
}

if (require.main === module) {
  const dir = process.argv[2] || 'dist/wps';
  const found = problems(dir);
  for (const p of found) console.error(`${dir}: ${p}`);
  if (found.length > 0) process.exit(1);
  console.log(`${dir}: WPS 加载项文件齐全 (the WPS add-in folder has what WPS needs)`);
}

module.exports = { problems };
