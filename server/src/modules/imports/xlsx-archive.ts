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
