import { describe, expect, it } from '@jest/globals';
import { calendarTextOf, routeSummaryOf } from './test-drive';

describe('calendarTextOf', () => {
  it('says when, where and what in one line, on the Shanghai clock', () => {
    const text = calendarTextOf({
      startAt: '2026-03-05T06:00:00.000Z',
      endAt: '2026-03-05T07:00:00.000Z',
      store: { id: 1, name: '上海浦东旗舰店', address: '上海市浦东新区张江路 1288 号', phone: '021-58881234' },
      model: { id: 5, name: '电跃 E5' },
    });
    expect(text).toBe('3月5日 周四 14:00–15:00 上海浦东旗舰店 试驾 电跃 E5，地址：上海市浦东新区张江路 1288 号，电话：021-58881234');
  });
});

describe('routeSummaryOf', () => {
  it('gives the length and the rough driving time', () => {
    expect(routeSummaryOf({ lengthKm: 8, durationMinutes: 25 })).toBe('8 公里 · 约 25 分钟');
  });
});
