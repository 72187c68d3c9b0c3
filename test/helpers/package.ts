/** Looks into .xlsx packages for tests of the copy written into the input's own package. */
import { inflateRawSync } from 'node:zlib';
import { zipEntries } from '../../src/hosts/file/copy/zip';

/** Each entry's stored bytes as the zip holds them (compressed data, method and CRC), by name. */
export function storedEntries(data: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of zipEntries(data)) {
    const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
    // Method, CRC and sizes from the central record (a local header may defer them to a data descriptor).
    const c = e.central.at;
    out.set(
      e.name,
      Buffer.concat([data.subarray(c + 10, c + 12), data.subarray(c + 16, c + 28), data.subarray(start, start + e.compressedSize)]),
    );
  }
  return out;
}

/** Each part's text, by name. */
export function partTexts(data: Buffer): Map<string, string> {
  const out = new Map<string, string>();
  for (const e of zipEntries(data)) {
    const start = e.offset + 30 + data.readUInt16LE(e.offset + 26) + data.readUInt16LE(e.offset + 28);
    const raw = data.subarray(start, start + e.compressedSize);
    out.set(e.name, (e.method === 0 ? raw : inflateRawSync(raw)).toString('utf8'));
  }
  return out;
}
