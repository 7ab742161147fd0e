import { useEffect, useRef, useState } from 'react';
import { CheckCircleOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Progress, Result, Skeleton, Statistic, Typography } from 'antd';
import { toApiError } from '../../api/client';
import { commitImport, IMPORT_KIND_LABELS, isRunning, type ImportJob } from '../../api/imports';
import { ImportErrorsTable } from './import-errors-table';
import { ImportStatusTag } from './import-status-tag';
import { useImportJob } from './use-import-job';
import { LoadError } from '../../components/load-error';

/**
 * The import being looked at: its progress while it runs, then what the dry run found (the errors to fix, or
 * 确认导入), then the result. `onChanged` is told whenever its status changes, so the history can follow.
 */
export function ImportJobPanel({ jobId, onChanged }: { jobId: number; onChanged: () => void }) {
  const { job, error, loading, reload } = useImportJob(jobId);
  const lastStatus = useRef<string | undefined>(undefined);
  useEffect(() => {
    if (job && job.status !== lastStatus.current) {
      if (lastStatus.current !== undefined) onChanged();
      lastStatus.current = job.status;
    }
  }, [job, onChanged]);

  if (loading) return <Skeleton active paragraph={{ rows: 3 }} />;
  if (!job) {
    return (
      <LoadError what="导入记录" error={error} onRetry={reload} />
    );
  }
  return (
    <Card
      size="small"
      data-testid="import-job"
      title={
        <Flex gap={8} align="center">
          <span>
            {IMPORT_KIND_LABELS[job.kind]}：{job.fileName}
          </span>
          <ImportStatusTag job={job} />
        </Flex>
      }
    >
      <Flex vertical gap={16}>
        {error && <Alert type="warning" showIcon title={`刷新进度失败：${error.message}`} />}
        <JobBody job={job} onCommitted={reload} />
      </Flex>
    </Card>
  );
}

function JobBody({ job, onCommitted }: { job: ImportJob; onCommitted: () => void }) {
  if (isRunning(job.status)) return <JobProgress job={job} />;
  if (job.status === 'FAILED') {
    return <Alert data-testid="import-failed" type="error" showIcon title="导入失败" description={job.failureMessage ?? '导入失败，请重新上传'} />;
  }
  if (job.status === 'COMMITTED') {
    return (
      <Result
        data-testid="import-summary"
        status="success"
        title="导入完成"
        subTitle={`新建 ${job.createdCount} 条，跳过重复 ${job.skippedCount} 条（共 ${job.totalRows} 行）`}
      />
    );
  }
  return (
    <>
      <Counts job={job} />
      {job.errorCount > 0 ? (
        <>
          <Alert
            type="warning"
            showIcon
            title={`发现 ${job.errorCount} 处错误，文件未导入`}
            description="请在 Excel 中按下表（行号与 Excel 左侧行号一致）修改后重新上传；有错误的文件不能部分导入。"
          />
          <ImportErrorsTable jobId={job.id} />
        </>
      ) : (
        <CommitStep job={job} onCommitted={onCommitted} />
      )}
    </>
  );
}

function JobProgress({ job }: { job: ImportJob }) {
  if (job.status === 'VALIDATING') {
    return (
      <Flex vertical gap={4} data-testid="import-progress">
        <Typography.Text>正在逐行校验，已读取 {job.processedRows} 行…</Typography.Text>
        {/* The row count is known only once the whole file is read: the bar shows work, not a share. */}
        <Progress percent={100} status="active" showInfo={false} />
      </Flex>
    );
  }
  const percent = job.totalRows > 0 ? Math.min(99, Math.floor((job.processedRows / job.totalRows) * 100)) : 0;
  return (
    <Flex vertical gap={4} data-testid="import-progress">
      <Typography.Text>
        正在写入（全部成功才会生效），已处理 {job.processedRows} / {job.totalRows} 行…
      </Typography.Text>
      <Progress percent={percent} status="active" />
    </Flex>
  );
}

function Counts({ job }: { job: ImportJob }) {
  return (
    <Flex gap={48} wrap data-testid="import-counts">
      <Statistic title="数据行" value={job.totalRows} />
      <Statistic title="可导入" value={job.validRows} />
      <Statistic title="跳过重复" value={job.skippedCount} />
      <Statistic title="错误" value={job.errorCount} styles={job.errorCount > 0 ? { content: { color: '#cf1322' } } : undefined} />
    </Flex>
  );
}

function CommitStep({ job, onCommitted }: { job: ImportJob; onCommitted: () => void }) {
  const { message } = App.useApp();
  const [committing, setCommitting] = useState(false);

  async function commit() {
    setCommitting(true);
    try {
      await commitImport(job.id);
      onCommitted();
    } catch (error) {
      message.error(toApiError(error).message);
      onCommitted();
    } finally {
      setCommitting(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      <Alert
        type="success"
        showIcon
        icon={<CheckCircleOutlined />}
        title="校验通过"
        description={
          job.validRows > 0
            ? `确认后将新建 ${job.validRows} 条${job.skippedCount > 0 ? `，跳过已存在的 ${job.skippedCount} 条` : ''}；全部写入成功才生效，中途出错不会留下任何数据。`
            : `文件中的 ${job.skippedCount} 条都已存在，确认后不会新建任何数据。`
        }
      />
      <div>
        <Button type="primary" data-testid="import-commit" loading={committing} onClick={() => void commit()}>
          确认导入
        </Button>
      </div>
    </Flex>
  );
}
