/**
 * A part given to the zip writer as pieces of text (the patched sheet, never joined): the copy
 * holds exactly the joined text, whether it is small (deflated at once, the same bytes as the
 * joined text gives) or large (deflated a batch at a time into one stream), and other readers open
 * it. The batches are deflated on zlib's threads (src/hosts/file/copy/deflate.ts), while the patch
 * still makes pieces: the bytes are those the synchronous writer made before, batch for batch.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import type { CellContent } from '../../src/engine';
import { type DeflatedPart, PieceDeflater } from '../../src/hosts/file/copy/deflate';
import { type CellEdit, patchSheetParts } from '../../src/hosts/file/copy/sheet-patch';
import { writeZip, zipEntries } from '../../src/hosts/file/copy/zip';
import { partTexts } from '../helpers/package';

const example = readFileSync(join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));
const sheet = zipEntries(example).find((e) => e.name.startsWith('xl/worksheets/'))!.name;

/**
 * The synchronous writer the copy used before its batches went to zlib's threads (zip.ts's
 * deflatePieces, as it was): every batch deflated here, one after the other. The reference the
 * asynchronous one must match byte for byte.
 */
function deflatePiecesSync(pieces: string[]): DeflatedPart {
  const [LARGE_PART, BATCH_BYTES, LARGE_LEVEL] = [4 * 1024 * 1024, 4 * 1024 * 1024, 1];
  let crc = 0;
  let size = 0;
  let held: Buffer[] = [];
  let heldBytes = 0;
  let streaming = false;
  const out: Buffer[] = [];
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { level: LARGE_LEVEL, finishFlush: constants.Z_SYNC_FLUSH });
  const feed = (bytes: Buffer) => {
    crc = crc32(bytes, crc);
    size += bytes.length;
    if (streaming) {
      out.push(flushed(bytes));
      return;
    }
    held.push(bytes);
    heldBytes += bytes.length;
    if (heldBytes <= LARGE_PART) return;
    streaming = true;
    for (const b of held) out.push(flushed(b));
    [held, heldBytes] = [[], 0];
  };
  const buffer = Buffer.allocUnsafe(BATCH_BYTES);
  let used = 0;
  const feedBuffer = () => {
    if (used > 0) feed(streaming ? buffer.subarray(0, used) : Buffer.from(buffer.subarray(0, used)));
    used = 0;
  };
  for (const p of pieces) {
    if (p.length * 3 <= BATCH_BYTES - used) {
      used += buffer.write(p, used, 'utf8');
      continue;
    }
    feedBuffer();
    if (p.length * 3 <= BATCH_BYTES) {
      used = buffer.write(p, 0, 'utf8');
      continue;
    }
    for (let i = 0; i < p.length;) {
      let end = Math.min(p.length, i + Math.floor(BATCH_BYTES / 3));
      const last = p.charCodeAt(end - 1);
      if (end < p.length && last >= 0xd800 && last <= 0xdbff) end--;
      used = buffer.write(p.slice(i, end), 0, 'utf8');
      feedBuffer();
      i = end;
    }
  }
  feedBuffer();
  if (!streaming) {
    const bytes = Buffer.concat(held);
    return { deflated: deflateRawSync(bytes, { level: bytes.length > LARGE_PART ? LARGE_LEVEL : 6 }), crc, size };
  }
  out.push(deflateRawSync(Buffer.alloc(0), { level: LARGE_LEVEL }));
  return { deflated: Buffer.concat(out), crc, size };
}

/** The stored (deflated) bytes of a part of the zip `data`. */
function storedBytes(data: Buffer, name: string): Buffer {
  const e = zipEntries(data).find((x) => x.name === name)!;
  const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
  return data.subarray(start, start + e.compressedSize);
}

const value = (v: CellContent['value'], formula: string | null = null): CellContent => ({ value: v, formula, numFmt: null });

/** A graded sheet of `rows` rows × 8 columns (names, numbers, a grade in Chinese), and the plan's edits: a score and a grade per row. */
function generatedSheet(rows: number): { xml: string; edits: CellEdit[] } {
  const names = ['王建国', '李秀英', '张伟', '刘洋', '陈静', '杨帆', '赵磊', '黄敏'];
  const grades = ['优秀', '称职', '基本称职', '不称职'];
  const data: string[] = [];
  const edits: CellEdit[] = [];
  for (let r = 2; r <= rows + 1; r++) {
    const n = r * 7919;
    data.push(
      `<row r="${r}" spans="1:8"><c r="A${r}"><v>${r - 1}</v></c><c r="B${r}" t="inlineStr"><is><t>${names[n % 8]}${r}</t></is></c>` +
        `<c r="C${r}" s="3"><v>${(n % 400) / 10 + 60}</v></c><c r="D${r}" s="3"><v>${(n % 97) / 3}</v></c><c r="E${r}"><f>C${r}+D${r}</f><v>0</v></c>` +
        `<c r="F${r}"/><c r="G${r}" s="5"/><c r="H${r}" t="inlineStr"><is><t>备注 ${n % 13 === 0 ? '请假😀' : ''}</t></is></c></row>`,
    );
    edits.push({ row: r, col: 6, content: value((n % 400) / 10 + 60 + (n % 97) / 3, `=C${r}+D${r}`) });
    edits.push({ row: r, col: 7, content: value(grades[n % 4]!), restyle: (s) => s + 10 });
    if (n % 11 === 0) edits.push({ row: r, col: 9, content: value(n % 5) }); // a new column
  }
  const xml =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
    `<dimension ref="A1:H${rows + 1}"/><cols><col min="1" max="8" width="12" customWidth="1"/></cols><sheetData>` +
    `<row r="1"><c r="A1" t="inlineStr"><is><t>序号</t></is></c></row>${data.join('')}</sheetData></worksheet>`;
  return { xml, edits };
}

describe('a part written as pieces of text', () => {
  it('is stored exactly as the same text joined when it is small', async () => {
    const pieces = ['<a>', '王建国', '</a>', '😀'.repeat(10)];
    const copy = await writeZip(example, new Map([[sheet, pieces]]));
    expect(copy.equals(await writeZip(example, new Map([[sheet, pieces.join('')]])))).toBe(true);
  });

  it('holds the joined text when it is large: batches cut anywhere, characters of every width, one piece larger than a batch', async () => {
    // 20 MB of text: pieces of ASCII, Chinese (3 bytes in UTF-8) and emoji (surrogate pairs, 4 bytes), and a 9-million-character piece.
    const pieces: string[] = [];
    for (let i = 0; i < 150_000; i++) pieces.push(`<c r="A${i}"><v>${i}</v></c>`, '优秀', i % 7 === 0 ? '😀' : '');
    pieces.push('😀'.repeat(4_500_000));
    pieces.push('末尾');
    const text = pieces.join('');
    const copy = await writeZip(example, new Map([[sheet, pieces]]));
    const entry = zipEntries(copy).find((e) => e.name === sheet)!;
    const stored = inflateRawSync(storedBytes(copy, sheet));
    expect(stored.toString('utf8') === text).toBe(true);
    expect(copy.readUInt32LE(entry.offset + 22)).toBe(Buffer.byteLength(text)); // the size the header declares
    // The CRC-32 the header and the directory declare is the text's.
    expect(copy.readUInt32LE(entry.offset + 14)).toBe(crc32(Buffer.from(text, 'utf8')));
    expect(copy.readUInt32LE(entry.central.at + 16)).toBe(crc32(Buffer.from(text, 'utf8')));
    // The same bytes as the synchronous writer's, batch for batch.
    expect(storedBytes(copy, sheet).equals(deflatePiecesSync(pieces).deflated)).toBe(true);
    // Every other part as it was.
    const before = partTexts(example);
    const after = partTexts(copy);
    for (const [name, t] of before) if (name !== sheet) expect(after.get(name)).toBe(t);
  });
});

describe('the patched sheet deflated while the patch goes on', () => {
  it.each([
    ['small (one batch, deflated at level 6 at the end)', 300],
    ['large (about 19 MB: batches deflated on zlib’s threads during the patch, then after it)', 30_000],
  ])('gives the bytes, CRC and size the synchronous writer gave: %s', async (_what, rows) => {
    const { xml, edits } = generatedSheet(rows);
    const deflater = new PieceDeflater();
    const given: string[] = [];
    const patched = patchSheetParts(xml, edits, [9], (piece) => {
      given.push(piece);
      deflater.push(piece);
    });
    // The pieces given as they were made are the patch's pieces, and the same as a patch without a listener makes.
    expect(given).toEqual(patched.parts);
    const alone = patchSheetParts(xml, edits, [9]).parts;
    expect(patched.parts).toEqual(alone);
    const text = alone.join('');
    // The patch did its work (compared as booleans: the text is megabytes long).
    expect(text.includes('<c r="G2" s="15" t="inlineStr"><is><t xml:space="preserve">基本称职</t></is></c>')).toBe(true);
    expect(text.includes('<col min="9" max="9" width="12" customWidth="1"/>')).toBe(true);
    const bytes = Buffer.from(text, 'utf8');
    expect(bytes.length > 4 * 1024 * 1024).toBe(rows > 1000);
    const part = await deflater.finish();
    const reference = deflatePiecesSync(alone);
    expect(part.deflated.equals(reference.deflated)).toBe(true);
    expect([part.crc, part.size]).toEqual([reference.crc, reference.size]);
    expect([part.crc, part.size]).toEqual([crc32(bytes), bytes.length]);
    expect(inflateRawSync(part.deflated).equals(bytes)).toBe(true);
    // Through the zip writer, with the deflater begun during the patch: the part as the synchronous writer stored it.
    const copy = await writeZip(example, new Map([[sheet, alone]]), new Map([[sheet, PieceDeflater.of(alone)]]));
    expect(storedBytes(copy, sheet).equals(reference.deflated)).toBe(true);
    const entry = zipEntries(copy).find((e) => e.name === sheet)!;
    expect([copy.readUInt32LE(entry.offset + 14), copy.readUInt32LE(entry.offset + 22)]).toEqual([reference.crc, reference.size]);
  });

  it('gives the same bytes for text that hardly compresses (more output than the buffer first given for it)', async () => {
    // 10 MB of pseudo-random letters, digits and Chinese characters (a fixed seed): deflated to well over a quarter of its size.
    let seed = 19;
    const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789优秀称职';
    const pieces = Array.from({ length: 10_000 }, () => {
      let piece = '';
      for (let i = 0; i < 1000; i++) {
        // xorshift32
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        piece += letters[(seed >>> 0) % letters.length];
      }
      return piece;
    });
    const part = await PieceDeflater.of(pieces).finish();
    const reference = deflatePiecesSync(pieces);
    expect(part.deflated.length > part.size / 3).toBe(true); // a batch gets an output buffer of a quarter of its size
    expect(part.deflated.equals(reference.deflated)).toBe(true);
    expect([part.crc, part.size]).toEqual([reference.crc, reference.size]);
  });

  it('rejects with zlib’s own error when a batch cannot be deflated, whatever batches are still out', async () => {
    let deflater: typeof PieceDeflater | undefined;
    jest.isolateModules(() => {
      jest.doMock('node:zlib', () => {
        const zlib = jest.requireActual<typeof import('node:zlib')>('node:zlib');
        let calls = 0;
        return {
          ...zlib,
          // Every second batch fails as zlib reports a failure: asynchronously, with an error.
          deflateRaw: (bytes: Buffer, options: object, cb: (e: Error | null, out: Buffer) => void) =>
            ++calls % 2 === 0
              ? setImmediate(() => cb(Object.assign(new Error('zlib: out of memory'), { code: 'Z_MEM_ERROR' }), Buffer.alloc(0)))
              : zlib.deflateRaw(bytes, options, cb),
        };
      });
      deflater = (require('../../src/hosts/file/copy/deflate') as typeof import('../../src/hosts/file/copy/deflate')).PieceDeflater;
    });
    jest.dontMock('node:zlib');
    const pieces = Array.from({ length: 30_000 }, (_, i) => `<c r="A${i}"><v>${i * 7}</v></c>`.repeat(20));
    await expect(deflater!.of(pieces).finish()).rejects.toThrow('zlib: out of memory');
    // A part closed and then not wanted (the patch left it as it was) fails unseen: no unhandled rejection.
    const unhandled: unknown[] = [];
    const listener = (e: unknown) => unhandled.push(e);
    process.on('unhandledRejection', listener);
    try {
      const left = deflater!.of(pieces);
      left.close();
      expect(() => left.push('<c/>')).toThrow('a piece after the part was closed');
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      process.off('unhandledRejection', listener);
    }
    expect(unhandled).toEqual([]);
  });
});
