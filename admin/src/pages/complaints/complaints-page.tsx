import { useCallback, useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useNavigate } from 'react-router';
import { listComplaints, type ComplaintListQuery } from '../../api/feedback';
import { ROLE_SCOPE } from '../../api/org';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import { useCurrentStaff } from '../../layouts/current-staff';
import { ComplaintCreateModal } from './complaint-create-modal';
import { ComplaintFilters } from './complaint-filters';
import { ComplaintTable } from './complaint-table';
import { useComplaintListQuery } from './use-complaint-list-query';
import { LoadError } from '../../components/load-error';

/** 投诉工单 `/complaints`: complaints from surveys, the mini-program and the phone, with their response deadline. */
export function ComplaintsPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { query, changeFilters, changePage, resetFilters } = useComplaintListQuery();
  const storeScoped = ROLE_SCOPE[staff.role] === 'store';
  const stores = useScopedStores();
  const canHandle = can(staff.role, 'complaints.handle');
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);

  return (
    <Card
      title="投诉工单"
      data-testid="complaints-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => setVersion((current) => current + 1)}>
            刷新
          </Button>
          {canHandle && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="complaint-create">
              登记投诉
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <ComplaintFilters query={query} stores={storeScoped ? undefined : stores} onChange={changeFilters} onReset={resetFilters} />
        <ComplaintList key={version} query={query} showStore={!storeScoped} onPageChange={changePage} />
      </Flex>
      {creating && (
        <ComplaintCreateModal
          stores={stores.data ?? []}
          defaultStoreId={staff.storeId ?? undefined}
          storeFixed={storeScoped}
          onClose={() => setCreating(false)}
          onCreated={(complaint) => navigate(`/complaints/${complaint.id}`)}
        />
      )}
    </Card>
  );
}

function ComplaintList({ query, showStore, onPageChange }: { query: ComplaintListQuery; showStore: boolean; onPageChange: (page: number, pageSize: number) => void }) {
  const load = useCallback((signal: AbortSignal) => listComplaints(query, signal), [query]);
  const complaints = useRemoteData(load);
  if (complaints.error) {
    return (
      <LoadError what="投诉工单" error={complaints.error} onRetry={complaints.reload} data-testid="complaints-error" />
    );
  }
  const filtered = Boolean(query.q || query.status || query.category || query.storeId || query.overdue);
  return <ComplaintTable page={complaints.data} query={query} loading={complaints.loading} showStore={showStore} filtered={filtered} onPageChange={onPageChange} />;
}
