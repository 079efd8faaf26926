/**
 * Just enough of the ZIP format (APPNOTE 6.3) to read a workbook by random access: the central
 * directory at the end of the file, then any entry, inflated as a stream (issue #11). Random
 * access, not a forward-only unzip, because Excel writes xl/sharedStrings.xml after the sheets
 * and the strings are needed first; reading them first keeps the sheet a single streaming pass.
 *
 * Guarding against hostile archives is the caller's job (src/io/xlsx/limits.ts): the sizes a
 * directory declares may lie, so inflated bytes are counted as they come, never trusted.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import { createInflateRaw } from 'node:zlib';
import type { Readable } from 'node:stream';
import { InputError } from '../../errors.js';
import { t } from '../../i18n/index.js';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

export class ZipFile {
  private constructor(
    private readonly path: string,
    private readonly label: string,
    private readonly fh: FileHandle,
    readonly entries: Map<string, ZipEntry>,
  ) {}

  /** Reads the central directory; `fh` stays owned by the caller. */
  static async open(path: string, label: string, fh: FileHandle, size: number): Promise<ZipFile> {
    const broken = (why: string) => new InputError(t('xlsx.broken', { label, why }));
    const tailLength = Math.min(size, 22 + MAX_COMMENT);
    const tail = await readAt(fh, size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) { at = i; break; }
    if (at < 0) throw broken(t('xlsx.noEocd'));
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if ((dirOffset === 0xffffffff || count === 0xffff) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const recordAt = Number(tail.readBigUInt64LE(at - 20 + 8));
      const rec = await readAt(fh, recordAt, 56);
      if (rec.length < 56 || rec.readUInt32LE(0) !== ZIP64_EOCD) throw broken(t('xlsx.zip64'));
      count = Number(rec.readBigUInt64LE(32));
      dirSize = Number(rec.readBigUInt64LE(40));
      dirOffset = Number(rec.readBigUInt64LE(48));
    }
    if (dirOffset + dirSize > size || count > 100_000) throw broken(t('xlsx.dirOutside'));
    const dir = await readAt(fh, dirOffset, dirSize);
    const entries = new Map<string, ZipEntry>();
    let p = 0;
    for (let k = 0; k < count; k++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw broken(t('xlsx.dir'));
      const nameLength = dir.readUInt16LE(p + 28), extraLength = dir.readUInt16LE(p + 30), commentLength = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localOffset: dir.readUInt32LE(p + 42),
      };
      readZip64Extra(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), entry);
      // Names compare case-insensitively: some writers spell parts `xl/SharedStrings.xml`.
      entries.set(entry.name.replace(/^\//, '').toLowerCase(), entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return new ZipFile(path, label, fh, entries);
  }

  get(name: string): ZipEntry | undefined {
    return this.entries.get(name.replace(/^\//, '').toLowerCase());
  }

  /** The entry's bytes, inflated, as a stream. */
  async stream(entry: ZipEntry): Promise<Readable> {
    const head = await readAt(this.fh, entry.localOffset, 30);
    if (head.length < 30 || head.readUInt32LE(0) !== LOCAL) throw new InputError(t('xlsx.broken', { label: this.label, why: t('xlsx.entry', { name: entry.name }) }));
    const start = entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
    if (entry.method !== 0 && entry.method !== 8) {
      throw new InputError(t('xlsx.broken', { label: this.label, why: t('xlsx.method', { name: entry.name, method: String(entry.method) }) }));
    }
    if (entry.compressedSize === 0) {
      const { Readable: R } = await import('node:stream');
      return R.from([]);
    }
    const raw = createReadStream(this.path, { start, end: start + entry.compressedSize - 1, highWaterMark: 256 * 1024 });
    if (entry.method === 0) return raw;
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    raw.on('error', (e) => inflate.destroy(e));
    return raw.pipe(inflate);
  }
}

/** ZIP64 extended information (header 0x0001): the sizes and offset that did not fit 32 bits. */
function readZip64Extra(extra: Buffer, entry: ZipEntry): void {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p), length = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      let q = p + 4;
      const next = () => { const v = q + 8 <= p + 4 + length ? Number(extra.readBigUInt64LE(q)) : undefined; q += 8; return v; };
      if (entry.size === 0xffffffff) entry.size = next() ?? entry.size;
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = next() ?? entry.compressedSize;
      if (entry.localOffset === 0xffffffff) entry.localOffset = next() ?? entry.localOffset;
      return;
    }
    p += 4 + length;
  }
}
