import { ReloadOutlined, TeamOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Spin, Statistic, Tag, Typography } from 'antd';
import type { LiveCount } from './use-live-count';

interface SegmentCountCardProps {
  live: LiveCount;
  /** The conditions in words; empty for "everyone". */
  conditions: string[];
}

/** 当前人数: the members the conditions on screen hold, recounted as they change. */
export function SegmentCountCard({ live, conditions }: SegmentCountCardProps) {
  const { count, counting, invalid, error } = live;
  return (
    <Card title="当前人数" data-testid="segment-live-count-card">
      <Flex vertical gap={12}>
        <div data-testid="segment-live-count" data-counting={counting ? 'true' : 'false'} data-count={count ?? ''}>
          <Spin spinning={counting} size="small" description="计数中">
            <Statistic
              value={invalid || count === undefined ? '—' : count}
              suffix={invalid || count === undefined ? undefined : '人'}
              prefix={<TeamOutlined />}
              styles={{ content: { fontSize: 36 } }}
            />
          </Spin>
        </div>
        {invalid && <Alert type="warning" showIcon title="条件有误（如下限大于上限），修正后重新计数" />}
        {error && !invalid && (
          <Alert
            type="error"
            showIcon
            title={`计数失败：${error.message}`}
            data-testid="segment-live-count-error"
            action={
              <Button size="small" icon={<ReloadOutlined />} onClick={live.retry}>
                重试
              </Button>
            }
          />
        )}
        <div>
          <Typography.Text type="secondary">圈选条件</Typography.Text>
          <Flex wrap gap={6} style={{ marginTop: 6 }} data-testid="segment-conditions">
            {conditions.length === 0 ? <Tag>全部会员</Tag> : conditions.map((words) => <Tag key={words}>{words}</Tag>)}
          </Flex>
        </div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          人数按当前会员数据实时统计；活动发送时按当时的条件重新圈选。
        </Typography.Text>
      </Flex>
    </Card>
  );
}
