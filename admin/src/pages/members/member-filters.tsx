import { Button, Input, Select, Space } from 'antd';
import { MEMBER_TIERS, type MemberListQuery, type MemberTier } from '../../api/loyalty';
import type { MemberFilters as MemberFilterValues } from './use-member-list-query';

interface MemberFiltersProps {
  query: MemberListQuery;
  nameOf: (tier: MemberTier) => string;
  onChange: (filters: Partial<MemberFilterValues>) => void;
  onReset: () => void;
}

export function MemberFilters({ query, nameOf, onChange, onReset }: MemberFiltersProps) {
  return (
    <Space wrap data-testid="member-filters">
      <Input.Search
        // Remounts when the URL changes (back button, reset) so the box shows the active search.
        key={query.q ?? ''}
        data-testid="member-search"
        defaultValue={query.q}
        placeholder="完整手机号 / 姓名开头"
        allowClear
        enterButton="搜索"
        maxLength={32}
        style={{ width: 300 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Select<MemberTier>
        data-testid="member-tier-filter"
        placeholder="全部等级"
        allowClear
        style={{ width: 140 }}
        options={MEMBER_TIERS.map((tier) => ({ value: tier, label: nameOf(tier) }))}
        value={query.tier}
        onChange={(tier) => onChange({ tier })}
      />
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
