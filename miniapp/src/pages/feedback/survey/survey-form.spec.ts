import { describe, expect, it } from '@jest/globals';
import { surveyAnswerOf } from './survey-form';

describe('surveyAnswerOf', () => {
  it('sends both scores and the trimmed comment', () => {
    expect(surveyAnswerOf({ nps: 9, csat: 5, comment: ' 顾问很专业 ' })).toEqual({ answer: { nps: 9, csat: 5, comment: '顾问很专业' } });
  });

  it('leaves an empty comment out, and takes 0 as a score', () => {
    expect(surveyAnswerOf({ nps: 0, csat: 1, comment: '  ' })).toEqual({ answer: { nps: 0, csat: 1 } });
  });

  it('asks for the recommendation first, then the stars', () => {
    expect(surveyAnswerOf({ nps: null, csat: 0, comment: '' })).toEqual({ problem: '请选择推荐意愿' });
    expect(surveyAnswerOf({ nps: 8, csat: 0, comment: '' })).toEqual({ problem: '请选择满意度' });
  });

  it('refuses a comment longer than the server takes', () => {
    expect(surveyAnswerOf({ nps: 8, csat: 4, comment: '好'.repeat(501) })).toEqual({ problem: '评价不能超过 500 个字' });
  });
});
