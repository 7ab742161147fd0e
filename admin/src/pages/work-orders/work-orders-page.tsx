import { useCallback, useState } from 'react';
import { LoginOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useNavigate } from 'react-router';
import { ROLE_SCOPE } from '../../api/org';
import { listWorkOrders, type WorkOrderListQuery } from '../../api/service';
import { ExportButton } from '../../components/export-button';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import { useCurrentStaff } from '../../layouts/current-staff';
import { useWorkOrderListQuery } from './use-work-order-list-query';
import { WalkInModal } from './walk-in-modal';
import { WorkOrderFilters } from './work-order-filters';
import { WorkOrderTable } from './work-order-table';
import { LoadError } from '../../components/load-error';

/** 工单 `/service/work-orders`: the workshop's orders, newest first, by status, car or customer and check-in date. */
export function WorkOrdersPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { query, changeFilters, changePage, resetFilters } = useWorkOrderListQuery();
  const storeScoped = ROLE_SCOPE[staff.role] === 'store';
  const stores = useScopedStores();
  const [walkIn, setWalkIn] = useState(false);
  const [version, setVersion] = useState(0);
  const { page: _page, pageSize: _pageSize, ...filters } = query;

  return (
    <Card
      title="工单"
      data-testid="work-orders-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => setVersion((current) => current + 1)}>
            刷新
          </Button>
          <ExportButton path="/service/work-orders/export" filters={filters} data-testid="work-order-export" />
          <Button type="primary" icon={<LoginOutlined />} onClick={() => setWalkIn(true)} data-testid="walk-in">
            散客接车
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <WorkOrderFilters query={query} stores={storeScoped ? undefined : stores} onChange={changeFilters} onReset={resetFilters} />
        <WorkOrderList key={version} query={query} showStore={!storeScoped} onPageChange={changePage} />
      </Flex>
      {walkIn && (
        <WalkInModal
          stores={stores.data ?? []}
          defaultStoreId={staff.storeId ?? undefined}
          storeFixed={storeScoped}
          onClose={() => setWalkIn(false)}
          onCheckedIn={(workOrder) => navigate(`/service/work-orders/${workOrder.id}`)}
        />
      )}
    </Card>
  );
}

function WorkOrderList({
  query,
  showStore,
  onPageChange,
}: {
  query: WorkOrderListQuery;
  showStore: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const load = useCallback((signal: AbortSignal) => listWorkOrders(query, signal), [query]);
  const orders = useRemoteData(load);
  if (orders.error) {
    return (
      <LoadError what="工单" error={orders.error} onRetry={orders.reload} data-testid="work-orders-error" />
    );
  }
  const filtered = Boolean(query.q || query.status || query.storeId || query.from || query.to);
  return <WorkOrderTable page={orders.data} query={query} loading={orders.loading} showStore={showStore} filtered={filtered} onPageChange={onPageChange} />;
}
