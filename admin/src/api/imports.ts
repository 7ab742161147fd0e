import { IMPORT_KINDS, type ImportKind, type ImportRowError, type ImportStatus } from 'server/contracts/imports.contract';
import type * as contract from 'server/contracts/imports.contract';
import { downloadFile, request, type Paged } from './client';
import type { Wire } from 'server/contracts/wire.contract';

// Excel imports (数据导入) of leads, and of customers with their cars, as server/contracts/imports.contract
// defines them. An upload is checked first (the dry run); only an error-free file can be committed.

export { IMPORT_KINDS, type ImportKind, type ImportRowError, type ImportStatus };

export const IMPORT_KIND_LABELS: Record<ImportKind, string> = { leads: '线索', 'customer-vehicles': '客户与车辆' };


export type ImportJobSummary = Wire<typeof contract.importJobSummarySchema>;
export type ImportJob = Wire<typeof contract.importJobSchema>;
/** `errorCount` is every error found; `total` is how many were kept (the first 1,000). */
export type ImportErrorPage = Wire<typeof contract.importErrorPageSchema>;

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

export function listImports(query: contract.ImportListQuery, signal?: AbortSignal): Promise<Paged<ImportJobSummary>> {
  return request<Paged<ImportJobSummary>>('/imports', { query, signal });
}

export function commitImport(id: number): Promise<ImportJob> {
  return request<ImportJob>(`/imports/${id}/commit`, { method: 'POST' });
}
