import type { SurveyAnswer } from '../../../api/feedback';

// The limit of answerSurveySchema in server/src/contracts/feedback.contract.ts.
export const SURVEY_COMMENT_MAX = 500;

export interface SurveyForm {
  /** null until a score is tapped. */
  nps: number | null;
  /** 0 until a star is tapped. */
  csat: number;
  comment: string;
}

/** The answer to send, the comment trimmed and left out when empty, or the first thing missing (the server's words). */
export function surveyAnswerOf({ nps, csat, comment }: SurveyForm): { answer: SurveyAnswer } | { problem: string } {
  if (nps === null) return { problem: '请选择推荐意愿' };
  if (csat < 1) return { problem: '请选择满意度' };
  const trimmed = comment.trim();
  if (trimmed.length > SURVEY_COMMENT_MAX) return { problem: `评价不能超过 ${SURVEY_COMMENT_MAX} 个字` };
  return { answer: { nps, csat, ...(trimmed ? { comment: trimmed } : {}) } };
}
