import type { Prisma } from '../../generated/prisma/client';
import { LeadStage } from '../../generated/prisma/enums';
import type { StaffCaller } from '../../core/auth/caller';
import { dataScopeOf, scopedWhere } from '../../core/auth/data-scope';
import { customerMobileFor } from '../../core/auth/mobile-visibility';

/** What every leads service selects and answers: the lead's row as a list shows it, a quote as the detail shows it. */

export const CLOSED_STAGES: LeadStage[] = [LeadStage.DELIVERED, LeadStage.LOST];

export const LEAD_SUMMARY_FIELDS = {
  id: true,
  name: true,
  mobile: true,
  source: true,
  stage: true,
  budgetMinFen: true,
  budgetMaxFen: true,
  customerId: true,
  nextFollowUpAt: true,
  lastContactedAt: true,
  createdAt: true,
  store: { select: { id: true, name: true } },
  intendedModel: { select: { id: true, name: true } },
  assignee: { select: { id: true, name: true } },
} satisfies Prisma.LeadSelect;

export type LeadSummaryRow = Prisma.LeadGetPayload<{ select: typeof LEAD_SUMMARY_FIELDS }>;

/** The leads the caller may see, as a where clause: a lead out of scope is a 404, never a leak. */
export function leadScopeOf(caller: StaffCaller): Prisma.LeadWhereInput {
  return scopedWhere<Prisma.LeadWhereInput>(dataScopeOf(caller), {
    own: (staffId) => ({ assigneeId: staffId }),
    store: (storeId) => ({ storeId }),
    region: (regionId) => ({ store: { regionId } }),
  });
}

/** A lead's row as answered, its mobile as the caller's role sees it (null: the system, unmasked). */
export function leadSummary(row: LeadSummaryRow, caller: StaffCaller | null) {
  const { store, intendedModel, assignee, budgetMinFen, budgetMaxFen, customerId, mobile, ...rest } = row;
  return {
    ...rest,
    mobile: caller ? customerMobileFor(caller.role, mobile) : mobile,
    store,
    intendedModel,
    assignedTo: assignee,
    budgetMin: budgetMinFen,
    budgetMax: budgetMaxFen,
    customer: { id: customerId },
  };
}

export const QUOTE_FIELDS = {
  id: true,
  leadId: true,
  msrpFen: true,
  lines: true,
  discountFen: true,
  discountBp: true,
  totalFen: true,
  approvalStatus: true,
  decidedAt: true,
  decisionNote: true,
  createdAt: true,
  trim: { select: { id: true, name: true, model: { select: { name: true } } } },
  createdBy: { select: { id: true, name: true } },
  decidedBy: { select: { id: true, name: true } },
} satisfies Prisma.QuoteSelect;

export type QuoteRow = Prisma.QuoteGetPayload<{ select: typeof QUOTE_FIELDS }>;

export function toQuoteView(quote: QuoteRow) {
  const { trim, lines, ...rest } = quote;
  return {
    ...rest,
    trim: { id: trim.id, name: trim.name, modelName: trim.model.name },
    lines: lines as Array<{ kind: 'OPTION' | 'FEE'; name: string; amountFen: number }>,
  };
}
