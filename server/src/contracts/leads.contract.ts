import { z } from 'zod';
import { FollowUpType, LeadSource, LeadStage, LostReason, TaskKind, TaskStatus, ApprovalStatus, AssignmentMode } from './enums.contract';
import { dateTimeSchema, fenAmount, idQuerySchema, idSchema, mobileSchema, pageOf, pageQuerySchema } from './common.contract';

export const leadSourceSchema = z.enum(LeadSource);
export const leadStageSchema = z.enum(LeadStage);
export const lostReasonSchema = z.enum(LostReason);
export const followUpTypeSchema = z.enum(FollowUpType);

const fen = fenAmount();
/** One option or fee on a quote: at most 100,000 CNY, so 50 lines and the MSRP still fit the total's INT column. */
const quoteLineFen = fenAmount(10_000_000);
const id = idSchema;
const named = z.object({ id: z.number().int(), name: z.string() });

export const createLeadSchema = z
  .object({
    name: z.string().trim().min(1, '请输入客户姓名').max(64),
    mobile: mobileSchema,
    source: leadSourceSchema,
    storeId: id,
    intendedModelId: id.nullish(),
    budgetMin: fen.nullish(),
    budgetMax: fen.nullish(),
    note: z.string().trim().max(1000).nullish(),
  })
  // Strict: an unknown key (a `referrerCustomerId`, say) is refused, so staff cannot assign referral credit.
  .strict()
  .refine((lead) => lead.budgetMin == null || lead.budgetMax == null || lead.budgetMin <= lead.budgetMax, {
    path: ['budgetMax'],
    message: '预算上限不能低于下限',
  });

export const nextFollowUpSchema = z.object({
  dueAt: z.iso.datetime({ offset: true, message: '请填写下次跟进时间（ISO 8601）' }),
  purpose: z.string().trim().min(1, '请填写跟进目的').max(255),
});

export const logFollowUpSchema = z
  .object({
    type: followUpTypeSchema,
    outcome: z.string().trim().min(1, '请填写跟进结果').max(64),
    note: z.string().trim().max(2000).nullish(),
    nextFollowUp: nextFollowUpSchema.nullish(),
  })
  .strict();

export const needsSchema = z
  .object({
    budget: z.string().trim().max(200).optional(),
    use: z.string().trim().max(200).optional(),
    concerns: z.string().trim().max(500).optional(),
  })
  .strict();

export const changeStageSchema = z
  .object({
    stage: leadStageSchema,
    nextFollowUp: nextFollowUpSchema.nullish(),
    lostReason: lostReasonSchema.nullish(),
    lostNote: z.string().trim().max(1000).nullish(),
    needs: needsSchema.nullish(),
    testDriveFeedback: z.string().trim().max(1000).nullish(),
    order: z
      .object({ quoteId: id, financePlan: z.string().trim().max(255).nullish(), depositFen: fen })
      .strict()
      .nullish(),
    delivery: z
      .object({
        vin: z.string().trim().toUpperCase().max(17),
        pdiDone: z.boolean(),
        insuranceDone: z.boolean(),
        temporaryPlateDone: z.boolean(),
        handoverDone: z.boolean(),
      })
      .strict()
      .nullish(),
  })
  .strict();

export const assignLeadSchema = z.object({ staffId: id }).strict();

export const leadListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(64).optional(),
  stage: leadStageSchema.optional(),
  source: leadSourceSchema.optional(),
  assigneeId: idQuerySchema.optional(),
  storeId: idQuerySchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});

export const leadSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  mobile: z.string(),
  source: leadSourceSchema,
  stage: leadStageSchema,
  store: named,
  intendedModel: named.nullable(),
  budgetMin: z.number().int().nullable(),
  budgetMax: z.number().int().nullable(),
  assignedTo: named.nullable(),
  customer: z.object({ id: z.number().int() }),
  nextFollowUpAt: dateTimeSchema.nullable(),
  lastContactedAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});

export const createdLeadSchema = z.union([
  leadSummarySchema.extend({
    /** true when the capture joined the customer's open lead at the store instead of creating one. */
    joined: z.boolean(),
  }),
  /** Joined an open lead outside the caller's scope (a colleague's): which lead, nothing of its customer or consultant. */
  z.object({ joined: z.literal(true), leadId: z.number().int() }).strict(),
]);

export const taskSchema = z.object({
  id: z.number().int(),
  leadId: z.number().int().nullable(),
  kind: z.enum(TaskKind),
  purpose: z.string(),
  dueAt: dateTimeSchema,
  status: z.enum(TaskStatus),
  completedAt: dateTimeSchema.nullable(),
  assignee: named,
  lead: z.object({ id: z.number().int(), name: z.string(), stage: leadStageSchema }).nullable(),
});

export const timelineEntrySchema = z.object({
  at: dateTimeSchema,
  kind: z.enum(['TOUCH', 'FOLLOW_UP', 'STAGE', 'ASSIGNMENT', 'TASK', 'QUOTE', 'ORDER', 'DELIVERY', 'TEST_DRIVE']),
  title: z.string(),
  detail: z.string().nullable(),
  staff: named.nullable(),
});

export const quoteLineSchema = z.object({
  kind: z.enum(['OPTION', 'FEE']),
  name: z.string().trim().min(1).max(64),
  amountFen: quoteLineFen,
});

export const createQuoteSchema = z
  .object({ trimId: id, lines: z.array(quoteLineSchema).max(50).default([]), discountFen: fen.default(0) })
  .strict();

export const quoteSchema = z.object({
  id: z.number().int(),
  leadId: z.number().int(),
  trim: z.object({ id: z.number().int(), name: z.string(), modelName: z.string() }),
  msrpFen: z.number().int(),
  /** As saved: lines saved before the input bound existed still read. */
  lines: z.array(quoteLineSchema.extend({ amountFen: z.number().int() })),
  discountFen: z.number().int(),
  discountBp: z.number().int(),
  totalFen: z.number().int(),
  approvalStatus: z.enum(ApprovalStatus),
  createdBy: named,
  decidedBy: named.nullable(),
  decidedAt: dateTimeSchema.nullable(),
  decisionNote: z.string().nullable(),
  createdAt: dateTimeSchema,
});

export const leadDetailSchema = leadSummarySchema.extend({
  note: z.string().nullable(),
  needs: needsSchema.nullable(),
  testDriveFeedback: z.string().nullable(),
  lostReason: lostReasonSchema.nullable(),
  lostNote: z.string().nullable(),
  firstContactedAt: dateTimeSchema.nullable(),
  openTasks: z.array(taskSchema),
  quotes: z.array(quoteSchema),
  order: z
    .object({ id: z.number().int(), quoteId: z.number().int(), priceFen: z.number().int(), financePlan: z.string().nullable(), depositFen: z.number().int(), signedAt: dateTimeSchema })
    .nullable(),
  delivery: z.object({ vin: z.string(), deliveredAt: dateTimeSchema }).nullable(),
  timeline: z.array(timelineEntrySchema),
});

export const leadPageSchema = pageOf(leadSummarySchema);

export const taskListQuerySchema = z.object({
  status: z.enum(TaskStatus).default(TaskStatus.OPEN),
  due: z.enum(['today', 'overdue']).optional(),
});

export const decideQuoteSchema = z.object({ note: z.string().trim().max(500).nullish() }).strict();

export const approvalListQuerySchema = pageQuerySchema.extend({ status: z.enum(ApprovalStatus).default(ApprovalStatus.PENDING) });

export const handoverSchema = z
  .object({
    /** One person takes everything; omitted, the store's assignment rule spreads the leads. */
    toStaffId: id.nullish(),
  })
  .strict();

export const handoverResultSchema = z.object({ movedLeads: z.number().int(), movedTasks: z.number().int() });

export const assignmentSettingsSchema = z
  .object({
    assignmentMode: z.enum(AssignmentMode),
    consultantOpenLeadCap: z.number().int().min(1).max(10_000),
    consultantDiscountLimitBp: z.number().int().min(0).max(10_000),
  })
  .strict();

export const consultantRosterEntrySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  username: z.string(),
  onDuty: z.boolean(),
  openLeads: z.number().int(),
  specialtyModelIds: z.array(z.number().int()),
});

export const storeAssignmentSchema = assignmentSettingsSchema.extend({
  storeId: z.number().int(),
  consultants: z.array(consultantRosterEntrySchema),
});

export const consultantRosterUpdateSchema = z
  .object({ onDuty: z.boolean().optional(), specialtyModelIds: z.array(id).max(20).optional() })
  .strict();

export const webhookLeadSchema = z
  .object({
    externalId: z.string().trim().min(1).max(128),
    name: z.string().trim().min(1).max(64),
    mobile: mobileSchema,
    intendedModelCode: z.string().trim().max(32).nullish(),
    note: z.string().trim().max(1000).nullish(),
  })
  .passthrough();

export const notificationSchema = z.object({
  id: z.number().int(),
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  leadId: z.number().int().nullable(),
  taskId: z.number().int().nullable(),
  readAt: dateTimeSchema.nullable(),
  createdAt: dateTimeSchema,
});

export type CreateLeadInput = z.infer<typeof createLeadSchema>;
export type ChangeStageInput = z.infer<typeof changeStageSchema>;
export type LogFollowUpInput = z.infer<typeof logFollowUpSchema>;
export type LeadListQuery = z.infer<typeof leadListQuerySchema>;
export type CreateQuoteInput = z.infer<typeof createQuoteSchema>;
