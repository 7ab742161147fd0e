import { useCallback, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { listAuditEntries, type AuditEntry, type AuditListQuery } from '../../api/audit';
import type { Role } from '../../api/org';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { AuditEntryDrawer } from './audit-entry-drawer';
import { AuditFilters } from './audit-filters';
import { AuditTable } from './audit-table';
import { isFiltered, useAuditListQuery, type AuditFilters as AuditFilterValues } from './use-audit-list-query';
import { LoadError } from '../../components/load-error';

/** 审计日志 `/audit-logs`: who signed in, reassigned, approved, changed staff or customer data, and when. Read-only. */
export function AuditLogsPage() {
  const staff = useCurrentStaff();
  const { query, changeFilters, changePage, resetFilters } = useAuditListQuery();
  // Bumped by 刷新, so the list reloads even when the URL stays the same.
  const [version, setVersion] = useState(0);

  return (
    <Card
      title="审计日志"
      data-testid="audit-logs-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={() => setVersion((current) => current + 1)}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert type="info" showIcon title="审计日志只增不改：任何人（包括管理员）都无法修改或删除记录。" data-testid="audit-append-only-note" />
        <AuditFilters query={query} onChange={changeFilters} onReset={resetFilters} />
        <AuditList key={version} query={query} role={staff.role} onFilter={changeFilters} onPageChange={changePage} />
      </Flex>
    </Card>
  );
}

function AuditList({
  query,
  role,
  onFilter,
  onPageChange,
}: {
  query: AuditListQuery;
  role: Role;
  onFilter: (filters: Partial<AuditFilterValues>) => void;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const load = useCallback((signal: AbortSignal) => listAuditEntries(query, signal), [query]);
  const entries = useRemoteData(load);
  const [opened, setOpened] = useState<AuditEntry>();

  if (entries.error) {
    return (
      <LoadError what="审计日志" error={entries.error} onRetry={entries.reload} data-testid="audit-error" />
    );
  }
  return (
    <>
      <AuditTable
        page={entries.data}
        query={query}
        loading={entries.loading}
        filtered={isFiltered(query)}
        role={role}
        onOpen={setOpened}
        onFilter={onFilter}
        onPageChange={onPageChange}
      />
      {opened && <AuditEntryDrawer entry={opened} role={role} onClose={() => setOpened(undefined)} />}
    </>
  );
}
