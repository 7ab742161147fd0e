import { Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Paged } from '../../api/client';
import type { MemberListQuery, MemberSummary, MemberTier } from '../../api/loyalty';
import { MemberTierTag } from '../../components/loyalty-tags';
import { formatPoints } from '../../points-format';
import { formatShanghaiDate } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';

interface MemberTableProps {
  page: Paged<MemberSummary> | undefined;
  query: MemberListQuery;
  loading: boolean;
  nameOf: (tier: MemberTier) => string;
  /** Said in the empty table: a search that found nothing reads differently from no members at all. */
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** A member's name, or a note that they never gave one (a mini-program sign-up). */
export function MemberName({ name }: { name: string | null }) {
  return name ? <>{name}</> : <Typography.Text type="secondary">未留姓名</Typography.Text>;
}

export function MemberTable({ page, query, loading, nameOf, filtered, onPageChange }: MemberTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<MemberSummary> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 140,
      ellipsis: true,
      render: (_, member) => (
        <Link to={`/members/${member.customerId}`} onClick={(event) => event.stopPropagation()}>
          <MemberName name={member.name} />
        </Link>
      ),
    },
    { title: '手机号', dataIndex: 'mobile', width: 130, render: (_, member) => member.mobile ?? '—' },
    { title: '等级', dataIndex: 'tier', width: 100, render: (_, member) => <MemberTierTag tier={member.tier} name={nameOf(member.tier)} /> },
    {
      title: '积分余额',
      dataIndex: 'balance',
      width: 120,
      align: 'right',
      render: (_, member) => <Typography.Text strong>{formatPoints(member.balance)}</Typography.Text>,
    },
    { title: '车主', dataIndex: 'isOwner', width: 80, render: (_, member) => (member.isOwner ? <Tag color="green">车主</Tag> : null) },
    { title: '入会日期', dataIndex: 'joinedAt', width: 120, render: (_, member) => formatShanghaiDate(member.joinedAt) },
  ];

  return (
    <Table<MemberSummary>
      data-testid="member-table"
      rowKey="customerId"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 720 }}
      onRow={(member) => ({ onClick: () => navigate(`/members/${member.customerId}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的会员（手机号须输入完整 11 位）' : '还没有会员'} /> }}
      pagination={listPagination(query, page?.total, onPageChange, '位会员')}
    />
  );
}
