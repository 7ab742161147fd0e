import { z } from 'zod';
import { ComplaintCategory, ComplaintSource, ComplaintStatus, SurveyKind } from './enums.contract';
import { dateTimeSchema, idQuerySchema, idSchema, pageOf, pageQuerySchema } from './common.contract';

export const surveyKindSchema = z.enum(SurveyKind);
export const complaintStatusSchema = z.enum(ComplaintStatus);
export const complaintCategorySchema = z.enum(ComplaintCategory);

export const surveySchema = z.object({
  id: z.number().int(),
  kind: surveyKindSchema,
  subjectId: z.number().int(),
  store: z.object({ id: z.number().int(), name: z.string() }),
  /** What it asks about, in words: "保养维修 · 沪A12345" or "试驾 · 曙光 L 轿车" (sentAt says when). */
  subject: z.string(),
  sentAt: dateTimeSchema,
  answeredAt: dateTimeSchema.nullable(),
  nps: z.number().int().nullable(),
  csat: z.number().int().nullable(),
  comment: z.string().nullable(),
  /** Points the answer earns (0 when the rule is off). */
  rewardPoints: z.number().int(),
});

export const mySurveysQuerySchema = pageQuerySchema.extend({ pending: z.enum(['true', 'false']).optional() });
export const surveyPageSchema = pageOf(surveySchema);

export const answerSurveySchema = z
  .object({
    nps: z.number({ error: '请选择推荐意愿' }).int().min(0).max(10),
    csat: z.number({ error: '请选择满意度' }).int().min(1).max(5),
    comment: z.string().trim().max(500).nullish(),
  })
  .strict();

export const staffSurveyQuerySchema = pageQuerySchema.extend({
  kind: surveyKindSchema.optional(),
  storeId: idQuerySchema.optional(),
  answered: z.enum(['true', 'false']).optional(),
  detractors: z.enum(['true', 'false']).optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export const staffSurveySchema = surveySchema.extend({
  customer: z.object({ id: z.number().int(), name: z.string().nullable(), mobile: z.string().nullable() }),
  complaintId: z.number().int().nullable(),
});
export const staffSurveyPageSchema = pageOf(staffSurveySchema);

/** NPS = % promoters (9–10) − % detractors (0–6), over answered surveys; CSAT = mean of 1–5. */
export const surveySummarySchema = z.object({
  sent: z.number().int(),
  answered: z.number().int(),
  responseRate: z.number(),
  nps: z.number().nullable(),
  csatAverage: z.number().nullable(),
  promoters: z.number().int(),
  passives: z.number().int(),
  detractors: z.number().int(),
});

export const raiseComplaintSchema = z
  .object({
    category: complaintCategorySchema,
    content: z.string().trim().min(5, '请描述问题（至少 5 个字）').max(1000),
    /** The store it is about; defaults to the store of the customer's car. */
    storeId: idSchema.nullish(),
  })
  .strict();

/** Staff recording a complaint made by phone or at the counter. */
export const staffComplaintSchema = z
  .object({
    customerId: idSchema,
    storeId: idSchema,
    category: complaintCategorySchema,
    content: z.string().trim().min(5, '请描述问题（至少 5 个字）').max(1000),
  })
  .strict();

export const complaintNoteSchema = z.object({
  id: z.number().int(),
  staff: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  status: complaintStatusSchema.nullable(),
  note: z.string(),
  createdAt: dateTimeSchema,
});

export const complaintSchema = z.object({
  id: z.number().int(),
  source: z.enum(ComplaintSource),
  category: complaintCategorySchema,
  content: z.string(),
  status: complaintStatusSchema,
  store: z.object({ id: z.number().int(), name: z.string() }),
  customer: z.object({ id: z.number().int(), name: z.string().nullable(), mobile: z.string().nullable() }),
  assignee: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  surveyId: z.number().int().nullable(),
  firstResponseDueAt: dateTimeSchema,
  firstRespondedAt: dateTimeSchema.nullable(),
  /** The first response is late (not given and past due, or given after it). */
  overdue: z.boolean(),
  escalatedAt: dateTimeSchema.nullable(),
  resolution: z.string().nullable(),
  resolvedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});
export const complaintDetailSchema = complaintSchema.extend({ notes: z.array(complaintNoteSchema) });
export const complaintPageSchema = pageOf(complaintSchema);

/** The customer's own view: no staff names or internal notes. */
export const myComplaintSchema = complaintSchema.pick({ id: true, source: true, category: true, content: true, status: true, store: true, resolution: true, createdAt: true, resolvedAt: true });
export const myComplaintListSchema = z.array(myComplaintSchema);

export const complaintQuerySchema = pageQuerySchema.extend({
  status: complaintStatusSchema.optional(),
  storeId: idQuerySchema.optional(),
  category: complaintCategorySchema.optional(),
  overdue: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(32).optional(),
});

export const addComplaintNoteSchema = z
  .object({
    note: z.string().trim().min(1, '请填写处理记录').max(1000),
    /** Moves the ticket on: OPEN → IN_PROGRESS → RESOLVED → CLOSED (RESOLVED may reopen to IN_PROGRESS). */
    status: complaintStatusSchema.optional(),
    /** Required when resolving: what was done for the customer. */
    resolution: z.string().trim().max(1000).optional(),
  })
  .strict();

export type RaiseComplaintInput = z.infer<typeof raiseComplaintSchema>;
export type StaffComplaintInput = z.infer<typeof staffComplaintSchema>;
export type AddComplaintNoteInput = z.infer<typeof addComplaintNoteSchema>;
export type ComplaintQuery = z.infer<typeof complaintQuerySchema>;
export type StaffSurveyQuery = z.infer<typeof staffSurveyQuerySchema>;
