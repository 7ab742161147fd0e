import { Alert, Button, Card, Flex, Statistic, Tooltip, theme } from 'antd';
import { OUTBOX_STATUS_LABELS, OUTBOX_STATUSES, type OutboxStatus, type OutboxSummary } from '../../api/automation';
import type { RemoteData } from '../../hooks/use-remote-data';

/** What each count means, for the tooltip: the words a person needs to act on it. */
const STATUS_HINTS: Record<OutboxStatus, string> = {
  PENDING: '等待发送（含短信夜间顺延、失败后等待重试的消息）',
  SENDING: '正在发送',
  SENT: '已成功发出',
  SKIPPED: '未发送：客户退订了该渠道、没有手机号或未绑定微信等，原因写在状态下方',
  DEAD: '多次重试仍发送失败，需要人工处理：核对原因后可重新发送',
};

interface OutboxSummaryCardsProps {
  summary: RemoteData<OutboxSummary>;
  selected: OutboxStatus | undefined;
  /** A click on a card filters the list to that status; a second click shows every status again. */
  onSelect: (status: OutboxStatus | undefined) => void;
}

/** The outbox at a glance: one card per status, 失败待处理 in red; each card filters the list. */
export function OutboxSummaryCards({ summary, selected, onSelect }: OutboxSummaryCardsProps) {
  const { token } = theme.useToken();
  if (summary.error && !summary.data) {
    return (
      <Alert
        type="warning"
        showIcon
        title={`发送统计加载失败：${summary.error.message}`}
        action={
          <Button size="small" onClick={summary.reload}>
            重试
          </Button>
        }
      />
    );
  }
  return (
    <Flex wrap gap={12} data-testid="outbox-summary">
      {OUTBOX_STATUSES.map((status) => {
        const count = summary.data?.[status];
        const dead = status === 'DEAD';
        const active = selected === status;
        const alarming = dead && (count ?? 0) > 0;
        return (
          <Tooltip key={status} title={STATUS_HINTS[status]}>
            <Card
              size="small"
              hoverable
              loading={count === undefined && summary.loading}
              onClick={() => onSelect(active ? undefined : status)}
              data-testid={`outbox-summary-${status}`}
              data-active={active}
              style={{
                flex: '1 1 150px',
                cursor: 'pointer',
                borderColor: active ? (dead ? token.colorError : token.colorPrimary) : alarming ? token.colorErrorBorder : undefined,
                background: alarming ? token.colorErrorBg : undefined,
                boxShadow: active ? `0 0 0 1px ${dead ? token.colorError : token.colorPrimary}` : undefined,
              }}
            >
              <Statistic
                title={OUTBOX_STATUS_LABELS[status]}
                value={count ?? 0}
                styles={{ content: { color: dead ? token.colorError : status === 'SENT' ? token.colorSuccess : undefined } }}
              />
            </Card>
          </Tooltip>
        );
      })}
    </Flex>
  );
}
