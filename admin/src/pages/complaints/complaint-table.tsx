import { Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Paged } from '../../api/client';
import { COMPLAINT_SOURCE_LABELS, type Complaint, type ComplaintListQuery } from '../../api/feedback';
import { ComplaintCategoryTag, ComplaintStatusTag } from '../../components/feedback-tags';
import { formatShanghaiTime } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';
import { ComplaintSla } from './complaint-sla';

interface ComplaintTableProps {
  page: Paged<Complaint> | undefined;
  query: ComplaintListQuery;
  loading: boolean;
  showStore: boolean;
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

export function ComplaintTable({ page, query, loading, showStore, filtered, onPageChange }: ComplaintTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<Complaint> = [
    {
      title: '工单',
      dataIndex: 'id',
      width: 80,
      render: (_, complaint) => (
        <Link to={`/complaints/${complaint.id}`} onClick={(event) => event.stopPropagation()} data-testid="complaint-link">
          #{complaint.id}
        </Link>
      ),
    },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, complaint) => <ComplaintStatusTag status={complaint.status} /> },
    { title: '类型', dataIndex: 'category', width: 100, render: (_, complaint) => <ComplaintCategoryTag category={complaint.category} /> },
    {
      title: '客户',
      dataIndex: 'customer',
      width: 130,
      render: (_, complaint) => (
        <Flex vertical gap={0}>
          <span>{complaint.customer.name ?? '未留姓名'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {complaint.customer.mobile ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '投诉内容',
      dataIndex: 'content',
      render: (_, complaint) => (
        <Flex vertical gap={0} style={{ minWidth: 0 }}>
          <Typography.Text ellipsis={{ tooltip: complaint.content }} style={{ maxWidth: 320 }}>
            {complaint.content}
          </Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {COMPLAINT_SOURCE_LABELS[complaint.source]}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(showStore ? [{ title: '门店', dataIndex: 'store', width: 130, ellipsis: true, render: (_: unknown, complaint: Complaint) => complaint.store.name }] : []),
    {
      title: '处理人',
      dataIndex: 'assignee',
      width: 100,
      render: (_, complaint) => complaint.assignee?.name ?? <Typography.Text type="secondary">未分配</Typography.Text>,
    },
    { title: '首次响应时限', key: 'sla', width: 170, render: (_, complaint) => <ComplaintSla complaint={complaint} /> },
    { title: '提交时间', dataIndex: 'createdAt', width: 140, render: (_, complaint) => formatShanghaiTime(complaint.createdAt) },
  ];

  return (
    <Table<Complaint>
      data-testid="complaint-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1130 }}
      onRow={(complaint) => ({ onClick: () => navigate(`/complaints/${complaint.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的投诉' : '还没有投诉工单'} /> }}
      pagination={listPagination(query, page?.total, onPageChange, '张')}
    />
  );
}
