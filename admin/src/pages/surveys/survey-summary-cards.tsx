import { QuestionCircleOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Flex, Rate, Row, Space, Statistic, Tooltip, Typography, theme } from 'antd';
import type { SurveySummary } from '../../api/feedback';
import type { RemoteData } from '../../hooks/use-remote-data';

const NPS_FORMULA = 'NPS = 推荐者% − 贬损者%，按已回复的回访计算，范围 −100 ~ 100。推荐者：9–10 分；中立者：7–8 分；贬损者：0–6 分。';
const CSAT_FORMULA = 'CSAT = 满意度评分（1–5 分）的平均值，按已回复的回访计算。';
const RATE_FORMULA = '回复率 = 已回复 ÷ 已发送';

const ONE_DECIMAL = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 1 });

function Title({ text, hint }: { text: string; hint: string }) {
  return (
    <Space size={4}>
      {text}
      <Tooltip title={hint}>
        <QuestionCircleOutlined data-testid="survey-formula" />
      </Tooltip>
    </Space>
  );
}

/** The share of promoters, passives and detractors as one bar, with the counts under it. */
function NpsBands({ summary }: { summary: SurveySummary }) {
  const { token } = theme.useToken();
  const total = summary.promoters + summary.passives + summary.detractors;
  const bands = [
    { key: 'promoters', label: '推荐者', count: summary.promoters, color: token.colorSuccess },
    { key: 'passives', label: '中立者', count: summary.passives, color: token.colorWarning },
    { key: 'detractors', label: '贬损者', count: summary.detractors, color: token.colorError },
  ];
  return (
    <Flex vertical gap={8} data-testid="survey-bands">
      <Flex style={{ height: 10, borderRadius: 5, overflow: 'hidden', background: token.colorFillSecondary, marginTop: 8 }}>
        {total > 0 && bands.map((band) => <div key={band.key} style={{ width: `${(band.count / total) * 100}%`, background: band.color }} />)}
      </Flex>
      <Flex justify="space-between" wrap gap={4}>
        {bands.map((band) => (
          <Space key={band.key} size={4} data-testid={`survey-${band.key}`}>
            <span style={{ display: 'inline-block', width: 8, height: 8, borderRadius: 4, background: band.color }} />
            <Typography.Text type="secondary">{band.label}</Typography.Text>
            <Typography.Text strong>{band.count}</Typography.Text>
          </Space>
        ))}
      </Flex>
    </Flex>
  );
}

/** 回访概况 over the filtered period and store: reach, NPS and CSAT, each with its formula. */
export function SurveySummaryCards({ summary }: { summary: RemoteData<SurveySummary> }) {
  const { token } = theme.useToken();
  if (summary.error && !summary.data) {
    return (
      <Alert
        type="warning"
        showIcon
        title={`回访统计加载失败：${summary.error.message}`}
        action={
          <Button size="small" onClick={summary.reload}>
            重试
          </Button>
        }
      />
    );
  }
  const data = summary.data;
  const loading = !data && summary.loading;
  const nps = data?.nps ?? null;
  const csat = data?.csatAverage ?? null;
  const npsColor = nps === null ? undefined : nps >= 50 ? token.colorSuccess : nps >= 0 ? token.colorWarning : token.colorError;

  return (
    <Row gutter={[12, 12]} data-testid="survey-summary">
      <Col xs={12} lg={4}>
        <Card size="small" loading={loading} style={{ height: '100%' }}>
          <Statistic title="已发送" value={data?.sent ?? 0} suffix="份" data-testid="survey-sent" />
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card size="small" loading={loading} style={{ height: '100%' }}>
          <Statistic
            title={<Title text="回复率" hint={RATE_FORMULA} />}
            value={data && data.sent > 0 ? ONE_DECIMAL.format(data.responseRate) : '—'}
            suffix={data && data.sent > 0 ? '%' : undefined}
            data-testid="survey-response-rate"
          />
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="survey-answered">
            已回复 {data?.answered ?? 0} 份
          </Typography.Text>
        </Card>
      </Col>
      <Col xs={12} lg={5}>
        <Card size="small" loading={loading} style={{ height: '100%' }}>
          <Statistic
            title={<Title text="NPS 净推荐值" hint={NPS_FORMULA} />}
            value={nps === null ? '—' : ONE_DECIMAL.format(nps)}
            styles={{ content: { color: npsColor } }}
            data-testid="survey-nps-score"
          />
        </Card>
      </Col>
      <Col xs={12} lg={4}>
        <Card size="small" loading={loading} style={{ height: '100%' }}>
          <Statistic
            title={<Title text="CSAT 满意度" hint={CSAT_FORMULA} />}
            value={csat === null ? '—' : csat.toFixed(1)}
            suffix={csat === null ? undefined : '/ 5'}
            data-testid="survey-csat"
          />
          <Rate disabled allowHalf value={csat === null ? 0 : Math.round(csat * 2) / 2} style={{ fontSize: 12 }} />
        </Card>
      </Col>
      <Col xs={24} lg={6}>
        <Card size="small" loading={loading} style={{ height: '100%' }}>
          <Typography.Text type="secondary">
            <Title text="评分分布" hint={NPS_FORMULA} />
          </Typography.Text>
          {data && <NpsBands summary={data} />}
        </Card>
      </Col>
    </Row>
  );
}
