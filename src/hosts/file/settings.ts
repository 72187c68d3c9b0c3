/**
 * Reads the settings the task pane saved in a workbook (workbook.settings). Office keeps an
 * add-in's settings in xl/webextensions/webextension*.xml as <we:property name value/>, each
 * value being JSON text; only those small parts are inflated (by ./copy/zip: jszip's reader goes
 * over every byte of the package first, 0.15 s of a 10,000-row `grade`).
 */
import { parseSettings, SETTINGS_KEY, type WorkbookSettings } from '../../engine';
import { ZipPackage } from './copy/zip';
import { READ_LIMITS } from './limits';

const PROPERTY = /<(?:\w+:)?property\b([^>]*?)\/?>/g;
const ATTR = /(\w+)\s*=\s*"([^"]*)"/g;

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-fA-F]+|#\d+|quot|amp|lt|gt|apos);/g, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ({ quot: '"', amp: '&', lt: '<', gt: '>', apos: "'" } as Record<string, string>)[e]!;
  });
}

/** Every add-in property in one webextension part, by name, as parsed JSON (raw text if not JSON). */
export function webExtensionProperties(xml: string): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const m of xml.matchAll(PROPERTY)) {
    const attrs = new Map([...m[1]!.matchAll(ATTR)].map((a) => [a[1]!, unescapeXml(a[2]!)]));
    const name = attrs.get('name');
    const value = attrs.get('value');
    if (name === undefined || value === undefined) continue;
    try {
      out.set(name, JSON.parse(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}

export type StoredSettings = { found: false } | { found: true; settings: WorkbookSettings | null };

/** kaohe's settings stored in an .xlsx (its bytes); settings null when a record is there but unreadable. */
export async function readStoredSettings(data: Buffer): Promise<StoredSettings> {
  let zip: ZipPackage;
  try {
    zip = new ZipPackage(data, READ_LIMITS.unpackedBytes);
  } catch {
    return { found: false };
  }
  const parts = zip.names().filter((n) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(n));
  for (const name of parts) {
    const props = webExtensionProperties(zip.text(name)!);
    if (!props.has(SETTINGS_KEY)) continue;
    let value = props.get(SETTINGS_KEY);
    // A value saved as a JSON string of JSON (set via Office.context.document.settings) is read the same.
    if (typeof value === 'string') {
      try {
        value = JSON.parse(value);
      } catch {
        /* left as text: not a settings record */
      }
    }
    return { found: true, settings: parseSettings(value) };
  }
  return { found: false };
}
