import { Button, Empty, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import { TASK_KIND_LABELS, type Task } from '../../api/tasks';
import { DueTime, LeadStageTag } from '../leads/lead-stage-tag';

interface TaskTableProps {
  tasks: Task[] | undefined;
  loading: boolean;
  emptyText: string;
  completingId: number | undefined;
  onComplete: (task: Task) => void;
}

export function TaskTable({ tasks, loading, emptyText, completingId, onComplete }: TaskTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<Task> = [
    { title: '到期时间', dataIndex: 'dueAt', width: 200, render: (_, task) => <DueTime at={task.dueAt} /> },
    {
      title: '类型',
      dataIndex: 'kind',
      width: 100,
      render: (_, task) => <Tag color={task.kind === 'FIRST_CONTACT' ? 'magenta' : 'blue'}>{TASK_KIND_LABELS[task.kind]}</Tag>,
    },
    { title: '跟进目的', dataIndex: 'purpose', ellipsis: true },
    {
      title: '客户',
      dataIndex: 'lead',
      width: 200,
      render: (_, task) =>
        task.lead ? (
          <Space size={4}>
            <Link to={`/leads/${task.lead.id}`} data-testid="task-lead-link">
              {task.lead.name}
            </Link>
            <LeadStageTag stage={task.lead.stage} />
          </Space>
        ) : (
          <Typography.Text type="secondary">—</Typography.Text>
        ),
    },
    {
      title: '操作',
      key: 'actions',
      width: 170,
      render: (_, task) => (
        <Space size={0}>
          {task.leadId !== null && (
            <Button type="link" size="small" onClick={() => navigate(`/leads/${task.leadId}`)}>
              去跟进
            </Button>
          )}
          {task.kind === 'MESSAGE_REVIEW' && (
            <Button type="link" size="small" onClick={() => navigate('/automation/outbox?status=DEAD')}>
              去核实
            </Button>
          )}
          <Button
            type="link"
            size="small"
            data-testid={`task-complete-${task.id}`}
            loading={completingId === task.id}
            onClick={() => onComplete(task)}
          >
            完成
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <Table<Task>
      data-testid="task-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={tasks ?? []}
      loading={loading}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty description={emptyText} /> }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: (total) => `共 ${total} 条` }}
    />
  );
}
