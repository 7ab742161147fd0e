import { Tag, Typography } from 'antd';
import { LEAD_STAGE_LABELS, type LeadStage } from '../../api/leads';
import { formatShanghaiShort, formatShanghaiTime, isPast } from '../../shanghai-time';

/** One colour per stage, cool to warm along the pipeline; green once delivered, grey once lost. */
export const LEAD_STAGE_COLORS: Record<LeadStage, string> = {
  NEW: 'blue',
  CONTACTED: 'cyan',
  INVITED: 'geekblue',
  TEST_DRIVEN: 'purple',
  QUOTED: 'gold',
  ORDERED: 'orange',
  DELIVERED: 'green',
  LOST: 'default',
};

export function LeadStageTag({ stage }: { stage: LeadStage }) {
  return (
    <Tag color={LEAD_STAGE_COLORS[stage]} data-testid="lead-stage-tag">
      {LEAD_STAGE_LABELS[stage]}
    </Tag>
  );
}

/** A due time in Shanghai, red with 已逾期 once it has passed; `compact` for cards. */
export function DueTime({ at, empty = '—', compact = false }: { at: string | null; empty?: string; compact?: boolean }) {
  if (!at) return <Typography.Text type="secondary">{empty}</Typography.Text>;
  const time = compact ? formatShanghaiShort(at) : formatShanghaiTime(at);
  if (isPast(at)) {
    return (
      <Typography.Text type="danger" data-testid="overdue" style={{ fontSize: 'inherit' }}>
        {time}（已逾期）
      </Typography.Text>
    );
  }
  return <span>{time}</span>;
}
