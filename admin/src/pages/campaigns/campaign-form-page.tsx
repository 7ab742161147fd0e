import { useCallback, type ReactNode } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Result, Skeleton, Space, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { CAMPAIGN_STATUS_LABELS, fetchCampaign, isCampaignEditable, listSegments, type Campaign, type Segment } from '../../api/marketing';
import { can } from '../../access';
import { BackButton } from '../../components/back-button';
import { useRemoteData, type RemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { positiveInt } from '../../route-params';
import { CampaignForm } from './campaign-form';

/** 新建活动 `/campaigns/new` (`?segmentId=` starts from a segment) and 编辑活动 `/campaigns/:id/edit`. */
export function CampaignFormPage() {
  const { id } = useParams();
  const [searchParams] = useSearchParams();
  const staff = useCurrentStaff();
  const segments = useRemoteData(listSegments);
  if (!can(staff.role, 'marketing.manage')) return <CampaignNotice title="您可以查看营销活动，新建或修改请联系市场部" status="403" />;
  if (id === undefined) {
    return (
      <FormFrame heading="新建活动" back="/campaigns">
        <CampaignForm campaign={null} segments={segments} initialSegmentId={positiveInt(searchParams.get('segmentId'))} />
      </FormFrame>
    );
  }
  const campaignId = positiveInt(id);
  if (campaignId === undefined) return <CampaignNotice title="活动不存在或已删除" status="404" />;
  return <EditCampaign key={campaignId} campaignId={campaignId} segments={segments} />;
}

function EditCampaign({ campaignId, segments }: { campaignId: number; segments: RemoteData<Segment[]> }) {
  const load = useCallback((signal: AbortSignal) => fetchCampaign(campaignId, signal), [campaignId]);
  const campaign = useRemoteData(load);
  if (campaign.error && !campaign.data) {
    if (campaign.error.status === 404) return <CampaignNotice title="活动不存在或已删除" status="404" />;
    return (
      <Card>
        <Result
          status="error"
          title="活动加载失败"
          subTitle={campaign.error.message}
          extra={
            <Button type="primary" icon={<ReloadOutlined />} onClick={campaign.reload}>
              重试
            </Button>
          }
        />
      </Card>
    );
  }
  if (!campaign.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }
  if (!isCampaignEditable(campaign.data.status)) return <NotEditable campaign={campaign.data} />;
  return (
    <FormFrame heading={`编辑活动 · ${campaign.data.name}`} back={`/campaigns/${campaignId}`}>
      <CampaignForm campaign={campaign.data} segments={segments} />
    </FormFrame>
  );
}

function FormFrame({ heading, back, children }: { heading: string; back: string; children: ReactNode }) {
  return (
    <Flex vertical gap={16} data-testid="campaign-form-page">
      <Card>
        <Space size="middle" align="center">
          <BackButton fallback={back} />
          <Typography.Title level={4} style={{ margin: 0 }}>
            {heading}
          </Typography.Title>
        </Space>
      </Card>
      {children}
    </Flex>
  );
}

function NotEditable({ campaign }: { campaign: Campaign }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status="warning"
        title={`活动${CAMPAIGN_STATUS_LABELS[campaign.status]}，不能再修改`}
        subTitle="只有草稿和已排期的活动可以修改"
        extra={
          <Button type="primary" onClick={() => navigate(`/campaigns/${campaign.id}`)}>
            查看活动效果
          </Button>
        }
      />
    </Card>
  );
}

function CampaignNotice({ title, status }: { title: string; status: '403' | '404' }) {
  const navigate = useNavigate();
  return (
    <Card>
      <Result
        status={status}
        title={title}
        extra={
          <Button type="primary" onClick={() => navigate('/campaigns')}>
            返回活动列表
          </Button>
        }
      />
    </Card>
  );
}
