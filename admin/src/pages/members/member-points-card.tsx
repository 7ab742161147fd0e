import { Card, Col, Flex, Progress, Row, Statistic, Tag, Typography } from 'antd';
import type { PointsSummary } from '../../api/loyalty';
import { formatPoints } from '../../points-format';
import { formatShanghaiDate } from '../../shanghai-time';

/** The member's card: balance, what the last 12 months earned toward the next tier, and what is about to expire. */
export function MemberPointsCard({ points }: { points: PointsSummary }) {
  const { nextTier } = points;
  const expiringTotal = points.expiringSoon.reduce((sum, lot) => sum + lot.points, 0);

  return (
    <Card data-testid="member-points-card">
      <Row gutter={[24, 16]}>
        <Col xs={12} lg={5}>
          <div data-testid="member-balance">
            <Statistic title="积分余额" value={points.balance} suffix="分" />
          </div>
        </Col>
        <Col xs={12} lg={5}>
          <div data-testid="member-earned">
            <Statistic title="近 12 个月获得" value={points.earned12Months} suffix="分" />
          </div>
        </Col>
        <Col xs={24} lg={7}>
          <Typography.Text type="secondary">升级进度</Typography.Text>
          {nextTier ? (
            <Flex vertical gap={0} data-testid="member-next-tier">
              <Progress
                percent={Math.min(100, Math.floor((points.earned12Months / Math.max(1, nextTier.minPoints)) * 100))}
                format={() => `${formatPoints(points.earned12Months)} / ${formatPoints(nextTier.minPoints)}`}
                style={{ marginBottom: 0 }}
              />
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {points.earned12Months >= nextTier.minPoints
                  ? `已达到${nextTier.name}门槛，下一次获得积分时升级`
                  : `再获得 ${formatPoints(nextTier.minPoints - points.earned12Months)} 分升级为${nextTier.name}`}
              </Typography.Text>
            </Flex>
          ) : (
            <div style={{ marginTop: 8 }} data-testid="member-next-tier">
              <Typography.Text strong>已是最高等级</Typography.Text>
            </div>
          )}
          <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
            等级按近 12 个月获得的积分评定（人工调整不计入）
          </Typography.Text>
        </Col>
        <Col xs={24} lg={7} data-testid="member-expiring">
          <Typography.Text type="secondary">90 天内到期</Typography.Text>
          {points.expiringSoon.length === 0 ? (
            <div style={{ marginTop: 8 }}>
              <Typography.Text>没有即将到期的积分</Typography.Text>
            </div>
          ) : (
            <Flex vertical gap={0} style={{ marginTop: 4 }}>
              <Typography.Text strong type="warning" style={{ fontSize: 20 }}>
                {formatPoints(expiringTotal)} 分
              </Typography.Text>
              {points.expiringSoon.map((lot) => (
                <Typography.Text key={lot.expiresAt} type="secondary" style={{ fontSize: 12 }}>
                  {formatPoints(lot.points)} 分 · {formatShanghaiDate(lot.expiresAt)} 到期
                </Typography.Text>
              ))}
            </Flex>
          )}
        </Col>
      </Row>
      <Flex wrap gap={8} align="center" style={{ marginTop: 16 }} data-testid="member-perks">
        <Typography.Text type="secondary">
          {points.tierName}权益{points.tierMinPoints > 0 ? `（门槛 ${formatPoints(points.tierMinPoints)} 分）` : ''}：
        </Typography.Text>
        {points.perks.length === 0 ? (
          <Typography.Text type="secondary">暂无</Typography.Text>
        ) : (
          points.perks.map((perk) => (
            <Tag key={perk} style={{ marginInlineEnd: 0 }}>
              {perk}
            </Tag>
          ))
        )}
      </Flex>
    </Card>
  );
}
