/**
 * A part given to the zip writer as pieces of text (the patched sheet, never joined): the copy
 * holds exactly the joined text, whether it is small (deflated at once, the same bytes as the
 * joined text gives) or large (deflated a batch at a time into one stream), and other readers open it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { writeZip, zipEntries } from '../../src/hosts/file/copy/zip';
import { partTexts } from '../helpers/package';

const example = readFileSync(join(__dirname, '..', '..', 'examples', 'gwy-2020-q1.xlsx'));
const sheet = zipEntries(example).find((e) => e.name.startsWith('xl/worksheets/'))!.name;

describe('a part written as pieces of text', () => {
  it('is stored exactly as the same text joined when it is small', () => {
    const pieces = ['<a>', '王建国', '</a>', '😀'.repeat(10)];
    const copy = writeZip(example, new Map([[sheet, pieces]]));
    expect(copy.equals(writeZip(example, new Map([[sheet, pieces.join('')]])))).toBe(true);
  });

  it('holds the joined text when it is large: batches cut anywhere, characters of every width, one piece larger than a batch', () => {
    // 20 MB of text: pieces of ASCII, Chinese (3 bytes in UTF-8) and emoji (surrogate pairs, 4 bytes), and a 9-million-character piece.
    const pieces: string[] = [];
    for (let i = 0; i < 150_000; i++) pieces.push(`<c r="A${i}"><v>${i}</v></c>`, '优秀', i % 7 === 0 ? '😀' : '');
    pieces.push('😀'.repeat(4_500_000));
    pieces.push('末尾');
    const text = pieces.join('');
    const copy = writeZip(example, new Map([[sheet, pieces]]));
    const entry = zipEntries(copy).find((e) => e.name === sheet)!;
    const start = entry.offset + 30 + copy.readUInt16LE(entry.offset + 26) + copy.readUInt16LE(entry.offset + 28);
    const stored = inflateRawSync(copy.subarray(start, start + entry.compressedSize));
    expect(stored.toString('utf8') === text).toBe(true);
    expect(copy.readUInt32LE(entry.offset + 22)).toBe(Buffer.byteLength(text)); // the size the header declares
    // The CRC-32 the header and the directory declare is the text's.
    expect(copy.readUInt32LE(entry.offset + 14)).toBe(crc32(Buffer.from(text, 'utf8')));
    expect(copy.readUInt32LE(entry.central.at + 16)).toBe(crc32(Buffer.from(text, 'utf8')));
    // Every other part as it was.
    const before = partTexts(example);
    const after = partTexts(copy);
    for (const [name, t] of before) if (name !== sheet) expect(after.get(name)).toBe(t);
  });
});
