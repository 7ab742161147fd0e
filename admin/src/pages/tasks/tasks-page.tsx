import { useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { App, Badge, Button, Card, Space, Tabs } from 'antd';
import { useSearchParams } from 'react-router';
import { toApiError } from '../../api/client';
import { completeTask, type Task, type TaskDue } from '../../api/tasks';
import { ExportButton } from '../../components/export-button';
import type { RemoteData } from '../../hooks/use-remote-data';
import { shanghaiNow } from '../../shanghai-time';
import { TaskTable } from './task-table';
import { useMyTasks } from './use-my-tasks';
import { LoadError } from '../../components/load-error';

/** The tabs: today's and overdue work first; 全部待办 also shows what is coming up. */
type TaskTab = TaskDue | 'all';

const EMPTY_TEXT: Record<TaskTab, string> = {
  today: '今天没有待跟进的任务',
  overdue: '没有逾期任务，继续保持',
  all: '没有待办任务',
};

function tabFrom(value: string | null): TaskTab {
  return value === 'overdue' || value === 'all' ? value : 'today';
}

/** 今日跟进: the consultant's home base — what is due today and what is already late. */
export function TasksPage() {
  const { message } = App.useApp();
  const [searchParams, setSearchParams] = useSearchParams();
  const tab = tabFrom(searchParams.get('due'));
  const today = useMyTasks('today');
  const overdue = useMyTasks('overdue');
  const all = useMyTasks(undefined);
  const lists: Record<TaskTab, RemoteData<Task[]>> = { today, overdue, all };
  const reloadAll = () => {
    today.reload();
    overdue.reload();
    all.reload();
  };
  const [completingId, setCompletingId] = useState<number>();

  async function complete(task: Task) {
    setCompletingId(task.id);
    try {
      await completeTask(task.id);
      message.success(`已完成：${task.purpose}`);
      reloadAll();
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setCompletingId(undefined);
    }
  }

  const tabLabel = (key: TaskTab, text: string) => (
    <span data-testid={`tasks-tab-${key}`}>
      {text}{' '}
      <Badge
        count={lists[key].data?.length ?? 0}
        showZero
        color={key === 'overdue' && (lists[key].data?.length ?? 0) > 0 ? 'red' : 'blue'}
        size="small"
      />
    </span>
  );

  const current = lists[tab];
  return (
    <Card
      title={`今日跟进 · ${shanghaiNow().format('M月D日 dddd')}`}
      data-testid="tasks-page"
      extra={
        <Space>
          <ExportButton path="/tasks/mine/export" filters={tab === 'all' ? {} : { due: tab }} data-testid="tasks-export" />
          <Button icon={<ReloadOutlined />} onClick={reloadAll}>
            刷新
          </Button>
        </Space>
      }
    >
      <Tabs
        activeKey={tab}
        onChange={(key) => setSearchParams(key === 'today' ? {} : { due: key })}
        items={[
          { key: 'today', label: tabLabel('today', '今日到期') },
          { key: 'overdue', label: tabLabel('overdue', '已逾期') },
          { key: 'all', label: tabLabel('all', '全部待办') },
        ]}
      />
      {current.error ? (
        <LoadError what="任务" error={current.error} onRetry={current.reload} data-testid="tasks-error" />
      ) : (
        <TaskTable
          tasks={current.data}
          loading={current.loading}
          emptyText={EMPTY_TEXT[tab]}
          completingId={completingId}
          onComplete={complete}
        />
      )}
    </Card>
  );
}
