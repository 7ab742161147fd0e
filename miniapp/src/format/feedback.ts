import { isDetractor, isPromoter } from 'server/contracts/feedback.rules';
import type { ComplaintCategory, ComplaintStatus, Survey } from '../api/feedback';
import { formatPoints } from './loyalty';
import type { StatusLabel } from './status-tone';

/** The categories a customer picks from, in the order they are offered. */
export const COMPLAINT_CATEGORIES: ReadonlyArray<{ key: ComplaintCategory; title: string }> = [
  { key: 'SERVICE_QUALITY', title: '服务质量' },
  { key: 'ATTITUDE', title: '服务态度' },
  { key: 'WAITING', title: '等待时间' },
  { key: 'PRICE', title: '价格' },
  { key: 'VEHICLE_QUALITY', title: '车辆质量' },
  { key: 'OTHER', title: '其他' },
];

export function complaintCategoryText(category: ComplaintCategory): string {
  return COMPLAINT_CATEGORIES.find((candidate) => candidate.key === category)?.title ?? category;
}

export const COMPLAINT_STATUS_LABELS: Record<ComplaintStatus, StatusLabel> = {
  OPEN: { text: '待处理', tone: 'warning' },
  IN_PROGRESS: { text: '处理中', tone: 'brand' },
  RESOLVED: { text: '已解决', tone: 'active' },
  CLOSED: { text: '已关闭', tone: 'done' },
};

export const SURVEY_STATUS_LABELS: Record<'pending' | 'answered', StatusLabel> = {
  pending: { text: '待评价', tone: 'warning' },
  answered: { text: '已评价', tone: 'done' },
};

export function surveyStatusLabelOf(survey: Pick<Survey, 'answeredAt'>): StatusLabel {
  return SURVEY_STATUS_LABELS[survey.answeredAt === null ? 'pending' : 'answered'];
}

/** The NPS question's 11 answers, 0 (不可能) to 10 (非常愿意). */
export const NPS_SCORES: readonly number[] = Array.from({ length: 11 }, (_, score) => score);

/** 1–5 stars in words; index 0 is "not chosen yet". */
export const CSAT_WORDS: readonly string[] = ['', '非常不满意', '不满意', '一般', '满意', '非常满意'];

/** NPS counts 0–6 as detractors (the store manager calls them back), by the server's own rule. */
export { isDetractor };

/** What a chosen NPS score means, shown under the scale. */
export function npsWordOf(nps: number | null): string {
  if (nps === null) return '请点选 0–10 分';
  if (isPromoter(nps)) return `${nps} 分 · 非常愿意推荐`;
  if (!isDetractor(nps)) return `${nps} 分 · 可能会推荐`;
  return `${nps} 分 · 不太愿意推荐`;
}

/** The promise above an unanswered survey; none when the reward rule is off. */
export function surveyRewardPromiseOf(rewardPoints: number): string | null {
  return rewardPoints > 0 ? `完成评价可获得 ${formatPoints(rewardPoints)} 积分` : null;
}

/** The line under 感谢您的反馈: the points the answer earns, when it earns any. They are credited a moment later. */
export function surveyThanksOf(rewardPoints: number): string {
  return rewardPoints > 0 ? `${formatPoints(rewardPoints)} 积分即将到账，可在「我的积分」查看` : '您的意见会帮助我们做得更好';
}
