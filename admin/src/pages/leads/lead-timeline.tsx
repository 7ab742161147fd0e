import type { ComponentType } from 'react';
import {
  AccountBookOutlined,
  CarOutlined,
  CarryOutOutlined,
  FileDoneOutlined,
  GiftOutlined,
  LoginOutlined,
  MessageOutlined,
  RiseOutlined,
  SwapOutlined,
} from '@ant-design/icons';
import { Card, Empty, Flex, Tag, Timeline, Typography } from 'antd';
import type { TimelineEntry, TimelineKind } from '../../api/leads';
import { formatShanghaiTime } from '../../shanghai-time';

/** How each kind of event looks on the timeline: its colour, its icon and the word on its tag. */
const KIND_STYLES: Record<TimelineKind, { color: string; icon: ComponentType; label: string }> = {
  TOUCH: { color: 'gray', icon: LoginOutlined, label: '来源' },
  FOLLOW_UP: { color: 'blue', icon: MessageOutlined, label: '跟进' },
  STAGE: { color: 'green', icon: RiseOutlined, label: '阶段' },
  ASSIGNMENT: { color: 'purple', icon: SwapOutlined, label: '分配' },
  TASK: { color: 'cyan', icon: CarryOutOutlined, label: '任务' },
  QUOTE: { color: 'gold', icon: AccountBookOutlined, label: '报价' },
  ORDER: { color: 'orange', icon: FileDoneOutlined, label: '订单' },
  DELIVERY: { color: 'green', icon: GiftOutlined, label: '交车' },
  TEST_DRIVE: { color: 'magenta', icon: CarOutlined, label: '试驾' },
};

/** 跟进记录: everything that happened to the lead, newest first, with who did it. */
export function LeadTimeline({ entries }: { entries: TimelineEntry[] }) {
  return (
    <Card title="跟进记录" size="small" data-testid="lead-timeline">
      {entries.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" />
      ) : (
        <Timeline
          style={{ marginTop: 8 }}
          items={entries.map((entry, index) => {
            const { color, icon: Icon, label } = KIND_STYLES[entry.kind];
            return {
              key: `${entry.at}-${index}`,
              color,
              icon: <Icon />,
              content: (
                <Flex vertical gap={2} data-testid="lead-timeline-entry" data-kind={entry.kind}>
                  <Flex gap={8} wrap align="baseline">
                    <Tag color={color === 'gray' ? 'default' : color} style={{ marginInlineEnd: 0 }}>
                      {label}
                    </Tag>
                    <Typography.Text strong>{entry.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {formatShanghaiTime(entry.at)}
                      {entry.staff ? ` · ${entry.staff.name}` : ''}
                    </Typography.Text>
                  </Flex>
                  {entry.detail && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.detail}</Typography.Text>}
                </Flex>
              ),
            };
          })}
        />
      )}
    </Card>
  );
}
