/**
 * The check CI runs on the built WPS add-in folder (src/wps/check-folder.cjs, after npm run build:wps): a folder
 * laid out as the build lays it out passes; each thing WPS would miss is reported.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { problems } = require('../../src/wps/check-folder.cjs') as { problems: (dir: string) => string[] };
const { lists } = require('../../src/wps/build.cjs') as { lists: (url: string, version: string) => Record<string, string> };
const ROOT = join(__dirname, '..', '..');

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'kaohe-wps-'));
  mkdirSync(join(dir, 'assets'));
  copyFileSync(join(ROOT, 'src/wps/ribbon.xml'), join(dir, 'ribbon.xml'));
  copyFileSync(join(ROOT, 'assets/icon-32.png'), join(dir, 'assets/icon-32.png'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><script defer src=main.js></script></head></html>');
  writeFileSync(join(dir, 'main.js'), 'Object.assign(window,{OnAddinLoad:()=>!0,OnAction:a=>!0,GetLabel:a=>"",GetImage:a=>""});');
  writeFileSync(join(dir, 'taskpane.html'), '<html><head><script defer src="taskpane.js"></script></head></html>');
  writeFileSync(join(dir, 'taskpane.js'), 'void 0;');
  for (const [f, text] of Object.entries(lists('http://192.168.1.10/kaohe/', '0.1.0'))) writeFileSync(join(dir, f), text);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the WPS add-in folder check', () => {
  it('passes a folder with what WPS needs, and the lists point at the server given', () => {
    expect(problems(dir)).toEqual([]);
    expect(readFileSync(join(dir, 'publish.xml'), 'utf8')).toContain('url="http://192.168.1.10/kaohe/"');
  });

  it('reports a function ribbon.xml calls that main.js does not define', () => {
    writeFileSync(join(dir, 'main.js'), 'Object.assign(window,{OnAddinLoad:()=>!0,GetLabel:a=>"",GetImage:a=>""});');
    expect(problems(dir)).toEqual(['main.js: 未定义 ribbon.xml 调用的函数 OnAction (not defined)']);
  });

  it('reports a missing file, a pane that loads office.js, and a list without the add-in', () => {
    rmSync(join(dir, 'ribbon.xml'));
    writeFileSync(join(dir, 'taskpane.html'), '<script src="office.js"></script><script src=taskpane.js></script>');
    writeFileSync(join(dir, 'jsplugins.xml'), '<jsplugins></jsplugins>');
    expect(problems(dir)).toEqual([
      '缺少文件 missing: ribbon.xml',
      'ribbon.xml: 不是 CustomUI (not CustomUI)',
      'ribbon.xml: 缺少按钮 missing button kaoheOpenPane',
      'ribbon.xml: 缺少按钮 missing button kaoheCompute',
      'taskpane.html: WPS 中不应加载 office.js (loads office.js)',
      'jsplugins.xml: 未列出 kaohe 表格加载项 (does not list the add-in)',
    ]);
  });
});
