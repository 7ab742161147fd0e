import { Card, Empty, Flex, Typography } from 'antd';
import { QUOTE_LINE_KIND_LABELS, type Quote } from '../../api/leads';
import { formatBasisPoints, formatFen } from '../../money-format';
import { formatShanghaiTime } from '../../shanghai-time';
import { ApprovalStatusTag, quoteTitle } from './quote-display';

/** 报价: each quote with its total, discount and approval state. */
export function LeadQuotesCard({ quotes }: { quotes: Quote[] }) {
  return (
    <Card title={`报价（${quotes.length}）`} size="small" data-testid="lead-quotes-card">
      {quotes.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="尚未报价" />
      ) : (
        <Flex vertical gap={12}>
          {quotes.map((quote) => (
            <Flex key={quote.id} vertical gap={2} data-testid="lead-quote">
              <Flex justify="space-between" gap={8}>
                <Typography.Text strong>{quoteTitle(quote)}</Typography.Text>
                <ApprovalStatusTag status={quote.approvalStatus} />
              </Flex>
              <Typography.Text>
                合计 <Typography.Text strong>{formatFen(quote.totalFen)}</Typography.Text>
                <Typography.Text type="secondary">
                  {' '}
                  · 指导价 {formatFen(quote.msrpFen)} · 优惠 {formatFen(quote.discountFen)}（{formatBasisPoints(quote.discountBp)}）
                </Typography.Text>
              </Typography.Text>
              {quote.lines.length > 0 && (
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {quote.lines.map((line) => `${QUOTE_LINE_KIND_LABELS[line.kind]}·${line.name} ${formatFen(line.amountFen)}`).join('；')}
                </Typography.Text>
              )}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {quote.createdBy.name} · {formatShanghaiTime(quote.createdAt)}
                {quote.decidedBy && ` · ${quote.decidedBy.name}审批于 ${formatShanghaiTime(quote.decidedAt)}`}
                {quote.decisionNote && `：${quote.decisionNote}`}
              </Typography.Text>
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
