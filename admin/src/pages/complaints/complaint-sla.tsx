import { Flex, Tag, Tooltip, Typography } from 'antd';
import type { Complaint } from '../../api/feedback';
import { formatShanghaiTime } from '../../shanghai-time';

/**
 * 首次响应时限: the deadline for the first response, and whether it was met. Late is red; a ticket
 * the system escalated to the manager says so.
 */
export function ComplaintSla({ complaint }: { complaint: Complaint }) {
  const { firstResponseDueAt, firstRespondedAt, overdue, escalatedAt } = complaint;
  return (
    <Flex vertical gap={2} data-testid="complaint-sla" data-overdue={overdue}>
      <Typography.Text type={overdue && !firstRespondedAt ? 'danger' : undefined}>{formatShanghaiTime(firstResponseDueAt)} 前</Typography.Text>
      <Flex gap={4} wrap>
        {overdue && (
          <Tag color="red" style={{ marginInlineEnd: 0 }} data-testid="complaint-overdue">
            已超时
          </Tag>
        )}
        {escalatedAt && (
          <Tooltip title={`${formatShanghaiTime(escalatedAt)} 超时未响应，已升级给上级处理`}>
            <Tag color="volcano" style={{ marginInlineEnd: 0 }} data-testid="complaint-escalated">
              已升级
            </Tag>
          </Tooltip>
        )}
        {firstRespondedAt ? (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatShanghaiTime(firstRespondedAt)} 已响应
          </Typography.Text>
        ) : (
          !overdue && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              待首次响应
            </Typography.Text>
          )
        )}
      </Flex>
    </Flex>
  );
}
