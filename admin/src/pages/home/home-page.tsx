import { createElement } from 'react';
import { Card, Col, Flex, Row, Tag, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import type { Role } from '../../api/org';
import { areasFor, ROLE_LABELS } from '../../access';
import { useCurrentStaff, workplaceOf } from '../../layouts/current-staff';
import { shanghaiNow } from '../../shanghai-time';
import { TodayTasksCard } from './today-tasks-card';

/** What each role comes to the system for (from the product brief), shown under the greeting. */
const ROLE_FOCUS: Record<Role, string> = {
  ADMIN: '维护门店、区域、员工与角色，管理数据导入与审计日志。',
  CONSULTANT: '跟进我的线索与今日任务，推进线索阶段，安排试驾、报价、下单与交车。',
  DIRECTOR: '查看全部门店的销售漏斗与业绩，审批折扣，调整分配规则。',
  MARKETER: '管理会员等级与积分规则，圈选客户群，发起营销活动并查看效果。',
  REGION_MANAGER: '查看本区域各门店的团队业绩与线索，审批折扣，处理人员交接。',
  SERVICE_ADVISOR: '处理今日与明日的售后预约，接车、开工单，直至结算。',
  STORE_MANAGER: '管理本店团队的线索分配与跟进，审批折扣，查看门店指标。',
};

function greetingAt(hour: number): string {
  if (hour < 5) return '夜深了';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export function HomePage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const now = shanghaiNow();
  const quickLinks = areasFor(staff.role).filter((area) => area.path !== '/');

  return (
    <Flex vertical gap={24} data-testid="home-page">
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {greetingAt(now.hour())}，{staff.name}
        </Typography.Title>
        <Flex gap={8} wrap align="center">
          <Tag color="blue">{ROLE_LABELS[staff.role]}</Tag>
          <Typography.Text type="secondary">{workplaceOf(staff)}</Typography.Text>
          <Typography.Text type="secondary">·</Typography.Text>
          <Typography.Text type="secondary">{now.format('YYYY年M月D日 dddd')}</Typography.Text>
        </Flex>
        <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>{ROLE_FOCUS[staff.role]}</Typography.Paragraph>
      </Card>
      {staff.role === 'CONSULTANT' && <TodayTasksCard />}
      <div>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          快捷入口
        </Typography.Title>
        <Row gutter={[16, 16]}>
          {quickLinks.map((area) => (
            <Col key={area.path} xs={24} sm={12} lg={8} xl={6}>
              <Card hoverable onClick={() => navigate(area.path)} data-testid={`quick-link-${area.path.slice(1).replace(/\//g, '-')}`}>
                <Card.Meta
                  avatar={createElement(area.icon, { style: { fontSize: 28, color: token.colorPrimary } })}
                  title={area.label}
                  description={area.description}
                />
              </Card>
            </Col>
          ))}
        </Row>
      </div>
    </Flex>
  );
}
