import { CheckCircleFilled, WarningFilled } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import type { PartNeed } from '../../api/service';

/** 配件齐 (green) or 缺件 (red) for an arrival, with what is short of which part. */
export function PartsReadinessTag({ ready }: { ready: boolean }) {
  return ready ? (
    <Tag color="success" icon={<CheckCircleFilled />} data-testid="parts-status" data-ready="true" style={{ marginInlineEnd: 0 }}>
      配件齐
    </Tag>
  ) : (
    <Tag color="error" icon={<WarningFilled />} data-testid="parts-status" data-ready="false" style={{ marginInlineEnd: 0 }}>
      缺件
    </Tag>
  );
}

/** The parts an arrival's items need against the store's stock; the short ones in red. */
export function PartsLines({ lines }: { lines: PartNeed[] }) {
  if (lines.length === 0) return <Typography.Text type="secondary">预约项目不需要配件</Typography.Text>;
  return (
    <Flex vertical gap={0} data-testid="parts-lines">
      {lines.map((line) => (
        <Typography.Text key={line.partId} type={line.short > 0 ? 'danger' : undefined} style={{ fontSize: 13 }} data-testid="parts-line" data-short={line.short}>
          {line.name}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {' '}
            {line.code}
          </Typography.Text>
          ：需 {line.needed}，可用 {line.available}
          {line.short > 0 && <strong>，缺 {line.short}</strong>}
        </Typography.Text>
      ))}
    </Flex>
  );
}
