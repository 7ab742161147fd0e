import { useState } from 'react';
import { App, Button, Card, Empty, Flex, Tag, Typography } from 'antd';
import { toApiError } from '../../api/client';
import { completeTask, TASK_KIND_LABELS, type Task } from '../../api/tasks';
import { DueTime } from './lead-stage-tag';

interface LeadTasksCardProps {
  tasks: Task[];
  /** Only the task's assignee completes it; others see the tasks read-only. */
  currentStaffId: number;
  onChanged: () => void;
}

/** 待办任务: the next follow-up first, then the rest of the lead's open tasks. */
export function LeadTasksCard({ tasks, currentStaffId, onChanged }: LeadTasksCardProps) {
  const { message } = App.useApp();
  const [completing, setCompleting] = useState<number>();
  const ordered = [...tasks].sort((a, b) => a.dueAt.localeCompare(b.dueAt));

  async function complete(task: Task) {
    setCompleting(task.id);
    try {
      await completeTask(task.id);
      message.success('任务已完成');
      onChanged();
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setCompleting(undefined);
    }
  }

  return (
    <Card title="待办任务" size="small" data-testid="lead-tasks-card">
      {ordered.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="没有待办任务" />
      ) : (
        <Flex vertical gap={12}>
          {ordered.map((task, index) => (
            <Flex key={task.id} justify="space-between" align="start" gap={8} data-testid="lead-task">
              <Flex vertical gap={2}>
                <Flex gap={6} align="center" wrap>
                  {index === 0 && <Tag color="blue">下一步</Tag>}
                  <Tag>{TASK_KIND_LABELS[task.kind]}</Tag>
                  <Typography.Text strong>{task.purpose}</Typography.Text>
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DueTime at={task.dueAt} />
                  {task.assignee.id !== currentStaffId && ` · ${task.assignee.name}`}
                </Typography.Text>
              </Flex>
              {task.assignee.id === currentStaffId && (
                <Button size="small" loading={completing === task.id} onClick={() => complete(task)}>
                  完成
                </Button>
              )}
            </Flex>
          ))}
        </Flex>
      )}
    </Card>
  );
}
