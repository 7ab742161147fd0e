import { RightOutlined } from '@ant-design/icons';
import { Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { KPI_SECTION_LABELS, KPI_SECTIONS, type Kpi, type KpiSection } from '../../api/analytics';
import { FormulaTitle } from './formula-title';
import { formatKpiParts, formatKpiValue } from './kpi-format';

/** Notes under a section's heading: what its figures cover that the filters might suggest otherwise. */
const SECTION_NOTES: Partial<Record<KpiSection, string>> = {
  members: '会员指标为全公司口径，不受区域、门店和顾问筛选影响',
};

interface KpiSectionsProps {
  kpis: Kpi[];
  /** The list behind a card, or undefined when it has none (or the person may not open it). */
  drillPathOf: (kpi: Kpi) => string | undefined;
  onOpen: (path: string) => void;
}

/** The KPI cards under their section headings (销售 / 售后 / 会员), only the sections the server returned. */
export function KpiSections({ kpis, drillPathOf, onOpen }: KpiSectionsProps) {
  const sections = KPI_SECTIONS.map((section) => ({ section, kpis: kpis.filter((kpi) => kpi.section === section) })).filter(
    (group) => group.kpis.length > 0,
  );
  return (
    <Flex vertical gap={16}>
      {sections.map(({ section, kpis: sectionKpis }) => (
        <section key={section} data-testid={`kpi-section-${section}`}>
          <Flex align="baseline" gap={12} wrap style={{ marginBottom: 8 }}>
            <Typography.Title level={5} style={{ margin: 0 }}>
              {KPI_SECTION_LABELS[section]}
            </Typography.Title>
            {SECTION_NOTES[section] && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid={`kpi-section-note-${section}`}>
                {SECTION_NOTES[section]}
              </Typography.Text>
            )}
          </Flex>
          <Row gutter={[16, 16]}>
            {sectionKpis.map((kpi) => (
              <Col key={kpi.key} xs={24} sm={12} lg={8} xl={6} xxl={4}>
                <KpiCard kpi={kpi} drillPath={drillPathOf(kpi)} onOpen={onOpen} />
              </Col>
            ))}
          </Row>
        </section>
      ))}
    </Flex>
  );
}

function KpiCard({ kpi, drillPath, onOpen }: { kpi: Kpi; drillPath: string | undefined; onOpen: (path: string) => void }) {
  const parts = formatKpiParts(kpi);
  return (
    <Card
      size="small"
      hoverable={drillPath !== undefined}
      style={{ height: '100%', cursor: drillPath ? 'pointer' : undefined }}
      data-testid={`kpi-${kpi.key}`}
      data-drill={drillPath}
      onClick={drillPath ? () => onOpen(drillPath) : undefined}
    >
      <Statistic title={<FormulaTitle title={kpi.label} formula={kpi.formula} testId={`kpi-formula-${kpi.key}`} />} value={formatKpiValue(kpi.unit, kpi.value)} />
      <Flex justify="space-between" align="center" style={{ minHeight: 22 }}>
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kpi-parts">
          {parts}
        </Typography.Text>
        {drillPath && (
          <Typography.Link style={{ fontSize: 12 }}>
            明细 <RightOutlined />
          </Typography.Link>
        )}
      </Flex>
    </Card>
  );
}
