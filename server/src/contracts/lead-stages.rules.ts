import { LeadStage } from './enums.contract';

/** The open stages in pipeline order; a lead moves forward through them (skipping is allowed). */
export const OPEN_STAGES: readonly LeadStage[] = [
  LeadStage.NEW,
  LeadStage.CONTACTED,
  LeadStage.INVITED,
  LeadStage.TEST_DRIVEN,
  LeadStage.QUOTED,
  LeadStage.ORDERED,
];

/** Stages a lost lead can be reopened into: an order or a delivery is never re-entered that way. */
export const REOPEN_STAGES: readonly LeadStage[] = OPEN_STAGES.filter((stage) => stage !== LeadStage.ORDERED);

export function isOpenStage(stage: LeadStage): boolean {
  return OPEN_STAGES.includes(stage);
}

/** Whether a lead may move from one stage to another. */
export function canMoveStage(from: LeadStage, to: LeadStage): boolean {
  if (from === to || from === LeadStage.DELIVERED) return false;
  if (to === LeadStage.LOST) return isOpenStage(from);
  if (from === LeadStage.LOST) return REOPEN_STAGES.includes(to);
  if (to === LeadStage.DELIVERED) return from === LeadStage.ORDERED;
  return OPEN_STAGES.indexOf(to) > OPEN_STAGES.indexOf(from);
}

/** Every stage change requires the next follow-up task, except closing the lead. */
export function requiresNextFollowUp(to: LeadStage): boolean {
  return to !== LeadStage.LOST && to !== LeadStage.DELIVERED;
}

export interface StageData {
  nextFollowUp?: { dueAt: string; purpose: string } | null;
  lostReason?: string | null;
  needs?: { budget?: string; use?: string; concerns?: string } | null;
  testDriveFeedback?: string | null;
  order?: object | null;
  delivery?: { pdiDone: boolean; insuranceDone: boolean; temporaryPlateDone: boolean; handoverDone: boolean } | null;
}

export type StageProblem =
  | { code: 'NEXT_FOLLOW_UP_REQUIRED'; path: string; message: string }
  | { code: 'STAGE_DATA_REQUIRED'; path: string; message: string }
  | { code: 'DELIVERY_CHECKLIST_INCOMPLETE'; path: string; message: string };

/** What a move to `to` still lacks, in the order a person should fix it; empty when complete. */
export function stageDataProblems(to: LeadStage, data: StageData, now: Date): StageProblem[] {
  const problems: StageProblem[] = [];
  if (requiresNextFollowUp(to)) {
    if (!data.nextFollowUp) {
      problems.push({ code: 'NEXT_FOLLOW_UP_REQUIRED', path: 'nextFollowUp', message: '推进阶段必须安排下次跟进（时间和目的）' });
    } else if (new Date(data.nextFollowUp.dueAt).getTime() <= now.getTime()) {
      problems.push({ code: 'NEXT_FOLLOW_UP_REQUIRED', path: 'nextFollowUp.dueAt', message: '下次跟进时间必须晚于现在' });
    }
  }
  switch (to) {
    case LeadStage.CONTACTED:
      if (!data.needs || !Object.values(data.needs).some((value) => value?.trim())) {
        problems.push({ code: 'STAGE_DATA_REQUIRED', path: 'needs', message: '已联系需记录客户需求（预算、用途或顾虑）' });
      }
      break;
    case LeadStage.TEST_DRIVEN:
      if (!data.testDriveFeedback?.trim()) {
        problems.push({ code: 'STAGE_DATA_REQUIRED', path: 'testDriveFeedback', message: '已试驾需记录试驾反馈' });
      }
      break;
    case LeadStage.LOST:
      if (!data.lostReason) problems.push({ code: 'STAGE_DATA_REQUIRED', path: 'lostReason', message: '战败需选择原因' });
      break;
    case LeadStage.ORDERED:
      if (!data.order) problems.push({ code: 'STAGE_DATA_REQUIRED', path: 'order', message: '下订需填写订单（报价、金融方案、定金）' });
      break;
    case LeadStage.DELIVERED:
      if (!data.delivery) {
        problems.push({ code: 'STAGE_DATA_REQUIRED', path: 'delivery', message: '交车需填写 VIN 和交车检查单' });
      } else {
        const { pdiDone, insuranceDone, temporaryPlateDone, handoverDone } = data.delivery;
        if (!(pdiDone && insuranceDone && temporaryPlateDone && handoverDone)) {
          problems.push({ code: 'DELIVERY_CHECKLIST_INCOMPLETE', path: 'delivery', message: '交车检查单未完成（PDI、保险、临牌、交接）' });
        }
      }
      break;
    default:
      break;
  }
  return problems;
}

/** The key that makes "one open lead per customer per store" a unique index. */
export function openLeadKey(customerId: number, storeId: number): string {
  return `${customerId}:${storeId}`;
}
