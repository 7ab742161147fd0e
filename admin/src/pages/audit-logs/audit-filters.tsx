import { Button, DatePicker, Input, Select, Space, Tag } from 'antd';
import dayjs from 'dayjs';
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
import type { AuditFilters as AuditFilterValues } from './use-audit-list-query';

const DATE_FORMAT = 'YYYY-MM-DD';

interface AuditFiltersProps {
  query: AuditListQuery;
  onChange: (filters: Partial<AuditFilterValues>) => void;
  onReset: () => void;
}

export function AuditFilters({ query, onChange, onReset }: AuditFiltersProps) {
  return (
    <Space wrap data-testid="audit-filters">
      <Input.Search
        // Remounts when the URL changes (back button, reset) so the box shows the active search.
        key={`q:${query.q ?? ''}`}
        data-testid="audit-search"
        defaultValue={query.q}
        placeholder="操作人 / 登录用户名 / IP"
        allowClear
        enterButton="搜索"
        maxLength={AUDIT_SEARCH_MAX_LENGTH}
        style={{ width: 300 }}
        onSearch={(value) => onChange({ q: value.trim() || undefined })}
      />
      <Select
        data-testid="audit-action-filter"
        placeholder="全部操作"
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        style={{ width: 190 }}
        options={AUDIT_ACTIONS.map((value) => ({ value, label: AUDIT_ACTION_LABELS[value] }))}
        value={query.action}
        onChange={(action) => onChange({ action })}
      />
      <Select
        data-testid="audit-actor-type-filter"
        placeholder="全部操作人"
        allowClear
        style={{ width: 130 }}
        options={AUDIT_ACTOR_TYPES.map((value) => ({ value, label: AUDIT_ACTOR_TYPE_LABELS[value] }))}
        value={query.actorType}
        onChange={(actorType) => onChange({ actorType })}
      />
      <Space.Compact>
        <Select
          data-testid="audit-entity-type-filter"
          placeholder="全部对象"
          allowClear
          style={{ width: 110 }}
          options={AUDIT_ENTITY_TYPES.map((value) => ({ value, label: AUDIT_ENTITY_TYPE_LABELS[value] }))}
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
      <DatePicker.RangePicker
        data-testid="audit-date-filter"
        placeholder={['开始日期', '结束日期']}
        allowEmpty={[true, true]}
        style={{ width: 260 }}
        value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
        onChange={(range) => onChange({ from: range?.[0]?.format(DATE_FORMAT) ?? undefined, to: range?.[1]?.format(DATE_FORMAT) ?? undefined })}
      />
      {query.actorId && (
        <Tag closable onClose={() => onChange({ actorId: undefined })} data-testid="audit-actor-filter">
          {query.actorType ? AUDIT_ACTOR_TYPE_LABELS[query.actorType] : '操作人'} #{query.actorId}
        </Tag>
      )}
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}
