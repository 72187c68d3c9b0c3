/**
 * Where the command line writes (grade --out, annual --out, json-schema --out): a file that is
 * not an input — compared by identity (device and inode), and by name where the file system
 * ignores case — replaced only when asked to (force). The bytes go to a temporary file created
 * exclusively under a random name in the target folder (a link planted there is never followed),
 * flushed to disk, then renamed into place; the temporary file is removed when anything fails
 * and when the process is interrupted (SIGINT, SIGTERM), so no half-written file is ever left.
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  constants,
  fsyncSync,
  linkSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

export type OutputProblem = 'is-input' | 'exists' | 'is-directory' | 'folder-missing' | 'write-failed';

/** An output that may not or could not be written; the command line words it. */
export class OutputError extends Error {
  constructor(
    readonly problem: OutputProblem,
    readonly path: string,
    readonly detail: string = '',
  ) {
    super(`${problem}: ${path}${detail ? ` (${detail})` : ''}`);
    this.name = 'OutputError';
  }
}

/** File systems that ignore letter case by default (NTFS, APFS): there a name equal but for case is the same file. */
const CASE_BLIND = process.platform === 'win32' || process.platform === 'darwin';

function realPathOf(path: string): string {
  // The folder's real path (links resolved) and the name as given: the file need not exist.
  const dir = dirname(resolve(path));
  return join(realpathSync(dir), basename(path));
}

/** Whether `a` and `b` name the same file: the same device and inode, or (where case is ignored) the same real name. */
export function sameFile(a: string, b: string, caseBlind = CASE_BLIND): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    if (x.ino !== 0 && x.dev === y.dev && x.ino === y.ino) return true;
  } catch {
    /* one of them does not exist: compare by name */
  }
  try {
    const [x, y] = [realPathOf(a), realPathOf(b)];
    return caseBlind ? x.toLowerCase() === y.toLowerCase() : x === y;
  } catch {
    return false;
  }
}

/** Refuses an output that is an input, a folder, in a missing folder, or already there (unless `force`). */
export function checkOutput(out: string, inputs: string[], force: boolean): void {
  let folder;
  try {
    folder = statSync(dirname(resolve(out)));
  } catch {
    throw new OutputError('folder-missing', out);
  }
  if (!folder.isDirectory()) throw new OutputError('folder-missing', out);
  if (inputs.some((input) => sameFile(out, input))) throw new OutputError('is-input', out);
  let there;
  try {
    there = lstatSync(out);
  } catch {
    return;
  }
  if (there.isDirectory()) throw new OutputError('is-directory', out);
  if (!force) throw new OutputError('exists', out);
}

const O_NOFOLLOW = constants.O_NOFOLLOW ?? 0;

/** The temporary files being written now, removed if the process is interrupted. */
const pending = new Set<string>();
const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;

function onSignal(signal: keyof typeof SIGNALS): void {
  for (const tmp of pending) removeQuietly(tmp);
  process.exit(SIGNALS[signal]);
}
const handlers = Object.fromEntries(Object.keys(SIGNALS).map((s) => [s, () => onSignal(s as keyof typeof SIGNALS)])) as Record<
  keyof typeof SIGNALS,
  () => void
>;

function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    /* already gone */
  }
}

/**
 * Writes the bytes `produce` makes to `out` as described above. Without `force`, a file that
 * appeared at `out` meanwhile is not replaced (the temporary file is linked, not renamed, there).
 */
export async function writeOutput(out: string, produce: () => Promise<Buffer | Uint8Array>, force: boolean): Promise<void> {
  const tmp = join(dirname(resolve(out)), `.${basename(out)}.${randomBytes(8).toString('hex')}.kaohe-tmp`);
  let fd: number;
  // The handlers first: a signal that comes the moment the file exists must find them there.
  if (pending.size === 0) for (const [s, h] of Object.entries(handlers)) process.on(s, h);
  pending.add(tmp);
  try {
    fd = openSync(tmp, constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | O_NOFOLLOW, 0o644);
  } catch (e) {
    pending.delete(tmp);
    if (pending.size === 0) for (const [s, h] of Object.entries(handlers)) process.off(s, h);
    throw new OutputError('write-failed', out, e instanceof Error ? e.message : String(e));
  }
  try {
    const bytes = await produce();
    for (let at = 0; at < bytes.length;) at += writeSync(fd, bytes, at, bytes.length - at);
    fsyncSync(fd);
    closeSync(fd);
    fd = -1;
    // A signal that came while the bytes were written synchronously is handled here, before the copy takes its name.
    await new Promise((resolve) => setImmediate(resolve));
    if (force) renameSync(tmp, out);
    else {
      try {
        linkSync(tmp, out);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') throw new OutputError('exists', out);
        // A file system without hard links: the check made before writing stands.
        renameSync(tmp, out);
      }
    }
  } catch (e) {
    throw e instanceof OutputError ? e : new OutputError('write-failed', out, e instanceof Error ? e.message : String(e));
  } finally {
    if (fd! >= 0) closeSync(fd!);
    removeQuietly(tmp);
    pending.delete(tmp);
    if (pending.size === 0) for (const [s, h] of Object.entries(handlers)) process.off(s, h);
  }
}
