import { useCallback, useEffect, useState } from 'react';
import { Button, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { IMPORT_KIND_LABELS, listImports, type ImportJobSummary } from '../../api/imports';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatShanghaiSeconds } from '../../shanghai-time';
import { ImportStatusTag } from './import-status-tag';
import { LoadError } from '../../components/load-error';

/** 导入记录: the imports the caller may see (head office: all; managers: their own), newest first. */
export function ImportHistoryTable({ version, openedId, onOpen }: { version: number; openedId: number | undefined; onOpen: (id: number) => void }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const load = useCallback((signal: AbortSignal) => listImports(page, signal), [page]);
  const history = useRemoteData(load);
  // `version` moves when an import starts or settles, so the list follows without a manual refresh.
  const { reload } = history;
  useEffect(() => {
    if (version > 0) reload();
  }, [version, reload]);

  const columns: TableColumnsType<ImportJobSummary> = [
    { title: '时间', dataIndex: 'createdAt', width: 170, render: (_, job) => formatShanghaiSeconds(job.createdAt) },
    { title: '类型', dataIndex: 'kind', width: 100, render: (_, job) => IMPORT_KIND_LABELS[job.kind] },
    { title: '文件', dataIndex: 'fileName', render: (_, job) => <Typography.Text ellipsis={{ tooltip: job.fileName }}>{job.fileName}</Typography.Text> },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, job) => <ImportStatusTag job={job} /> },
    { title: '行数', dataIndex: 'totalRows', width: 80, align: 'right' },
    { title: '新建', dataIndex: 'createdCount', width: 80, align: 'right' },
    { title: '跳过', dataIndex: 'skippedCount', width: 80, align: 'right' },
    { title: '错误', dataIndex: 'errorCount', width: 80, align: 'right' },
    { title: '操作人', dataIndex: ['createdBy', 'name'], width: 110 },
    {
      title: '',
      key: 'open',
      width: 70,
      render: (_, job) => (
        <Button type="link" size="small" disabled={job.id === openedId} onClick={() => onOpen(job.id)}>
          查看
        </Button>
      ),
    },
  ];

  if (history.error) {
    return (
      <LoadError what="导入记录" error={history.error} onRetry={history.reload} />
    );
  }
  return (
    <Table<ImportJobSummary>
      data-testid="import-history"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={history.data?.items ?? []}
      loading={history.loading}
      scroll={{ x: 1000 }}
      locale={{ emptyText: <Empty description="还没有导入记录：下载模板，填好后上传即可" /> }}
      pagination={{
        current: page.page,
        pageSize: page.pageSize,
        total: history.data?.total ?? 0,
        showTotal: (total) => `共 ${total} 条`,
        onChange: (current, pageSize) => setPage({ page: pageSize === page.pageSize ? current : 1, pageSize }),
      }}
    />
  );
}
