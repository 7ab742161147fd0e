import { GiftOutlined } from '@ant-design/icons';
import { Card, Descriptions, Divider, Flex, Typography, theme } from 'antd';
import type { MessageChannel } from '../../api/automation';
import { formatPoints } from '../../points-format';
import { formatCount } from '../segments/segment-conditions';
import { ChannelTag } from '../../components/automation-tags';

interface CampaignMessagePreviewProps {
  channel: MessageChannel | undefined;
  title: string | undefined;
  content: string | undefined;
  bonusPoints: number;
  /** The chosen segment and holdout, for the split estimate; absent until a segment is chosen. */
  audience?: { name: string; count: number; holdoutPercent: number };
}

/** What a member receives, and roughly how the segment splits into those sent to and those held out. */
export function CampaignMessagePreview({ channel, title, content, bonusPoints, audience }: CampaignMessagePreviewProps) {
  const { token } = theme.useToken();
  const heldOut = audience ? Math.round((audience.count * audience.holdoutPercent) / 100) : 0;
  return (
    <Card title="消息预览" extra={channel && <ChannelTag channel={channel} />} data-testid="campaign-preview">
      <MessageBubble title={title} content={content} bonusPoints={bonusPoints} background={token.colorFillTertiary} />
      <Divider style={{ margin: '16px 0' }} />
      {audience ? (
        <Descriptions column={1} size="small" data-testid="campaign-audience">
          <Descriptions.Item label="人群">{audience.name}</Descriptions.Item>
          <Descriptions.Item label="当前人数">{formatCount(audience.count)} 人</Descriptions.Item>
          <Descriptions.Item label="发送组（约）">{formatCount(audience.count - heldOut)} 人</Descriptions.Item>
          <Descriptions.Item label="对照组（约）">
            {formatCount(heldOut)} 人（{audience.holdoutPercent}%）
          </Descriptions.Item>
        </Descriptions>
      ) : (
        <Typography.Text type="secondary">选择人群后显示发送组与对照组的人数</Typography.Text>
      )}
    </Card>
  );
}

interface MessageBubbleProps {
  title: string | undefined;
  content: string | undefined;
  bonusPoints: number;
  background: string;
}

/** A sample member for the preview; the server puts each member's own name in (尊敬的会员 without one). */
const SAMPLE_NAME = '王先生';

/** The body as a member reads it: {name} and {points} filled in the way the server fills them. */
function personalised(content: string, bonusPoints: number): string {
  return content.replace(/\{name\}/g, SAMPLE_NAME).replace(/\{points\}/g, String(bonusPoints));
}

/** The message as it reads on the phone: title, body, and the points it grants. */
export function MessageBubble({ title, content, bonusPoints, background }: MessageBubbleProps) {
  return (
    <Flex vertical gap={8} style={{ background, borderRadius: 12, padding: 16 }} data-testid="campaign-message">
      <Typography.Text strong style={{ fontSize: 15 }}>
        {title?.trim() || <Typography.Text type="secondary">（标题）</Typography.Text>}
      </Typography.Text>
      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>
        {content?.trim() ? personalised(content.trim(), bonusPoints) : <Typography.Text type="secondary">（内容）</Typography.Text>}
      </Typography.Paragraph>
      {bonusPoints > 0 && (
        <Typography.Text type="warning">
          <GiftOutlined /> 赠送 {formatPoints(bonusPoints)} 积分
        </Typography.Text>
      )}
    </Flex>
  );
}
