import { Button, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { AuditEntry, AuditListQuery, AuditEntityType } from '../../api/audit';
import type { Paged } from '../../api/client';
import type { Role } from '../../api/org';
import { formatShanghaiSeconds } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';
import { AuditActionTag, AuditActor, AuditEntity } from './audit-entry-cells';
import type { AuditFilters } from './use-audit-list-query';

interface AuditTableProps {
  page: Paged<AuditEntry> | undefined;
  query: AuditListQuery;
  loading: boolean;
  filtered: boolean;
  role: Role;
  onOpen: (entry: AuditEntry) => void;
  onFilter: (filters: Partial<AuditFilters>) => void;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The filter that narrows the log to one actor: a known person by id, a failed login by the username typed. */
function actorFilter(entry: AuditEntry): Partial<AuditFilters> | undefined {
  if (entry.actorId !== null) return { actorType: entry.actorType as AuditFilters['actorType'], actorId: entry.actorId };
  return entry.actorName ? { q: entry.actorName } : undefined;
}

/** The audit log, newest first: when, who, what, on which record, from where. */
export function AuditTable({ page, query, loading, filtered, role, onOpen, onFilter, onPageChange }: AuditTableProps) {
  const columns: TableColumnsType<AuditEntry> = [
    { title: '时间', dataIndex: 'createdAt', width: 170, render: (_, entry) => formatShanghaiSeconds(entry.createdAt) },
    {
      title: '操作人',
      key: 'actor',
      width: 210,
      render: (_, entry) => {
        const filter = actorFilter(entry);
        return <AuditActor entry={entry} onFilter={filter && (() => onFilter(filter))} />;
      },
    },
    { title: '操作', dataIndex: 'action', width: 170, render: (_, entry) => <AuditActionTag entry={entry} /> },
    {
      title: '对象',
      key: 'entity',
      width: 170,
      render: (_, entry) => (
        <AuditEntity
          entry={entry}
          role={role}
          onFilter={() => onFilter({ entityType: (entry.entityType ?? undefined) as AuditEntityType | undefined, entityId: entry.entityId ?? undefined })}
        />
      ),
    },
    { title: 'IP', dataIndex: 'ip', width: 140, render: (_, entry) => entry.ip ?? <Typography.Text type="secondary">—</Typography.Text> },
    {
      title: '设备',
      dataIndex: 'userAgent',
      render: (_, entry) =>
        entry.userAgent ? (
          <Typography.Text type="secondary" ellipsis={{ tooltip: entry.userAgent }} style={{ fontSize: 12, maxWidth: 260 }}>
            {entry.userAgent}
          </Typography.Text>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '',
      key: 'details',
      width: 80,
      fixed: 'right',
      render: (_, entry) => (
        <Button
          type="link"
          size="small"
          data-testid="audit-details"
          onClick={(event) => {
            event.stopPropagation();
            onOpen(entry);
          }}
        >
          详情
        </Button>
      ),
    },
  ];

  return (
    <Table<AuditEntry>
      data-testid="audit-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1130 }}
      onRow={(entry) => ({ onClick: () => onOpen(entry), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的记录' : '还没有审计记录：登录、改派、审批、员工与客户数据的变更会记在这里'} /> }}
      pagination={listPagination(query, page?.total, onPageChange)}
    />
  );
}
