import { useCallback, useState } from 'react';
import { EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton, Space, Tabs, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { fetchMember } from '../../api/loyalty';
import { can } from '../../access';
import { BackButton } from '../../components/back-button';
import { MemberTierTag } from '../../components/loyalty-tags';
import { RecordLoadError, RecordNotFound } from '../../components/record-load-error';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { positiveInt } from '../../route-params';
import { MemberCouponsTab } from './member-coupons-tab';
import { MemberMessagesTab } from './member-messages-tab';
import { MemberPointsCard } from './member-points-card';
import { PointsAdjustModal } from './points-adjust-modal';
import { PointsEntriesTab } from './points-entries-tab';
import { PointsLotsTab } from './points-lots-tab';
import { RevealMobile } from '../../components/reveal-mobile';

const TABS = ['entries', 'lots', 'coupons', 'messages'] as const;
type MemberTab = (typeof TABS)[number];

/** 会员详情 `/members/:id`: the member's card, then 积分流水 / 积分批次 / 优惠券 / 消息记录, the tab kept in the URL. */
export function MemberDetailPage() {
  const customerId = positiveInt(useParams().id);
  if (customerId === undefined) {
    return (
      <RecordNotFound title="会员不存在或无权查看" back={{ path: '/members', label: '返回会员列表' }} />
    );
  }
  // Keyed by id so moving between members never shows the previous member's points.
  return <MemberDetailView key={customerId} customerId={customerId} />;
}

function MemberDetailView({ customerId }: { customerId: number }) {
  const staff = useCurrentStaff();
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedTab = searchParams.get('tab') as MemberTab | null;
  const tab: MemberTab = requestedTab && TABS.includes(requestedTab) ? requestedTab : 'entries';
  const load = useCallback((signal: AbortSignal) => fetchMember(customerId, signal), [customerId]);
  const member = useRemoteData(load);
  const [adjusting, setAdjusting] = useState(false);
  const canManage = can(staff.role, 'loyalty.manage');

  if (member.error && !member.data) {
    return (
      <RecordLoadError
        data-testid="member-detail-error"
        error={member.error}
        what="会员"
        missingTitle="会员不存在或无权查看"
        back={{ path: '/members', label: '返回会员列表' }}
        onRetry={member.reload}
      />
    );
  }
  if (!member.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const detail = member.data;
  const { customer, points } = detail;

  return (
    <Flex vertical gap={16} data-testid="member-detail-page">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size="middle" align="center" wrap>
            <BackButton fallback="/members" />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="member-detail-title">
              {customer.name ?? customer.mobile ?? `会员 #${customer.id}`}
            </Typography.Title>
            <MemberTierTag tier={points.tier} name={points.tierName} />
            {customer.isOwner && <Tag color="green">车主</Tag>}
            <Typography.Text type="secondary">
              {customer.name ? customer.mobile ? <RevealMobile mobile={customer.mobile} path={`/loyalty/members/${customer.id}/reveal-mobile`} data-testid="member-mobile" /> : '未留手机号' : '未留姓名'}
            </Typography.Text>
          </Space>
          <Space>
            <Button icon={<ReloadOutlined />} loading={member.loading} onClick={member.reload}>
              刷新
            </Button>
            {canManage && (
              <Button type="primary" icon={<EditOutlined />} data-testid="member-adjust" onClick={() => setAdjusting(true)}>
                积分调整
              </Button>
            )}
          </Space>
        </Flex>
        {member.error && <Alert type="warning" showIcon title={`刷新失败：${member.error.message}`} style={{ marginTop: 12 }} />}
      </Card>
      <MemberPointsCard points={points} />
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          data-testid="member-tabs"
          activeKey={tab}
          onChange={(key) => setSearchParams(key === 'entries' ? {} : { tab: key }, { replace: true })}
          items={[
            { key: 'entries', label: `积分流水（${detail.entries.length}）`, children: <PointsEntriesTab entries={detail.entries} /> },
            { key: 'lots', label: `积分批次（${detail.lots.length}）`, children: <PointsLotsTab lots={detail.lots} /> },
            { key: 'coupons', label: `优惠券（${detail.coupons.length}）`, children: <MemberCouponsTab coupons={detail.coupons} /> },
            { key: 'messages', label: '消息记录', children: <MemberMessagesTab customerId={customer.id} /> },
          ]}
        />
      </Card>
      {adjusting && (
        <PointsAdjustModal
          member={detail}
          onClose={() => setAdjusting(false)}
          onSaved={() => {
            setAdjusting(false);
            // The member shown stays up while it reloads, so the page does not flash after a save.
            member.reload();
          }}
        />
      )}
    </Flex>
  );
}
