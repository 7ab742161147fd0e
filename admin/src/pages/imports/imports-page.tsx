import { useCallback, useState } from 'react';
import { Card, Divider, Flex, Typography } from 'antd';
import { IMPORT_KINDS, type ImportJob, type ImportKind } from '../../api/imports';
import { can } from '../../access';
import { useCurrentStaff } from '../../layouts/current-staff';
import { ImportHistoryTable } from './import-history-table';
import { ImportJobPanel } from './import-job-panel';
import { ImportUpload } from './import-upload';

/**
 * 数据导入 `/imports`: download a template, upload the filled .xlsx, read what the dry run found row by row,
 * then 确认导入 writes it all at once. Managers import leads; head office also customers with their cars.
 */
export function ImportsPage() {
  const staff = useCurrentStaff();
  const kinds = IMPORT_KINDS.filter((kind) => kind === 'leads' || can(staff.role, 'imports.customerVehicles'));
  const [kind, setKind] = useState<ImportKind>('leads');
  const [openedId, setOpenedId] = useState<number>();
  // Bumped when an import starts or changes status, so the history follows.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((current) => current + 1), []);

  function uploaded(job: ImportJob) {
    setOpenedId(job.id);
    changed();
  }

  return (
    <Card title="数据导入" data-testid="imports-page">
      <Flex vertical gap={16}>
        <ImportUpload kinds={kinds} kind={kind} onKindChange={setKind} onUploaded={uploaded} />
        {openedId !== undefined && <ImportJobPanel key={openedId} jobId={openedId} onChanged={changed} />}
        <Divider style={{ margin: 0 }} />
        <Typography.Title level={5} style={{ margin: 0 }}>
          导入记录
        </Typography.Title>
        <ImportHistoryTable version={version} openedId={openedId} onOpen={setOpenedId} />
      </Flex>
    </Card>
  );
}
