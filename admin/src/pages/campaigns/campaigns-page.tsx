import { useCallback, useMemo, type ReactNode } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Segmented, Space } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { CAMPAIGN_STATUS_LABELS, CAMPAIGN_STATUSES, listCampaigns, type CampaignStatus } from '../../api/marketing';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { CampaignTable } from './campaign-table';
import { LoadError } from '../../components/load-error';

type StatusFilter = CampaignStatus | 'ALL';

const STATUS_OPTIONS: { value: StatusFilter; label: string }[] = [
  { value: 'ALL', label: '全部' },
  ...CAMPAIGN_STATUSES.map((status) => ({ value: status, label: CAMPAIGN_STATUS_LABELS[status] })),
];

/** The status filter, kept in the URL so a reload or a shared link shows the same list. */
function useStatusFilter(): [StatusFilter, (status: StatusFilter) => void] {
  const [searchParams, setSearchParams] = useSearchParams();
  const status = useMemo<StatusFilter>(() => {
    const requested = searchParams.get('status');
    return CAMPAIGN_STATUSES.find((candidate) => candidate === requested) ?? 'ALL';
  }, [searchParams]);
  const change = useCallback((next: StatusFilter) => setSearchParams(next === 'ALL' ? {} : { status: next }), [setSearchParams]);
  return [status, change];
}

/** 营销活动 `/campaigns`: messages sent to segments, their status, and how many went out. */
export function CampaignsPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const canManage = can(staff.role, 'marketing.manage');
  const campaigns = useRemoteData(listCampaigns);
  const [status, setStatus] = useStatusFilter();
  const shown = (campaigns.data ?? []).filter((campaign) => status === 'ALL' || campaign.status === status);

  let content: ReactNode;
  if (campaigns.error && !campaigns.data) {
    content = (
      <LoadError what="营销活动" error={campaigns.error} onRetry={campaigns.reload} data-testid="campaigns-error" />
    );
  } else {
    content = <CampaignTable campaigns={shown} loading={campaigns.loading} filtered={status !== 'ALL'} canManage={canManage} />;
  }

  return (
    <Card
      title="营销活动"
      data-testid="campaigns-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={campaigns.reload}>
            刷新
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="campaign-create" onClick={() => navigate('/campaigns/new')}>
              新建活动
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {!canManage && <Alert type="info" showIcon title="您可以查看营销活动与效果；新建或修改活动请联系市场部。" />}
        <Space wrap>
          <Segmented<StatusFilter> options={STATUS_OPTIONS} value={status} onChange={setStatus} data-testid="campaign-status-filter" />
        </Space>
        {campaigns.error && campaigns.data && <Alert type="warning" showIcon title={`刷新失败：${campaigns.error.message}`} />}
        {content}
      </Flex>
    </Card>
  );
}
