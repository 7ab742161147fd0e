import { Input, Space, Tag } from 'antd';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTIONS,
  AUDIT_ACTOR_TYPE_LABELS,
  AUDIT_ACTOR_TYPES,
  AUDIT_ENTITY_ID_MAX_LENGTH,
  AUDIT_ENTITY_TYPE_LABELS,
  AUDIT_ENTITY_TYPES,
  AUDIT_SEARCH_MAX_LENGTH,
  type AuditListQuery,
} from '../../api/audit';
import { DateRangeFilter } from '../../components/date-range-filter';
import { FilterBar, SearchFilter } from '../../components/filter-bar';
import { FilterSelect } from '../../components/filter-select';
import type { AuditFilters as AuditFilterValues } from './use-audit-list-query';

const ACTION_OPTIONS = AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }));
const ENTITY_TYPE_OPTIONS = AUDIT_ENTITY_TYPES.map((value) => ({ value, label: AUDIT_ENTITY_TYPE_LABELS[value] }));
const ACTOR_TYPE_OPTIONS = AUDIT_ACTOR_TYPES.map((value) => ({ value, label: AUDIT_ACTOR_TYPE_LABELS[value] }));

interface AuditFiltersProps {
  query: AuditListQuery;
  onChange: (filters: Partial<AuditFilterValues>) => void;
  onReset: () => void;
}

export function AuditFilters({ query, onChange, onReset }: AuditFiltersProps) {
  return (
    <FilterBar data-testid="audit-filters" onReset={onReset}>
      <SearchFilter
        data-testid="audit-search"
        value={query.q}
        placeholder="操作人 / 登录用户名 / IP"
        maxLength={AUDIT_SEARCH_MAX_LENGTH}
        width={300}
        onSearch={(q) => onChange({ q })}
      />
      <FilterSelect data-testid="audit-action-filter" noun="操作" searchable width={190} options={ACTION_OPTIONS} value={query.action} onChange={(action) => onChange({ action })} />
      <FilterSelect
        data-testid="audit-actor-type-filter"
        noun="操作人"
        width={130}
        options={ACTOR_TYPE_OPTIONS}
        value={query.actorType}
        onChange={(actorType) => onChange({ actorType })}
      />
      <Space.Compact>
        <FilterSelect
          data-testid="audit-entity-type-filter"
          noun="对象"
          width={110}
          options={ENTITY_TYPE_OPTIONS}
          value={query.entityType}
          // An id only means something with its type, so clearing the type clears the id too.
          onChange={(entityType) => onChange({ entityType, entityId: entityType ? query.entityId : undefined })}
        />
        <Input.Search
          key={`entity:${query.entityType ?? ''}:${query.entityId ?? ''}`}
          data-testid="audit-entity-id-filter"
          defaultValue={query.entityId}
          placeholder={query.entityType ? `${AUDIT_ENTITY_TYPE_LABELS[query.entityType]} ID` : '对象 ID'}
          disabled={!query.entityType}
          allowClear
          maxLength={AUDIT_ENTITY_ID_MAX_LENGTH}
          style={{ width: 150 }}
          onSearch={(value) => onChange({ entityId: value.trim() || undefined })}
        />
      </Space.Compact>
      <DateRangeFilter data-testid="audit-date-filter" placeholder={['开始日期', '结束日期']} value={query} onChange={onChange} />
      {query.actorId && (
        <Tag closable onClose={() => onChange({ actorId: undefined })} data-testid="audit-actor-filter">
          {query.actorType ? AUDIT_ACTOR_TYPE_LABELS[query.actorType] : '操作人'} #{query.actorId}
        </Tag>
      )}
    </FilterBar>
  );
}
