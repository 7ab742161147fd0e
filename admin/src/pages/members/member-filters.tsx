import { MEMBER_TIERS, type MemberListQuery, type MemberTier } from '../../api/loyalty';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { FilterSelect } from '../../components/filter-select';
import type { MemberFilters as MemberFilterValues } from './use-member-list-query';

interface MemberFiltersProps {
  query: MemberListQuery;
  nameOf: (tier: MemberTier) => string;
  onChange: (filters: Partial<MemberFilterValues>) => void;
  onReset: () => void;
}

export function MemberFilters({ query, nameOf, onChange, onReset }: MemberFiltersProps) {
  return (
    <FilterBar data-testid="member-filters" onReset={onReset}>
      <SearchFilter data-testid="member-search" value={query.q} placeholder="完整手机号 / 姓名开头" maxLength={32} width={300} onSearch={(q) => onChange({ q })} />
      <FilterSelect<MemberTier>
        data-testid="member-tier-filter"
        noun="等级"
        width={140}
        options={MEMBER_TIERS.map((tier) => ({ value: tier, label: nameOf(tier) }))}
        value={query.tier}
        onChange={(tier) => onChange({ tier })}
      />
    </FilterBar>
  );
}
