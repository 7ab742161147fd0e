import { z } from 'zod';
import { dateTimeSchema, pageOf, pageQuerySchema } from './common.contract';

/** 线索 (leads) and 客户与车辆 (customers with their cars, e.g. a legacy DMS export). */
export const IMPORT_KINDS = ['leads', 'customer-vehicles'] as const;
export const importKindSchema = z.enum(IMPORT_KINDS, { message: '导入类型只能是 leads 或 customer-vehicles' });
export type ImportKind = z.infer<typeof importKindSchema>;

export const IMPORT_STATUSES = ['VALIDATING', 'VALIDATED', 'COMMITTING', 'COMMITTED', 'FAILED'] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

export const importKindParamSchema = z.object({ kind: importKindSchema });

export const importListQuerySchema = pageQuerySchema.extend({ kind: importKindSchema.optional() });
export type ImportListQuery = z.infer<typeof importListQuerySchema>;

export const importErrorsQuerySchema = pageQuerySchema.extend({ pageSize: z.coerce.number().int().min(1).max(200).default(50) });

/** One bad cell: the row as Excel numbers it (the header is row 1), the column's Chinese header, what is wrong. */
export const importRowErrorSchema = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
});
export type ImportRowError = z.infer<typeof importRowErrorSchema>;

/** How many row errors a job keeps (errorCount counts them all), and how many the job itself shows. */
export const STORED_ERRORS = 1000;
export const SHOWN_ERRORS = 200;

const importJobFields = {
  id: z.number().int(),
  kind: importKindSchema,
  fileName: z.string(),
  status: z.enum(IMPORT_STATUSES),
  /** Data rows in the file (blank rows left out); 0 until the dry run has read the whole file. */
  totalRows: z.number().int(),
  /** Rows read so far by the running dry run or commit: the progress. */
  processedRows: z.number().int(),
  /** Rows without errors that would be (or were) written; duplicates are not counted. */
  validRows: z.number().int(),
  errorCount: z.number().int(),
  createdCount: z.number().int(),
  /** Duplicates: already in the database, or a repeat of an identical earlier row of the file. */
  skippedCount: z.number().int(),
  failureMessage: z.string().nullable(),
  createdBy: z.object({ id: z.number().int(), name: z.string() }),
  createdAt: dateTimeSchema,
  finishedAt: dateTimeSchema.nullable(),
};

export const importJobSummarySchema = z.object(importJobFields);
export const importJobSchema = z.object({ ...importJobFields, errors: z.array(importRowErrorSchema) });
export const importJobPageSchema = pageOf(importJobSummarySchema);
export const importErrorPageSchema = pageOf(importRowErrorSchema).extend({
  /** Every error the dry run found; `total` is how many of them were kept (the first 1,000). */
  errorCount: z.number().int(),
});
