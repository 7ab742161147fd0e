import { downloadFile, request, type Paged } from './client';

// Mirrors server/src/contracts/imports.contract.ts: Excel imports (数据导入) of leads, and of customers with
// their cars. An upload is checked first (the dry run); only an error-free file can be committed.

export const IMPORT_KINDS = ['leads', 'customer-vehicles'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { leads: '线索', 'customer-vehicles': '客户与车辆' };

export type ImportStatus = 'VALIDATING' | 'VALIDATED' | 'COMMITTING' | 'COMMITTED' | 'FAILED';

export interface ImportRowError {
  /** The row as Excel numbers it (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportJobSummary {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  /** 0 until the dry run has read the whole file. */
  totalRows: number;
  processedRows: number;
  validRows: number;
  errorCount: number;
  createdCount: number;
  skippedCount: number;
  failureMessage: string | null;
  createdBy: { id: number; name: string };
  createdAt: string;
  finishedAt: string | null;
}

export interface ImportJob extends ImportJobSummary {
  /** The first 200 errors. */
  errors: ImportRowError[];
}

export interface ImportErrorPage extends Paged<ImportRowError> {
  /** Every error found; `total` is how many were kept (the first 1,000). */
  errorCount: number;
}

export const isRunning = (status: ImportStatus) => status === 'VALIDATING' || status === 'COMMITTING';

export function downloadImportTemplate(kind: ImportKind): Promise<string> {
  return downloadFile(`/imports/templates/${kind}`);
}

export function uploadImport(kind: ImportKind, file: File): Promise<ImportJob> {
  const form = new FormData();
  form.append('file', file, file.name);
  return request<ImportJob>(`/imports/${kind}`, { method: 'POST', body: form });
}

export function fetchImport(id: number, signal?: AbortSignal): Promise<ImportJob> {
  return request<ImportJob>(`/imports/${id}`, { signal });
}

export function listImportErrors(id: number, page: number, pageSize: number, signal?: AbortSignal): Promise<ImportErrorPage> {
  return request<ImportErrorPage>(`/imports/${id}/errors`, { query: { page, pageSize }, signal });
}

export function listImports(query: { kind?: ImportKind; page: number; pageSize: number }, signal?: AbortSignal): Promise<Paged<ImportJobSummary>> {
  return request<Paged<ImportJobSummary>>('/imports', { query, signal });
}

export function commitImport(id: number): Promise<ImportJob> {
  return request<ImportJob>(`/imports/${id}/commit`, { method: 'POST' });
}
