import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Paged } from '../../api/client';
import { LEAD_SOURCE_LABELS, type LeadListQuery, type LeadSummary } from '../../api/leads';
import { formatShanghaiTime } from '../../shanghai-time';
import { DueTime, LeadStageTag } from './lead-stage-tag';
import { listPagination } from '../../hooks/use-list-query';

interface LeadTableProps {
  page: Paged<LeadSummary> | undefined;
  query: LeadListQuery;
  loading: boolean;
  /** Store roles see one store only: the column would repeat it on every row. */
  showStore: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

export function LeadTable({ page, query, loading, showStore, onPageChange }: LeadTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<LeadSummary> = [
    {
      title: '客户',
      dataIndex: 'name',
      width: 110,
      ellipsis: true,
      render: (_, lead) => (
        <Link to={`/leads/${lead.id}`} onClick={(event) => event.stopPropagation()}>
          {lead.name}
        </Link>
      ),
    },
    { title: '手机号', dataIndex: 'mobile', width: 125 },
    { title: '来源', dataIndex: 'source', width: 90, render: (_, lead) => LEAD_SOURCE_LABELS[lead.source] },
    { title: '阶段', dataIndex: 'stage', width: 90, render: (_, lead) => <LeadStageTag stage={lead.stage} /> },
    { title: '意向车型', dataIndex: 'intendedModel', ellipsis: true, render: (_, lead) => lead.intendedModel?.name ?? '—' },
    ...(showStore
      ? [{ title: '门店', dataIndex: 'store', ellipsis: true, render: (_: unknown, lead: LeadSummary) => lead.store.name }]
      : []),
    {
      title: '顾问',
      dataIndex: 'assignedTo',
      width: 90,
      ellipsis: true,
      render: (_, lead) => lead.assignedTo?.name ?? <Typography.Text type="warning">待分配</Typography.Text>,
    },
    {
      title: '下次跟进',
      dataIndex: 'nextFollowUpAt',
      width: 190,
      render: (_, lead) => <DueTime at={lead.nextFollowUpAt} empty={lead.stage === 'DELIVERED' || lead.stage === 'LOST' ? '—' : '未安排'} />,
    },
    { title: '创建时间', dataIndex: 'createdAt', width: 140, render: (_, lead) => formatShanghaiTime(lead.createdAt) },
  ];

  return (
    <Table<LeadSummary>
      data-testid="lead-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1100 }}
      onRow={(lead) => ({ onClick: () => navigate(`/leads/${lead.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description="没有符合条件的线索" /> }}
      pagination={listPagination(query, page?.total, onPageChange)}
    />
  );
}
