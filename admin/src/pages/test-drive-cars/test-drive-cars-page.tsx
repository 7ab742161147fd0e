import { useCallback, useState, type ReactNode } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Empty, Flex, Result, Space, Typography } from 'antd';
import { CAR_STATUS_LABELS, CAR_STATUSES, listCars, type CarStatusChange, type TestDriveCar } from '../../api/test-drives';
import { listVehicleModels } from '../../api/vehicles';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { StoreMissing, StorePicker } from '../test-drives/store-picker';
import { useStoreChoice } from '../test-drives/use-store-choice';
import { CarCreateModal } from './car-create-modal';
import { CarStatusModal } from './car-status-modal';
import { CarTable } from './car-table';
import { TestDriveSettingsCard } from './test-drive-settings-card';
import { useFleetQuery } from './use-fleet-query';
import { LoadError } from '../../components/load-error';

function outcomeText(change: CarStatusChange): string {
  return `已将 ${change.car.plate} 设为「${CAR_STATUS_LABELS[change.car.status]}」：已改派 ${change.moved} 个预约，取消 ${change.cancelled} 个`;
}

/** 试驾车辆 `/test-drive-cars`: a store's test-drive settings and fleet; managers edit both. */
export function TestDriveCarsPage() {
  const staff = useCurrentStaff();
  const { message } = App.useApp();
  const canManage = can(staff.role, 'testDriveCars.manage');
  const { storeId: requestedStoreId, changeStore } = useFleetQuery();
  const choice = useStoreChoice(requestedStoreId);
  const storeId = choice.missing ? undefined : choice.storeId;
  const load = useCallback((signal: AbortSignal) => (storeId ? listCars(storeId, signal) : Promise.resolve([])), [storeId]);
  const cars = useRemoteData(load);
  const models = useRemoteData(listVehicleModels);
  const [creating, setCreating] = useState(false);
  const [changing, setChanging] = useState<TestDriveCar>();
  // The outcome of the last status change, kept on the page after the message has faded.
  const [outcome, setOutcome] = useState<string>();
  const fleet = cars.data ?? [];

  let content: ReactNode;
  if (choice.missing) {
    content = <StoreMissing onReset={() => changeStore(undefined)} />;
  } else if (!choice.fixed && choice.stores.error) {
    content = <LoadError what="门店" error={choice.stores.error} onRetry={choice.stores.reload} />;
  } else if (!storeId && !choice.stores.loading) {
    content = <Empty description="没有可查看的门店" />;
  } else if (cars.error) {
    content =
      cars.error.status === 404 ? (
        <Result status="404" title="记录不存在或无权查看" data-testid="cars-error" />
      ) : (
        <LoadError what="车辆" error={cars.error} onRetry={cars.reload} data-testid="cars-error" />
      );
  } else {
    content = <CarTable cars={fleet} loading={cars.loading || choice.stores.loading} onChangeStatus={canManage ? setChanging : undefined} />;
  }

  return (
    <Card
      title="试驾车辆"
      data-testid="test-drive-cars-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={cars.reload}>
            刷新
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="car-create" onClick={() => setCreating(true)}>
              新增试驾车
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {!canManage && <Alert type="info" showIcon title="您可以查看本店试驾车辆与试驾设置；新增车辆、送修、退役或调整设置请联系店总。" />}
        {outcome && (
          <Alert
            type="success"
            showIcon
            closable={{ onClose: () => setOutcome(undefined) }}
            title={outcome}
            data-testid="car-status-result"
          />
        )}
        <Flex justify="space-between" align="center" wrap gap={12}>
          <StorePicker choice={choice} onChange={changeStore} />
          {fleet.length > 0 && (
            <Typography.Text type="secondary" data-testid="fleet-counts">
              共 {fleet.length} 辆：
              {CAR_STATUSES.map((status) => `${CAR_STATUS_LABELS[status]} ${fleet.filter((car) => car.status === status).length}`).join(' · ')}
            </Typography.Text>
          )}
        </Flex>
        {storeId && <TestDriveSettingsCard key={storeId} storeId={storeId} editable={canManage} />}
        {content}
      </Flex>
      {creating && (
        <CarCreateModal
          stores={choice.stores.data ?? []}
          defaultStoreId={storeId}
          storeFixed={choice.fixed}
          models={models.data ?? []}
          onClose={() => setCreating(false)}
          onCreated={(car) => {
            setCreating(false);
            if (car.storeId !== storeId) changeStore(car.storeId);
            else cars.reload();
          }}
        />
      )}
      {changing && (
        <CarStatusModal
          car={changing}
          onClose={() => setChanging(undefined)}
          onChanged={(change) => {
            setChanging(undefined);
            const text = outcomeText(change);
            message.success(text);
            setOutcome(text);
            cars.reload();
          }}
        />
      )}
    </Card>
  );
}
