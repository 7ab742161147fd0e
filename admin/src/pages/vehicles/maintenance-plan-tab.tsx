import { Alert, Card, Descriptions, Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { MaintenanceDue, MaintenancePlan } from '../../api/vehicles';
import { DueStatusTag } from '../../components/service-tags';
import { formatKm } from '../../mileage-format';

const DUE_ORDER = { DUE: 0, DUE_SOON: 1, NOT_DUE: 2 } as const;

function interval(item: MaintenanceDue): string {
  const parts = [item.intervalKm ? formatKm(item.intervalKm) : null, item.intervalMonths ? `${item.intervalMonths} 个月` : null].filter(Boolean);
  return parts.length > 0 ? `每 ${parts.join(' 或 ')}` : '—';
}

/** 保养计划: each item of the model's schedule with when (date or km, whichever first) it falls due. */
export function MaintenancePlanTab({ plan }: { plan: MaintenancePlan }) {
  const items = [...plan.items].sort((a, b) => DUE_ORDER[a.status] - DUE_ORDER[b.status]);
  const dueNow = plan.items.filter((item) => item.status === 'DUE');
  const columns: TableColumnsType<MaintenanceDue> = [
    { title: '项目', dataIndex: 'name', render: (_, item) => <Typography.Text strong>{item.name}</Typography.Text> },
    { title: '状态', dataIndex: 'status', width: 100, render: (_, item) => <DueStatusTag status={item.status} /> },
    { title: '到期日期', dataIndex: 'dueOn', width: 120, render: (_, item) => item.dueOn ?? '—' },
    { title: '到期里程', dataIndex: 'dueKm', width: 120, align: 'right', render: (_, item) => (item.dueKm === null ? '—' : formatKm(item.dueKm)) },
    {
      title: '上次保养',
      key: 'last',
      width: 200,
      render: (_, item) =>
        item.lastDoneOn ? (
          `${item.lastDoneOn}${item.lastDoneKm === null ? '' : ` · ${formatKm(item.lastDoneKm)}`}`
        ) : (
          <Typography.Text type="secondary">未做过</Typography.Text>
        ),
    },
    { title: '周期', key: 'interval', width: 200, render: (_, item) => interval(item) },
  ];

  return (
    <Card size="small" title="保养计划" data-testid="maintenance-plan">
      {dueNow.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          title={`已到期 ${dueNow.length} 项：${dueNow.map((item) => item.name).join('、')}`}
          description="车主预约保养时可一并安排。"
        />
      )}
      <Descriptions
        size="small"
        column={{ xs: 1, md: 3 }}
        style={{ marginBottom: 12 }}
        data-testid="next-due"
        items={[
          { key: 'projected', label: '推算今日里程', children: formatKm(plan.projectedKm) },
          {
            key: 'byDate',
            label: '下次到期（按日期）',
            children: plan.nextDue.byDate ? `${plan.nextDue.byDate.dueOn} ${plan.nextDue.byDate.name}` : '—',
          },
          {
            key: 'byMileage',
            label: '下次到期（按里程）',
            children: plan.nextDue.byMileage ? `${formatKm(plan.nextDue.byMileage.dueKm)} ${plan.nextDue.byMileage.name}` : '—',
          },
        ]}
      />
      <Table<MaintenanceDue>
        data-testid="maintenance-items"
        rowKey="itemId"
        size="small"
        columns={columns}
        dataSource={items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该车型还没有保养计划" /> }}
      />
    </Card>
  );
}
