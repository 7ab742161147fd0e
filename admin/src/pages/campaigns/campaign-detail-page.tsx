import { useCallback, useState } from 'react';
import { CalendarOutlined, EditOutlined, ReloadOutlined, StopOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Col, Descriptions, Flex, Popconfirm, Row, Skeleton, Space, Typography, theme } from 'antd';
import { Link, useNavigate, useParams } from 'react-router';
import { toApiError } from '../../api/client';
import { MESSAGE_CHANNEL_LABELS } from '../../api/automation';
import { cancelCampaign, fetchCampaign, isCampaignEditable, type Campaign } from '../../api/marketing';
import { can } from '../../access';
import { BackButton } from '../../components/back-button';
import { RecordLoadError, RecordNotFound } from '../../components/record-load-error';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { formatPoints } from '../../points-format';
import { positiveInt } from '../../route-params';
import { formatShanghaiTime } from '../../shanghai-time';
import { CampaignReportSection } from './campaign-report-section';
import { CampaignScheduleModal } from './campaign-schedule-modal';
import { ChannelTag } from '../../components/automation-tags';
import { CampaignStatusTag } from './campaign-tags';
import { MessageBubble } from './campaign-message-preview';

/** 活动详情 `/campaigns/:id`: what was (or will be) sent to whom, and what it brought back against the holdout. */
export function CampaignDetailPage() {
  const campaignId = positiveInt(useParams().id);
  if (campaignId === undefined) {
    return (
      <Card>
        <RecordNotFound title="活动不存在或已删除" back={{ path: '/campaigns', label: '返回活动列表' }} />
      </Card>
    );
  }
  // Keyed by id so moving between campaigns never shows the previous one's report.
  return <CampaignDetailView key={campaignId} campaignId={campaignId} />;
}

function CampaignDetailView({ campaignId }: { campaignId: number }) {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const canManage = can(staff.role, 'marketing.manage');
  const load = useCallback((signal: AbortSignal) => fetchCampaign(campaignId, signal), [campaignId]);
  const remote = useRemoteData(load);
  // What the last action answered with, until the next reload.
  const [changed, setChanged] = useState<Campaign>();
  const [scheduling, setScheduling] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  // Bumped by 刷新 so the report reloads with the campaign.
  const [version, setVersion] = useState(0);
  const campaign = changed ?? remote.data;

  if (remote.error && !campaign) {
    return (
      <RecordLoadError
        data-testid="campaign-detail-error"
        error={remote.error}
        what="活动"
        missingTitle="活动不存在或已删除"
        back={{ path: '/campaigns', label: '返回活动列表' }}
        onRetry={remote.reload}
      />
    );
  }
  if (!campaign) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 12 }} />
      </Card>
    );
  }

  const editable = canManage && isCampaignEditable(campaign.status);

  async function cancel(target: Campaign) {
    setCancelling(true);
    try {
      const saved = await cancelCampaign(target.id);
      message.success(`「${saved.name}」已取消`);
      setChanged(saved);
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setCancelling(false);
    }
  }

  function reload() {
    setChanged(undefined);
    remote.reload();
    setVersion((current) => current + 1);
  }

  return (
    <Flex vertical gap={16} data-testid="campaign-detail-page">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size="middle" align="center" wrap>
            <BackButton fallback="/campaigns" />
            <Typography.Title level={4} style={{ margin: 0 }} data-testid="campaign-detail-title">
              {campaign.name}
            </Typography.Title>
            <CampaignStatusTag status={campaign.status} />
            <ChannelTag channel={campaign.channel} />
          </Space>
          <Space wrap>
            <Button icon={<ReloadOutlined />} loading={remote.loading} onClick={reload}>
              刷新
            </Button>
            {editable && (
              <>
                <Popconfirm
                  title={`取消活动「${campaign.name}」？`}
                  description="取消后不会再发送，也不能恢复。"
                  okText="取消活动"
                  okButtonProps={{ danger: true }}
                  cancelText="再想想"
                  onConfirm={() => cancel(campaign)}
                >
                  <Button danger icon={<StopOutlined />} loading={cancelling} data-testid="campaign-cancel">
                    取消活动
                  </Button>
                </Popconfirm>
                <Button icon={<EditOutlined />} onClick={() => navigate(`/campaigns/${campaign.id}/edit`)} data-testid="campaign-edit">
                  编辑
                </Button>
                <Button type="primary" icon={<CalendarOutlined />} onClick={() => setScheduling(true)} data-testid="campaign-schedule">
                  {campaign.scheduledAt ? '改期' : '排期发送'}
                </Button>
              </>
            )}
          </Space>
        </Flex>
        {remote.error && <Alert type="warning" showIcon title={`刷新失败：${remote.error.message}`} style={{ marginTop: 12 }} />}
        {campaign.status === 'DRAFT' && canManage && (
          <Alert type="info" showIcon title="草稿不会发送：点击「排期发送」选择发送时间。" style={{ marginTop: 12 }} data-testid="campaign-draft-hint" />
        )}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Card title="活动信息" style={{ height: '100%' }}>
            <Descriptions column={{ xs: 1, md: 2 }} size="small" data-testid="campaign-info">
              <Descriptions.Item label="人群">
                <Link to={`/segments/${campaign.segment.id}`}>{campaign.segment.name}</Link>
              </Descriptions.Item>
              <Descriptions.Item label="渠道">{MESSAGE_CHANNEL_LABELS[campaign.channel]}</Descriptions.Item>
              <Descriptions.Item label="排期时间">
                <span data-testid="campaign-scheduled-at-text">{formatShanghaiTime(campaign.scheduledAt, '未排期')}</span>
              </Descriptions.Item>
              <Descriptions.Item label="实际发送">{formatShanghaiTime(campaign.launchedAt, '尚未发送')}</Descriptions.Item>
              <Descriptions.Item label="赠送积分">{campaign.bonusPoints > 0 ? `${formatPoints(campaign.bonusPoints)} 分/人` : '不赠送'}</Descriptions.Item>
              <Descriptions.Item label="对照组">
                <span data-testid="campaign-holdout-percent">{campaign.holdoutPercent}%</span>
              </Descriptions.Item>
              <Descriptions.Item label="效果统计">发送后 {campaign.attributionDays} 天</Descriptions.Item>
              <Descriptions.Item label="创建">
                {campaign.createdBy.name} · {formatShanghaiTime(campaign.createdAt)}
              </Descriptions.Item>
            </Descriptions>
          </Card>
        </Col>
        <Col xs={24} xl={10}>
          <Card title="消息内容" style={{ height: '100%' }}>
            <MessageBubble title={campaign.title} content={campaign.content} bonusPoints={campaign.bonusPoints} background={token.colorFillTertiary} />
          </Card>
        </Col>
      </Row>
      <CampaignReportSection key={`${version}:${campaign.launchedAt ?? ''}`} campaign={campaign} />
      {scheduling && (
        <CampaignScheduleModal
          campaign={campaign}
          onClose={() => setScheduling(false)}
          onSaved={(saved) => {
            setScheduling(false);
            setChanged(saved);
          }}
        />
      )}
    </Flex>
  );
}
