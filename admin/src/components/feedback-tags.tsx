import { Tag, Typography } from 'antd';
import {
  COMPLAINT_CATEGORY_LABELS,
  COMPLAINT_STATUS_LABELS,
  npsBand,
  SURVEY_KIND_LABELS,
  type ComplaintCategory,
  type ComplaintStatus,
  type NpsBand,
  type SurveyKind,
} from '../api/feedback';

// The feedback tags, one colour scheme wherever a survey score or a complaint shows.

const COMPLAINT_STATUS_COLORS: Record<ComplaintStatus, string> = { OPEN: 'red', IN_PROGRESS: 'processing', RESOLVED: 'green', CLOSED: 'default' };

export function ComplaintStatusTag({ status }: { status: ComplaintStatus }) {
  return (
    <Tag color={COMPLAINT_STATUS_COLORS[status]} style={{ marginInlineEnd: 0 }} data-testid="complaint-status" data-status={status}>
      {COMPLAINT_STATUS_LABELS[status]}
    </Tag>
  );
}

export function ComplaintCategoryTag({ category }: { category: ComplaintCategory }) {
  return (
    <Tag color="orange" style={{ marginInlineEnd: 0 }}>
      {COMPLAINT_CATEGORY_LABELS[category]}
    </Tag>
  );
}

export function SurveyKindTag({ kind }: { kind: SurveyKind }) {
  return (
    <Tag color={kind === 'SERVICE' ? 'blue' : 'magenta'} style={{ marginInlineEnd: 0 }}>
      {SURVEY_KIND_LABELS[kind]}
    </Tag>
  );
}

const NPS_BAND_STYLES: Record<NpsBand, { color: string; label: string }> = {
  promoter: { color: 'green', label: '推荐者' },
  passive: { color: 'gold', label: '中立者' },
  detractor: { color: 'red', label: '贬损者' },
};

/** An NPS answer (0–10) coloured by its band: green recommends, gold is passive, red detracts. */
export function NpsScore({ score }: { score: number | null }) {
  if (score === null) return <Typography.Text type="secondary">—</Typography.Text>;
  const band = npsBand(score);
  const { color, label } = NPS_BAND_STYLES[band];
  return (
    <Tag color={color} style={{ marginInlineEnd: 0, minWidth: 64, textAlign: 'center' }} data-testid="survey-nps" data-band={band}>
      {score} · {label}
    </Tag>
  );
}
