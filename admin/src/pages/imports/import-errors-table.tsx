import { useCallback, useState } from 'react';
import { Alert, Button, Empty, Result, Table, type TableColumnsType } from 'antd';
import { listImportErrors, type ImportRowError } from '../../api/imports';
import { useRemoteData } from '../../hooks/use-remote-data';

const COLUMNS: TableColumnsType<ImportRowError> = [
  { title: '行号', dataIndex: 'row', width: 90 },
  { title: '列', dataIndex: 'column', width: 160 },
  { title: '问题', dataIndex: 'message' },
];

/** The bad cells of a checked file, a page at a time: the row as Excel shows it, the column, what is wrong. */
export function ImportErrorsTable({ jobId }: { jobId: number }) {
  const [page, setPage] = useState({ page: 1, pageSize: 10 });
  const load = useCallback((signal: AbortSignal) => listImportErrors(jobId, page.page, page.pageSize, signal), [jobId, page]);
  const errors = useRemoteData(load);

  if (errors.error) {
    return (
      <Result
        status="warning"
        title="错误明细加载失败"
        subTitle={errors.error.message}
        extra={
          <Button type="primary" onClick={errors.reload}>
            重试
          </Button>
        }
      />
    );
  }
  const shownAll = !errors.data || errors.data.errorCount <= errors.data.total;
  return (
    <>
      {!shownAll && <Alert type="info" showIcon title={`共 ${errors.data!.errorCount} 处错误，这里列出前 ${errors.data!.total} 处；改完后重新上传会再次校验全部行。`} />}
      <Table<ImportRowError>
        data-testid="import-errors-table"
        rowKey={(error) => `${error.row}-${error.column}-${error.message}`}
        size="small"
        columns={COLUMNS}
        dataSource={errors.data?.items ?? []}
        loading={errors.loading}
        locale={{ emptyText: <Empty description="没有错误" /> }}
        pagination={{
          current: page.page,
          pageSize: page.pageSize,
          total: errors.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [10, 20, 50],
          showTotal: (total) => `共 ${total} 处`,
          onChange: (current, pageSize) => setPage({ page: pageSize === page.pageSize ? current : 1, pageSize }),
        }}
      />
    </>
  );
}
