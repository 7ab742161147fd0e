import { useState } from 'react';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Segmented, Typography, Upload } from 'antd';
import { toApiError } from '../../api/client';
import { downloadImportTemplate, IMPORT_KIND_LABELS, uploadImport, type ImportJob, type ImportKind } from '../../api/imports';

const HINTS: Record<ImportKind, string> = {
  leads: '每行一条线索：姓名、手机号、门店编码必填；顾问账号留空则进入待分配线索池。同一手机号在该门店已有进行中的线索时跳过。',
  'customer-vehicles': '每行一辆车（旧 DMS 导出）：车主姓名、手机号、VIN、车型、交车日期必填；同一手机号为同一客户。已登记的 VIN 跳过。',
};

/** Step 1: choose what to import, get the template, upload the filled file (its dry run starts at once). */
export function ImportUpload({
  kinds,
  kind,
  onKindChange,
  onUploaded,
}: {
  kinds: readonly ImportKind[];
  kind: ImportKind;
  onKindChange: (kind: ImportKind) => void;
  onUploaded: (job: ImportJob) => void;
}) {
  const { message } = App.useApp();
  const [downloading, setDownloading] = useState(false);
  const [uploading, setUploading] = useState(false);

  async function download() {
    setDownloading(true);
    try {
      await downloadImportTemplate(kind);
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setDownloading(false);
    }
  }

  async function send(file: File) {
    setUploading(true);
    try {
      onUploaded(await uploadImport(kind, file));
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setUploading(false);
    }
  }

  return (
    <Flex vertical gap={12}>
      {kinds.length > 1 && (
        <Segmented<ImportKind>
          data-testid="import-kind"
          value={kind}
          options={kinds.map((value) => ({ value, label: IMPORT_KIND_LABELS[value] }))}
          onChange={onKindChange}
        />
      )}
      <Typography.Text type="secondary">{HINTS[kind]}先校验每一行，全部无误后再「确认导入」一次写入。</Typography.Text>
      <Flex gap={8} wrap>
        <Button icon={<DownloadOutlined />} loading={downloading} data-testid="import-template" onClick={() => void download()}>
          下载模板
        </Button>
        <Upload
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          showUploadList={false}
          maxCount={1}
          beforeUpload={(file) => {
            void send(file);
            // The file goes through the API client (token, error codes), not antd's own request.
            return Upload.LIST_IGNORE;
          }}
        >
          <Button type="primary" icon={<UploadOutlined />} loading={uploading} data-testid="import-upload">
            上传 Excel（.xlsx）
          </Button>
        </Upload>
      </Flex>
    </Flex>
  );
}
