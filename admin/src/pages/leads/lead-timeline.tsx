import { Card, Empty, Flex, Timeline, Typography } from 'antd';
import type { TimelineEntry, TimelineKind } from '../../api/leads';
import { formatShanghaiTime } from '../../shanghai-time';

const KIND_COLORS: Record<TimelineKind, string> = {
  TOUCH: 'gray',
  FOLLOW_UP: 'blue',
  STAGE: 'green',
  ASSIGNMENT: 'purple',
  TASK: 'cyan',
  QUOTE: 'gold',
  ORDER: 'orange',
  DELIVERY: 'green',
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
          items={entries.map((entry, index) => ({
            key: `${entry.at}-${index}`,
            color: KIND_COLORS[entry.kind],
            content: (
              <Flex vertical gap={2} data-testid="lead-timeline-entry">
                <Flex gap={8} wrap align="baseline">
                  <Typography.Text strong>{entry.title}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatShanghaiTime(entry.at)}
                    {entry.staff ? ` · ${entry.staff.name}` : ''}
                  </Typography.Text>
                </Flex>
                {entry.detail && <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{entry.detail}</Typography.Text>}
              </Flex>
            ),
          }))}
        />
      )}
    </Card>
  );
}
