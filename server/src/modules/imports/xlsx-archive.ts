import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { archiveProblem, type ArchiveEntry, type ArchiveLimits } from './imports.rules';

/** The largest data descriptor after an entry's data (signature, CRC, two 64-bit sizes). */
const MAX_DATA_DESCRIPTOR = 24;

/**
 * Why an uploaded .xlsx must not be parsed, or null when it may. An .xlsx is a zip: a few kilobytes can
 * inflate to gigabytes (a zip bomb), and the parser (exceljs, through unzipper) reads it as a stream of local
 * headers, trusting none of the sizes. So before parsing, the file is read with yauzl:
 *   1. the central directory's sizes, against the limits (total, per-entry ratio, entry count);
 *   2. the local entries must tile the file up to the directory, so the streaming parser sees exactly the
 *      entries checked in 1 (a zip can hide extra local entries the directory does not list);
 *   3. every entry is inflated once into nothing, with yauzl stopping at the first byte past its declared size,
 *      so a directory that lies about sizes is caught, and memory stays one chunk.
 * Returns a Chinese message for the uploader; an unreadable zip is a problem too.
 */
export async function xlsxArchiveProblem(filePath: string, limits: ArchiveLimits): Promise<string | null> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(filePath, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false });
  } catch {
    return '文件不是有效的 .xlsx（zip）文件，请用 Excel 另存为「Excel 工作簿 (.xlsx)」后再上传';
  }
  try {
    if (zip.entryCount > limits.maxEntries) return archiveProblem([], limits, zip.entryCount);
    // Where the central directory starts: yauzl begins reading entries there (not in its typings).
    const directoryStart: unknown = (zip as unknown as { readEntryCursor: unknown }).readEntryCursor;
    const entries: Array<ArchiveEntry & { entry: yauzl.Entry }> = [];
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) return '不支持加密的 Excel 文件，请取消密码后再上传';
      entries.push({ name: entry.fileName, compressedSize: entry.compressedSize, uncompressedSize: entry.uncompressedSize, entry });
    }
    const problem = archiveProblem(entries, limits, zip.entryCount);
    if (problem) return problem;

    let expectedStart = 0;
    for (const { entry } of [...entries].sort((a, b) => a.entry.relativeOffsetOfLocalHeader - b.entry.relativeOffsetOfLocalHeader)) {
      if (!withinDescriptor(expectedStart, entry.relativeOffsetOfLocalHeader)) return HIDDEN_ENTRIES;
      const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
      expectedStart = fileDataStart + entry.compressedSize;
    }
    if (typeof directoryStart === 'number' && !withinDescriptor(expectedStart, directoryStart)) return HIDDEN_ENTRIES;

    for (const { entry } of entries) {
      await pipeline(await zip.openReadStreamPromise(entry), new Writable({ write: (_chunk, _encoding, done) => done() }));
    }
    return null;
  } catch {
    // A size that lies, a broken deflate stream, a truncated file: none of it is a readable workbook.
    return '文件已损坏或内容与目录不符，无法读取；请用 Excel 重新保存为 .xlsx 后再上传';
  } finally {
    zip.close();
  }
}

const HIDDEN_ENTRIES = '文件结构异常（含目录未列出的内容），无法读取；请用 Excel 重新保存为 .xlsx 后再上传';

/** Whether `next` starts where the previous entry's data ended, allowing for a data descriptor between. */
function withinDescriptor(end: number, next: number): boolean {
  return next >= end && next - end <= MAX_DATA_DESCRIPTOR;
}

/**
 * Whether any part of an .xlsx holds one of the texts (a mobile, a plate, a name), read a chunk at a time:
 * cells are stored as plain text in the sheet or shared-strings XML, so a byte search of each inflated part
 * finds them. An unreadable file counts as holding them (it cannot be shown not to).
 */
export async function xlsxContainsAny(filePath: string, texts: readonly string[]): Promise<boolean> {
  const needles = texts.filter((text) => text.length > 0).map((text) => Buffer.from(text));
  if (needles.length === 0) return false;
  const overlap = Math.max(...needles.map((needle) => needle.length)) - 1;
  let zip: yauzl.ZipFile | undefined;
  try {
    zip = await yauzl.openPromise(filePath, { lazyEntries: true, autoClose: false });
    for await (const entry of zip.eachEntry()) {
      let tail = Buffer.alloc(0);
      for await (const chunk of await zip.openReadStreamPromise(entry)) {
        // The tail of the previous chunk, so a text split across two chunks is still found.
        const window = Buffer.concat([tail, chunk as Buffer]);
        if (needles.some((needle) => window.includes(needle))) return true;
        tail = window.subarray(Math.max(0, window.length - overlap));
      }
    }
    return false;
  } catch {
    return true;
  } finally {
    zip?.close();
  }
}
