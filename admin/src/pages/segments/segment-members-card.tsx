import { useCallback, useState } from 'react';
import { Alert, Card, Empty, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { MemberSummary, MemberTier } from '../../api/loyalty';
import { listSegmentMembers } from '../../api/marketing';
import { MemberTierTag } from '../../components/loyalty-tags';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatPoints } from '../../points-format';
import { formatShanghaiDate } from '../../shanghai-time';
import { MemberName } from '../members/member-table';
import { LoadError } from '../../components/load-error';

const PREVIEW_PAGE_SIZE = 10;

interface SegmentMembersCardProps {
  segmentId: number;
  tierName: (tier: MemberTier) => string;
  /** The form holds changes not yet saved: the list still shows the saved conditions' members. */
  unsaved: boolean;
}

/** 成员预览: who the saved segment holds, a page at a time, each a link to the member. */
export function SegmentMembersCard({ segmentId, tierName, unsaved }: SegmentMembersCardProps) {
  const [page, setPage] = useState(1);
  const load = useCallback((signal: AbortSignal) => listSegmentMembers(segmentId, { page, pageSize: PREVIEW_PAGE_SIZE }, signal), [segmentId, page]);
  const members = useRemoteData(load);

  const columns: TableColumnsType<MemberSummary> = [
    {
      title: '姓名',
      dataIndex: 'name',
      width: 140,
      ellipsis: true,
      render: (_, member) => (
        <Link to={`/members/${member.customerId}`}>
          <MemberName name={member.name} />
        </Link>
      ),
    },
    { title: '手机号', dataIndex: 'mobile', width: 130, render: (_, member) => member.mobile ?? '—' },
    { title: '等级', dataIndex: 'tier', width: 100, render: (_, member) => <MemberTierTag tier={member.tier} name={tierName(member.tier)} /> },
    { title: '积分余额', dataIndex: 'balance', width: 110, align: 'right', render: (_, member) => formatPoints(member.balance) },
    { title: '车主', dataIndex: 'isOwner', width: 80, render: (_, member) => (member.isOwner ? <Tag color="green">车主</Tag> : null) },
    { title: '入会日期', dataIndex: 'joinedAt', width: 120, render: (_, member) => formatShanghaiDate(member.joinedAt) },
  ];

  return (
    <Card title="成员预览" data-testid="segment-members" extra={<Typography.Text type="secondary">按已保存的条件</Typography.Text>}>
      {unsaved && <Alert type="info" showIcon title="条件已修改但尚未保存：保存后此处按新条件列出成员" style={{ marginBottom: 16 }} />}
      {members.error && !members.data ? (
        <LoadError what="成员" error={members.error} onRetry={members.reload} data-testid="segment-members-error" />
      ) : (
        <>
          {members.error && <Alert type="warning" showIcon title={`刷新失败：${members.error.message}`} style={{ marginBottom: 16 }} />}
          <Table<MemberSummary>
            rowKey="customerId"
            size="small"
            columns={columns}
            dataSource={members.data?.items ?? []}
            loading={members.loading}
            scroll={{ x: 680 }}
            locale={{ emptyText: <Empty description="该人群目前没有会员，可放宽条件后保存" /> }}
            pagination={{
              current: page,
              pageSize: PREVIEW_PAGE_SIZE,
              total: members.data?.total ?? 0,
              showSizeChanger: false,
              showTotal: (total) => `共 ${total} 位会员`,
              onChange: setPage,
            }}
          />
        </>
      )}
    </Card>
  );
}
