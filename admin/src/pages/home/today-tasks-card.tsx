import { CarryOutOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Statistic, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { useMyTasks } from '../tasks/use-my-tasks';

/** A consultant's day at a glance on the home page, one click from 今日跟进. */
export function TodayTasksCard() {
  const navigate = useNavigate();
  const today = useMyTasks('today');
  const overdue = useMyTasks('overdue');
  const count = (tasks: typeof today) => tasks.data?.length ?? '—';
  const overdueCount = overdue.data?.length ?? 0;

  return (
    <Card data-testid="home-today-tasks">
      <Flex justify="space-between" align="center" wrap gap={16}>
        <Flex vertical gap={4}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            今日跟进
          </Typography.Title>
          <Typography.Text type="secondary">
            {today.error || overdue.error ? '任务加载失败，请进入今日跟进查看' : '先处理逾期任务，再跟进今天到期的客户'}
          </Typography.Text>
        </Flex>
        <Row gutter={48} align="middle" wrap={false}>
          <Col>
            <Statistic title="今日到期" value={count(today)} loading={today.loading && !today.data} />
          </Col>
          <Col>
            <Statistic
              title="已逾期"
              value={count(overdue)}
              loading={overdue.loading && !overdue.data}
              styles={{ content: { color: overdueCount > 0 ? '#cf1322' : undefined } }}
            />
          </Col>
          <Col>
            <Button type="primary" size="large" icon={<CarryOutOutlined />} onClick={() => navigate('/tasks')} data-testid="home-go-tasks">
              去跟进
            </Button>
          </Col>
        </Row>
      </Flex>
    </Card>
  );
}
