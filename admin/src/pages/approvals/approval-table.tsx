import { Button, Empty, Space, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { ApprovalItem, ApprovalListQuery } from '../../api/approvals';
import type { Paged } from '../../api/client';
import { formatBasisPoints, formatFen } from '../../money-format';
import { formatShanghaiTime } from '../../shanghai-time';
import { ApprovalStatusTag } from '../leads/quote-display';
import { listPagination } from '../../hooks/use-list-query';

interface ApprovalTableProps {
  page: Paged<ApprovalItem> | undefined;
  query: ApprovalListQuery;
  loading: boolean;
  onDecide: (quote: ApprovalItem, decision: 'approve' | 'reject') => void;
  onPageChange: (page: number, pageSize: number) => void;
}

export function ApprovalTable({ page, query, loading, onDecide, onPageChange }: ApprovalTableProps) {
  const pending = query.status === 'PENDING';
  const columns: TableColumnsType<ApprovalItem> = [
    {
      title: '客户',
      dataIndex: 'lead',
      width: 110,
      render: (_, quote) => <Link to={`/leads/${quote.lead.id}`}>{quote.lead.name}</Link>,
    },
    { title: '顾问', dataIndex: 'createdBy', width: 90, render: (_, quote) => quote.createdBy.name },
    {
      title: '车型版本',
      dataIndex: 'trim',
      width: 200,
      ellipsis: true,
      render: (_, quote) => `${quote.trim.modelName} ${quote.trim.name}`,
    },
    { title: '指导价', dataIndex: 'msrpFen', width: 130, align: 'right', render: (_, quote) => formatFen(quote.msrpFen) },
    {
      title: '优惠',
      dataIndex: 'discountFen',
      width: 170,
      align: 'right',
      render: (_, quote) => (
        <span>
          {formatFen(quote.discountFen)}{' '}
          <Typography.Text type="danger" strong data-testid="approval-discount-rate">
            {formatBasisPoints(quote.discountBp)}
          </Typography.Text>
        </span>
      ),
    },
    { title: '报价合计', dataIndex: 'totalFen', width: 130, align: 'right', render: (_, quote) => formatFen(quote.totalFen) },
    { title: '提交时间', dataIndex: 'createdAt', width: 140, render: (_, quote) => formatShanghaiTime(quote.createdAt) },
  ];
  if (pending) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 130,
      fixed: 'right',
      render: (_, quote) => (
        <Space size={0}>
          <Button type="link" size="small" data-testid={`approval-approve-${quote.id}`} onClick={() => onDecide(quote, 'approve')}>
            批准
          </Button>
          <Button type="link" size="small" danger data-testid={`approval-reject-${quote.id}`} onClick={() => onDecide(quote, 'reject')}>
            驳回
          </Button>
        </Space>
      ),
    });
  } else {
    columns.push(
      { title: '结果', dataIndex: 'approvalStatus', width: 90, render: (_, quote) => <ApprovalStatusTag status={quote.approvalStatus} /> },
      {
        title: '审批',
        dataIndex: 'decidedBy',
        width: 220,
        render: (_, quote) => (
          <Typography.Text type="secondary">
            {quote.decidedBy?.name ?? '—'} · {formatShanghaiTime(quote.decidedAt)}
            {quote.decisionNote && <div>{quote.decisionNote}</div>}
          </Typography.Text>
        ),
      },
    );
  }

  return (
    <Table<ApprovalItem>
      data-testid="approval-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1250 }}
      locale={{ emptyText: <Empty description={pending ? '没有待审批的报价' : '暂无记录'} /> }}
      pagination={listPagination(query, page?.total, onPageChange)}
    />
  );
}
