import { Badge, Button, Card, Empty, Flex, Spin, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import { LEAD_STAGE_LABELS, LEAD_STAGES, type LeadStage, type LeadSummary } from '../../api/leads';
import { formatBudget } from '../../money-format';
import { DueTime, LEAD_STAGE_COLORS } from './lead-stage-tag';
import type { LeadBoard as LeadBoardData } from './use-lead-board';

interface LeadBoardProps {
  board: LeadBoardData | undefined;
  loading: boolean;
  /** Opens the table filtered to one stage, for columns with more leads than the board shows. */
  onShowStage: (stage: LeadStage) => void;
}

const COLUMN_WIDTH = 248;

/** The pipeline at a glance: a column per stage with its count and its newest leads as cards. */
export function LeadBoard({ board, loading, onShowStage }: LeadBoardProps) {
  return (
    <Spin spinning={loading}>
      <Flex gap={12} style={{ overflowX: 'auto', paddingBottom: 8 }} data-testid="lead-board">
        {LEAD_STAGES.map((stage) => (
          <StageColumn key={stage} stage={stage} page={board?.[stage]} onShowStage={onShowStage} />
        ))}
      </Flex>
    </Spin>
  );
}

function StageColumn({
  stage,
  page,
  onShowStage,
}: {
  stage: LeadStage;
  page: LeadBoardData[LeadStage] | undefined;
  onShowStage: (stage: LeadStage) => void;
}) {
  const { token } = theme.useToken();
  const total = page?.total ?? 0;
  const leads = page?.items ?? [];
  return (
    <Flex
      vertical
      gap={8}
      data-testid={`lead-board-column-${stage}`}
      style={{
        flex: `0 0 ${COLUMN_WIDTH}px`,
        background: token.colorFillQuaternary,
        borderRadius: token.borderRadiusLG,
        padding: 8,
        minHeight: 360,
      }}
    >
      <Flex justify="space-between" align="center" style={{ padding: '4px 4px 0' }}>
        <Badge color={LEAD_STAGE_COLORS[stage] === 'default' ? token.colorTextQuaternary : LEAD_STAGE_COLORS[stage]} text={<Typography.Text strong>{LEAD_STAGE_LABELS[stage]}</Typography.Text>} />
        <Typography.Text type="secondary" data-testid="lead-board-count">
          {total}
        </Typography.Text>
      </Flex>
      {leads.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无线索" />
      ) : (
        leads.map((lead) => <LeadCard key={lead.id} lead={lead} />)
      )}
      {total > leads.length && (
        <Button type="link" size="small" onClick={() => onShowStage(stage)}>
          查看全部 {total} 条
        </Button>
      )}
    </Flex>
  );
}

function LeadCard({ lead }: { lead: LeadSummary }) {
  const navigate = useNavigate();
  return (
    <Card
      size="small"
      hoverable
      data-testid="lead-board-card"
      onClick={() => navigate(`/leads/${lead.id}`)}
      styles={{ body: { padding: '8px 12px' } }}
    >
      <Flex justify="space-between" align="baseline" gap={8}>
        <Typography.Text strong ellipsis>
          {lead.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'nowrap' }}>
          {lead.mobile}
        </Typography.Text>
      </Flex>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} ellipsis>
        {lead.intendedModel?.name ?? '未定车型'} · {formatBudget(lead.budgetMin, lead.budgetMax)}
      </Typography.Text>
      <Flex justify="space-between" style={{ fontSize: 12, marginTop: 4 }} gap={8}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {lead.assignedTo?.name ?? '待分配'}
        </Typography.Text>
        {lead.nextFollowUpAt && (
          <span style={{ fontSize: 12 }}>
            <DueTime at={lead.nextFollowUpAt} compact />
          </span>
        )}
      </Flex>
    </Card>
  );
}
