import { useCallback, useState } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Space } from 'antd';
import { useNavigate } from 'react-router';
import { ROLE_SCOPE } from '../../api/org';
import { ExportButton } from '../../components/export-button';
import { listVehicleModels, listVehicles, type VehicleListQuery } from '../../api/vehicles';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import { useCurrentStaff } from '../../layouts/current-staff';
import { VehicleCreateModal } from './vehicle-create-modal';
import { VehicleFilters } from './vehicle-filters';
import { VehicleTable } from './vehicle-table';
import { useVehicleListQuery } from './use-vehicle-list-query';
import { LoadError } from '../../components/load-error';

/** 车辆档案 `/vehicles`: the cars in the staff member's scope, found by VIN, plate or owner's mobile. */
export function VehiclesPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { query, changeFilters, changePage, resetFilters } = useVehicleListQuery();
  const storeScoped = ROLE_SCOPE[staff.role] === 'store';
  const stores = useScopedStores();
  const models = useRemoteData(listVehicleModels);
  const [creating, setCreating] = useState(false);
  // Bumped by 刷新, so the list reloads even when the URL stays the same.
  const [version, setVersion] = useState(0);
  const { page: _page, pageSize: _pageSize, ...filters } = query;

  return (
    <Card
      title="车辆档案"
      data-testid="vehicles-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={() => setVersion((current) => current + 1)}>
            刷新
          </Button>
          <ExportButton path="/vehicles/export" filters={filters} data-testid="vehicle-export" />
          <Button type="primary" icon={<PlusOutlined />} data-testid="vehicle-create" onClick={() => setCreating(true)}>
            新建车辆
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <VehicleFilters query={query} stores={storeScoped ? undefined : stores} models={models} onChange={changeFilters} onReset={resetFilters} />
        <VehicleList key={version} query={query} showStore={!storeScoped} onPageChange={changePage} />
      </Flex>
      {creating && (
        <VehicleCreateModal
          stores={stores.data ?? []}
          defaultStoreId={staff.storeId ?? undefined}
          storeFixed={storeScoped}
          models={models.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(vehicle) => {
            setCreating(false);
            navigate(`/vehicles/${vehicle.id}`);
          }}
        />
      )}
    </Card>
  );
}

function VehicleList({
  query,
  showStore,
  onPageChange,
}: {
  query: VehicleListQuery;
  showStore: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}) {
  const load = useCallback((signal: AbortSignal) => listVehicles(query, signal), [query]);
  const vehicles = useRemoteData(load);
  if (vehicles.error) {
    return (
      <LoadError what="车辆" error={vehicles.error} onRetry={vehicles.reload} data-testid="vehicles-error" />
    );
  }
  const filtered = Boolean(query.q || query.storeId || query.modelId);
  return (
    <VehicleTable page={vehicles.data} query={query} loading={vehicles.loading} showStore={showStore} filtered={filtered} onPageChange={onPageChange} />
  );
}
