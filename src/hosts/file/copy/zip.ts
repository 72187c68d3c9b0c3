/**
 * The zip container of an .xlsx: its directory read (zip64 included), a part inflated within a
 * budget, and a package written back with only some parts replaced. Every part that is not
 * replaced is copied as its stored bytes (local header, compressed data, data descriptor,
 * central-directory record), so it is byte-identical by construction, never recompressed.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import { LimitError } from '../limits';
import { type DeflatedPart, deflatePart, PieceDeflater } from './deflate';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  /** Its size inflated, as the zip says (a hint only: a zip may say anything). */
  size: number;
  /** Where the entry's local header starts. */
  offset: number;
  /** Its central-directory record: where it starts and how long it is. */
  central: { at: number; length: number };
}

const EOCD = 0x06054b50;
const EOCD64_LOCATOR = 0x07064b50;
const EOCD64 = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const FULL32 = 0xffffffff;

function fail(what: string): never {
  throw new Error(`broken zip: ${what}`);
}

/** Where the end-of-central-directory record is, and where the directory it describes begins. */
function directory(data: Buffer): { end: number; count: number; at: number } {
  let end = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 0xffff); i--)
    if (data.readUInt32LE(i) === EOCD) {
      end = i;
      break;
    }
  if (end < 0) fail('no end of central directory');
  let count = data.readUInt16LE(end + 10);
  let at = data.readUInt32LE(end + 16);
  if ((count === 0xffff || at === FULL32) && end >= 20 && data.readUInt32LE(end - 20) === EOCD64_LOCATOR) {
    const z = Number(data.readBigUInt64LE(end - 12));
    if (z + 56 > data.length || data.readUInt32LE(z) !== EOCD64) fail('zip64 directory');
    count = Number(data.readBigUInt64LE(z + 32));
    at = Number(data.readBigUInt64LE(z + 48));
  }
  return { end, count, at };
}

/** The zip's central directory (zip64 included): each entry's name, method, size and where its data is. */
export function zipEntries(data: Buffer): ZipEntry[] {
  const dir = directory(data);
  let at = dir.at;
  const count = dir.count;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > data.length || data.readUInt32LE(at) !== CENTRAL) fail('central directory');
    const method = data.readUInt16LE(at + 10);
    let compressedSize = data.readUInt32LE(at + 20);
    let size = data.readUInt32LE(at + 24);
    const nameLength = data.readUInt16LE(at + 28);
    const extraLength = data.readUInt16LE(at + 30);
    const commentLength = data.readUInt16LE(at + 32);
    let offset = data.readUInt32LE(at + 42);
    const name = data.toString('utf8', at + 46, at + 46 + nameLength);
    // Zip64: the sizes and offset that do not fit in 32 bits follow in extra field 1, in this order.
    for (let x = at + 46 + nameLength; x + 4 <= at + 46 + nameLength + extraLength;) {
      const id = data.readUInt16LE(x);
      const len = data.readUInt16LE(x + 2);
      if (id === 1) {
        let f = x + 4;
        if (size === FULL32) [size, f] = [Number(data.readBigUInt64LE(f)), f + 8];
        if (compressedSize === FULL32) [compressedSize, f] = [Number(data.readBigUInt64LE(f)), f + 8];
        if (offset === FULL32) offset = Number(data.readBigUInt64LE(f));
      }
      x += 4 + len;
    }
    const length = 46 + nameLength + extraLength + commentLength;
    entries.push({ name, method, compressedSize, size, offset, central: { at, length } });
    at += length;
  }
  return entries;
}

/** zlib's default piece of output; deflate makes at most about 1,032 bytes of one. */
const MIN_CHUNK = 16 * 1024;
const MAX_DEFLATE_RATIO = 1032;
/** The largest piece asked for at once (a sheet of about 60,000 rows × 30 columns): a part the zip says is larger comes in several. */
const MAX_CHUNK = 64 * 1024 * 1024;

/** One part inflated, stopping at `budget` bytes whatever the zip says its size is. */
export function inflatePart(data: Buffer, e: ZipEntry, budget: number): Buffer {
  if (e.offset + 30 > data.length || data.readUInt32LE(e.offset) !== LOCAL) fail(`local header of ${e.name}`);
  const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
  const raw = data.subarray(start, start + e.compressedSize);
  if (e.method === 0) {
    if (raw.length > budget) throw new LimitError('unpackedBytes', raw.length);
    return raw;
  }
  if (e.method !== 8) fail(`compression method ${e.method} of ${e.name}`);
  try {
    // Inflated in one piece of the size the zip gives, where it is believable (no larger than the budget, than deflate
    // can make of these bytes, or than MAX_CHUNK): zlib's 16 KB default made a 10,000-row sheet 700 pieces, then one.
    const chunkSize = Math.max(MIN_CHUNK, Math.min(e.size, budget, raw.length * MAX_DEFLATE_RATIO, MAX_CHUNK));
    return inflateRawSync(raw, { maxOutputLength: Math.max(1, budget), chunkSize });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new LimitError('unpackedBytes', budget + 1);
    throw err;
  }
}

/** A package's entries by name, each inflated on demand within a shared budget. */
export class ZipPackage {
  readonly entries: ZipEntry[];
  private readonly byName = new Map<string, ZipEntry>();

  constructor(
    readonly data: Buffer,
    private budget: number,
  ) {
    this.entries = zipEntries(data);
    for (const e of this.entries) this.byName.set(e.name, e);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  names(): string[] {
    return this.entries.map((e) => e.name);
  }

  /** The part's text, or null when the package has no such part. */
  text(name: string): string | null {
    const e = this.byName.get(name);
    if (!e) return null;
    const bytes = inflatePart(this.data, e, this.budget);
    this.budget -= bytes.length;
    return bytes.toString('utf8');
  }
}

/** What changes in the copy: parts replaced or added (by name; text, bytes, or text in pieces), and parts left out (null). */
export type ZipChanges = Map<string, Buffer | string | string[] | null>;

const UTF8_NAMES = 0x0800;

/** A DOS date and time (the zip's own), for parts added: 1980-01-01 00:00, the zip epoch, so a copy does not depend on the clock. */
const DOS_EPOCH = { time: 0, date: (0 << 9) | (1 << 5) | 1 };

function localHeader(name: Buffer, flags: number, time: number, date: number, crc: number, compressed: number, size: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(flags, 6);
  h.writeUInt16LE(8, 8);
  h.writeUInt16LE(time, 10);
  h.writeUInt16LE(date, 12);
  h.writeUInt32LE(crc, 14);
  h.writeUInt32LE(compressed, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

function centralRecord(
  name: Buffer,
  flags: number,
  time: number,
  date: number,
  crc: number,
  compressed: number,
  size: number,
  offset: number,
): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(CENTRAL, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(flags, 8);
  h.writeUInt16LE(8, 10);
  h.writeUInt16LE(time, 12);
  h.writeUInt16LE(date, 14);
  h.writeUInt32LE(crc, 16);
  h.writeUInt32LE(compressed, 20);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

/** A copy of the central record of an entry copied as it is, pointing at where its local header now is. */
function movedRecord(data: Buffer, e: ZipEntry, offset: number): Buffer {
  const r = Buffer.from(data.subarray(e.central.at, e.central.at + e.central.length));
  if (r.readUInt32LE(42) !== FULL32) {
    if (offset >= FULL32) fail('copy too large');
    r.writeUInt32LE(offset, 42);
    return r;
  }
  // The offset lives in the zip64 extra field, after whichever sizes are there too.
  const nameLength = r.readUInt16LE(28);
  const extraLength = r.readUInt16LE(30);
  for (let x = 46 + nameLength; x + 4 <= 46 + nameLength + extraLength;) {
    const len = r.readUInt16LE(x + 2);
    if (r.readUInt16LE(x) === 1) {
      let f = x + 4;
      if (r.readUInt32LE(24) === FULL32) f += 8;
      if (r.readUInt32LE(20) === FULL32) f += 8;
      r.writeBigUInt64LE(BigInt(offset), f);
      return r;
    }
    x += 4 + len;
  }
  fail(`zip64 offset of ${e.name}`);
}

/**
 * The package with `changes` made: entries keep their order, replaced ones in place, added ones
 * at the end; every other entry's bytes (from its local header to the next entry) copied as they are.
 * A part in pieces is deflated by the PieceDeflater in `started` for it (given its pieces as they
 * were made), else by one made here.
 */
export async function writeZip(data: Buffer, changes: ZipChanges, started?: ReadonlyMap<string, PieceDeflater>): Promise<Buffer> {
  const entries = zipEntries(data);
  const { end, at: directoryAt } = directory(data);
  // Each entry's stored bytes run from its local header to the next entry's (or to the directory).
  const starts = [...entries.map((e) => e.offset), directoryAt].sort((a, b) => a - b);
  const spanEnd = (offset: number) => starts.find((s) => s > offset) ?? directoryAt;
  const parts: Buffer[] = [];
  const records: Buffer[] = [];
  let written = 0;
  const push = (b: Buffer) => {
    parts.push(b);
    written += b.length;
  };
  const writeNew = async (name: string, content: Buffer | string | string[], time: number, date: number) => {
    let part: DeflatedPart;
    if (Array.isArray(content)) part = await (started?.get(name) ?? PieceDeflater.of(content)).finish();
    else {
      const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
      part = { deflated: deflatePart(bytes), crc: crc32(bytes), size: bytes.length };
    }
    const nameBytes = Buffer.from(name, 'utf8');
    const flags = /^[\x20-\x7e]*$/.test(name) ? 0 : UTF8_NAMES;
    records.push(centralRecord(nameBytes, flags, time, date, part.crc, part.deflated.length, part.size, written));
    push(localHeader(nameBytes, flags, time, date, part.crc, part.deflated.length, part.size));
    push(part.deflated);
  };
  const seen = new Set<string>();
  for (const e of entries) {
    seen.add(e.name);
    const change = changes.get(e.name);
    if (change === null) continue;
    if (change !== undefined) {
      const c = e.central.at;
      await writeNew(e.name, change, data.readUInt16LE(c + 12), data.readUInt16LE(c + 14));
      continue;
    }
    records.push(movedRecord(data, e, written));
    push(data.subarray(e.offset, spanEnd(e.offset)));
  }
  for (const [name, content] of changes)
    if (!seen.has(name) && content !== null) await writeNew(name, content, DOS_EPOCH.time, DOS_EPOCH.date);
  const directoryStart = written;
  for (const r of records) push(r);
  if (records.length >= 0xffff || written >= FULL32) fail('copy too large');
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(EOCD, 0);
  eocd.writeUInt16LE(records.length, 8);
  eocd.writeUInt16LE(records.length, 10);
  eocd.writeUInt32LE(written - directoryStart, 12);
  eocd.writeUInt32LE(directoryStart, 16);
  // The zip's own comment, kept.
  const comment = data.subarray(end + 22, end + 22 + data.readUInt16LE(end + 20));
  eocd.writeUInt16LE(comment.length, 20);
  push(eocd);
  push(Buffer.from(comment));
  return Buffer.concat(parts);
}
