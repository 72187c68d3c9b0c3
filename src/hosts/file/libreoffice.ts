/**
 * An .xls converted to .xlsx by LibreOffice headless (`grade --via-libreoffice`), which carries
 * names, notes, links, conditional formats, validations, pictures and print settings that SheetJS
 * cannot. Run in a private temporary folder (a copy of the input, a profile of its own, the output)
 * so that nothing is written beside the user's file and no running LibreOffice is disturbed;
 * bounded in time, its whole process group killed when it runs over, the folder removed after.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** How long a conversion may take before LibreOffice is killed. */
export const CONVERT_TIMEOUT_MS = 120_000;

/** Where LibreOffice installs itself when it is not on the PATH (Windows and macOS installers do not add it). */
const INSTALLED = [
  'C:\\Program Files\\LibreOffice\\program\\soffice.exe',
  'C:\\Program Files (x86)\\LibreOffice\\program\\soffice.exe',
  '/Applications/LibreOffice.app/Contents/MacOS/soffice',
];

function runnable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** LibreOffice's soffice on this machine (the PATH first, then where its installers put it), or null. */
export function findSoffice(env: NodeJS.ProcessEnv = process.env): string | null {
  const exe = process.platform === 'win32' ? ['soffice.exe', 'soffice.com'] : ['soffice'];
  for (const dir of (env['PATH'] ?? '').split(delimiter).filter((d) => d !== ''))
    for (const name of exe) if (runnable(join(dir, name))) return join(dir, name);
  return INSTALLED.find((p) => runnable(p)) ?? null;
}

/** Why a conversion gave no .xlsx: it ran over the time, LibreOffice failed, or it wrote nothing. */
export class ConvertError extends Error {
  constructor(
    readonly problem: 'timeout' | 'failed' | 'no-output',
    readonly detail: string = '',
  ) {
    super(`${problem}${detail ? `: ${detail}` : ''}`);
    this.name = 'ConvertError';
  }
}

export interface Converted {
  /** The .xlsx LibreOffice wrote, inside the private folder. */
  path: string;
  /** Removes the private folder and everything in it. */
  cleanup: () => void;
}

/** Converts the .xls at `input` to .xlsx with the soffice at `soffice`; throws ConvertError. The caller calls cleanup(). */
export async function convertToXlsx(soffice: string, input: string, timeoutMs = CONVERT_TIMEOUT_MS): Promise<Converted> {
  const dir = mkdtempSync(join(tmpdir(), 'kaohe-lo-'));
  const cleanup = () => rmSync(dir, { recursive: true, force: true });
  try {
    const profile = join(dir, 'profile');
    mkdirSync(profile);
    const out = join(dir, 'out');
    mkdirSync(out);
    // The input copied under a plain name: LibreOffice's lock file and anything else it writes stay in here.
    const source = join(dir, 'book.xls');
    copyFileSync(input, source);
    await run(
      soffice,
      [
        `-env:UserInstallation=${fileUrl(profile)}`,
        '--headless',
        '--norestore',
        '--nolockcheck',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        out,
        source,
      ],
      timeoutMs,
    );
    const path = join(out, 'book.xlsx');
    if (!existsSync(path)) throw new ConvertError('no-output', readdirSync(out).join(', '));
    return { path, cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}

function fileUrl(path: string): string {
  const p = path.replace(/\\/g, '/');
  return `file://${p.startsWith('/') ? '' : '/'}${encodeURI(p)}`;
}

/** Runs LibreOffice in a process group of its own, so that a timeout kills it and whatever it started. */
function run(command: string, args: string[], timeoutMs: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: process.platform !== 'win32' });
    child.stderr.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString('utf8');
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      kill(child.pid);
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new ConvertError('failed', e.message));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut) reject(new ConvertError('timeout', `${Math.round(timeoutMs / 1000)} s`));
      else if (code !== 0) reject(new ConvertError('failed', `exit ${code}: ${stderr.trim().split('\n').pop() ?? ''}`));
      else resolve();
    });
  });
}

function kill(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    if (process.platform === 'win32') spawn('taskkill', ['/pid', String(pid), '/t', '/f'], { stdio: 'ignore' });
    else process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
