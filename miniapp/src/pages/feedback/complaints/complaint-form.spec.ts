import { describe, expect, it } from '@jest/globals';
import { complaintOf } from './complaint-form';

describe('complaintOf', () => {
  it('sends the category and the trimmed text', () => {
    expect(complaintOf({ category: 'WAITING', content: '  等了两个小时才接车 ', storeId: null })).toEqual({ input: { category: 'WAITING', content: '等了两个小时才接车' } });
  });

  it('sends the store when one was chosen, else leaves it to the server (the store of the car)', () => {
    expect(complaintOf({ category: 'PRICE', content: '保养报价比电话里高', storeId: 3 })).toEqual({ input: { category: 'PRICE', content: '保养报价比电话里高', storeId: 3 } });
  });

  it('asks for a category first', () => {
    expect(complaintOf({ category: null, content: '等了两个小时才接车', storeId: null })).toEqual({ problem: '请选择问题类型' });
  });

  it('asks for at least 5 characters, not counting spaces around them', () => {
    expect(complaintOf({ category: 'OTHER', content: '  太慢了  ', storeId: null })).toEqual({ problem: '请描述问题（至少 5 个字）' });
    expect(complaintOf({ category: 'OTHER', content: '接车太慢了', storeId: null })).toEqual({ input: { category: 'OTHER', content: '接车太慢了' } });
  });

  it('refuses more than the server takes', () => {
    expect(complaintOf({ category: 'OTHER', content: '慢'.repeat(1001), storeId: null })).toEqual({ problem: '内容不能超过 1000 个字' });
  });
});
