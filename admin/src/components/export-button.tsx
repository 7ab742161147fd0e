import { useState } from 'react';
import { DownloadOutlined } from '@ant-design/icons';
import { App, Button, Tooltip } from 'antd';
import { downloadFile, toApiError, type RequestOptions } from '../api/client';

interface ExportButtonProps {
  /** The list's export route, e.g. `/leads/export`. */
  path: string;
  /** The list's current filters, without page and pageSize: the export holds every page of them. */
  filters: RequestOptions['query'];
  /** What the tooltip says the file holds; lists say how their mobiles are masked. */
  hint?: string;
  'data-testid'?: string;
}

/** 导出 Excel: the list as the current filters show it, every page, saved as the .xlsx the server names. */
export function ExportButton({ path, filters, hint = '按当前筛选导出全部结果（手机号按权限脱敏），导出会记录在审计日志', 'data-testid': testId }: ExportButtonProps) {
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);

  async function exportList() {
    setExporting(true);
    try {
      await downloadFile(path, filters);
      message.success('导出完成');
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setExporting(false);
    }
  }

  return (
    <Tooltip title={hint}>
      <Button icon={<DownloadOutlined />} loading={exporting} data-testid={testId} onClick={() => void exportList()}>
        导出 Excel
      </Button>
    </Tooltip>
  );
}
