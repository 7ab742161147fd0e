import { maskMobiles, maskName } from './mask';

describe('masking personal data in logs', () => {
  it('masks every mainland mobile in a text', () => {
    expect(maskMobiles('/api/staff?q=13812345678&x=15900001111')).toBe('/api/staff?q=138****5678&x=159****1111');
  });

  it('leaves longer digit runs such as ids and timestamps alone', () => {
    expect(maskMobiles('order 213812345678901')).toBe('order 213812345678901');
  });

  it('keeps only the family name', () => {
    expect(maskName('王晓明')).toBe('王**');
    expect(maskName('王')).toBe('王');
  });
});
