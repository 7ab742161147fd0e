import { Tag } from 'antd';
import type { ImportJobSummary } from '../../api/imports';

/** 校验中, 待确认, 有错误, 导入中, 已导入, 失败: where an import stands, in one tag. */
export function ImportStatusTag({ job }: { job: Pick<ImportJobSummary, 'status' | 'errorCount'> }) {
  switch (job.status) {
    case 'VALIDATING':
      return <Tag color="processing">校验中</Tag>;
    case 'VALIDATED':
      return job.errorCount > 0 ? <Tag color="warning">有错误</Tag> : <Tag color="blue">待确认</Tag>;
    case 'COMMITTING':
      return <Tag color="processing">导入中</Tag>;
    case 'COMMITTED':
      return <Tag color="success">已导入</Tag>;
    case 'FAILED':
      return <Tag color="error">失败</Tag>;
  }
}
