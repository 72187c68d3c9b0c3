/**
 * The changes being made to a package: each part read once (inflated within the read budget),
 * what is written or removed kept aside, and the copy's bytes made from the original's by
 * ./zip, which copies every part not named here as it is stored.
 */
import { READ_LIMITS } from '../limits';
import type { PieceDeflater } from './deflate';
import { writeZip, type ZipChanges, ZipPackage } from './zip';

export class PackageEdit {
  private readonly pkg: ZipPackage;
  private readonly changes: ZipChanges = new Map();
  private readonly cache = new Map<string, string | null>();
  /** Parts written in pieces whose deflating began as the pieces were made. */
  private readonly deflating = new Map<string, PieceDeflater>();

  /** `texts`: parts of `data` already inflated (by their exact names), read from there rather than inflated again. */
  constructor(
    readonly data: Buffer,
    texts?: ReadonlyMap<string, string> | null,
  ) {
    this.pkg = new ZipPackage(data, READ_LIMITS.unpackedBytes);
    for (const [name, text] of texts ?? []) if (this.pkg.has(name)) this.cache.set(name, text);
  }

  /** A part's text as it is now in the copy; null when there is no such part. */
  read(name: string): string | null {
    const changed = this.changes.get(name);
    if (changed !== undefined) return changed === null ? null : Array.isArray(changed) ? changed.join('') : changed.toString('utf8');
    if (!this.cache.has(name)) this.cache.set(name, this.pkg.text(name));
    return this.cache.get(name)!;
  }

  /** The part written (replaced, or added); unchanged text is not written, so the part stays as stored. */
  write(name: string, text: string): void {
    if (this.changes.get(name) === undefined && this.pkg.has(name) && this.read(name) === text) return;
    // Kept as bytes, and the original's text let go: a sheet of 100,000 rows is 80 million characters.
    this.cache.delete(name);
    this.deflating.delete(name);
    this.changes.set(name, Buffer.from(text, 'utf8'));
  }

  /**
   * The part written as pieces of text, deflated one after the other when the copy is made (./zip):
   * the patched sheet is never one string. Kept only when it differs from the part as it is.
   * `deflating`: the deflater given each piece as it was made (./deflate), its work used for the copy.
   */
  writeParts(name: string, parts: string[], deflating?: PieceDeflater): void {
    const length = parts.reduce((n, p) => n + p.length, 0);
    // Only a text of the same length can be the same text: then (rarely) compared whole.
    if (
      this.changes.get(name) === undefined &&
      this.pkg.has(name) &&
      this.read(name)!.length === length &&
      this.read(name) === parts.join('')
    )
      return;
    this.changes.set(name, parts);
    this.cache.delete(name);
    if (deflating) this.deflating.set(name, deflating);
    else this.deflating.delete(name);
  }

  remove(name: string): void {
    this.deflating.delete(name);
    if (this.pkg.has(name)) this.changes.set(name, null);
    else this.changes.delete(name);
  }

  exists(name: string): boolean {
    const changed = this.changes.get(name);
    return changed === undefined ? this.pkg.has(name) : changed !== null;
  }

  names(): string[] {
    return [...new Set([...this.pkg.names(), ...this.changes.keys()])].filter((n) => this.exists(n));
  }

  /** The parts changed, added or removed, by name. */
  changed(): string[] {
    return [...this.changes.keys()];
  }

  bytes(): Promise<Buffer> {
    return writeZip(this.data, this.changes, this.deflating);
  }
}
