import { useCallback, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Badge, Button, Card, Flex, Skeleton, Space, Tabs, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { fetchVehicle } from '../../api/vehicles';
import { BackButton } from '../../components/back-button';
import { RecordLoadError, RecordNotFound } from '../../components/record-load-error';
import { useRemoteData } from '../../hooks/use-remote-data';
import { positiveInt } from '../../route-params';
import { InsuranceTab } from './insurance-tab';
import { MaintenancePlanTab } from './maintenance-plan-tab';
import { MileageModal } from './mileage-modal';
import { ServiceRecordsTab } from './service-records-tab';
import { VehicleBasicsTab } from './vehicle-basics-tab';
import { VehicleEditModal, type VehicleEditSection } from './vehicle-edit-modal';
import { WarrantyTag } from './warranty-tag';

const TABS = ['basics', 'plan', 'records', 'insurance'] as const;
type VehicleTab = (typeof TABS)[number];

/** Which dialog is open over the file. */
type Dialog = { kind: 'mileage' } | { kind: 'edit'; section: VehicleEditSection } | null;

/** 车辆档案详情 `/vehicles/:id`: 基本信息 / 保养计划 / 维修记录 / 保险, the tab kept in the URL. */
export function VehicleDetailPage() {
  const vehicleId = positiveInt(useParams().id);
  if (vehicleId === undefined) {
    return (
      <RecordNotFound back={{ path: '/vehicles', label: '返回车辆档案' }} />
    );
  }
  // Keyed by id so moving between cars never shows the previous car's file.
  return <VehicleDetailView key={vehicleId} vehicleId={vehicleId} />;
}

function VehicleDetailView({ vehicleId }: { vehicleId: number }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const requestedTab = searchParams.get('tab') as VehicleTab | null;
  const tab: VehicleTab = requestedTab && TABS.includes(requestedTab) ? requestedTab : 'basics';
  const load = useCallback((signal: AbortSignal) => fetchVehicle(vehicleId, signal), [vehicleId]);
  const vehicle = useRemoteData(load);
  const [dialog, setDialog] = useState<Dialog>(null);

  const back = <BackButton fallback="/vehicles" />;

  if (vehicle.error && !vehicle.data) {
    return (
      <RecordLoadError
        data-testid="vehicle-detail-error"
        error={vehicle.error}
        what="车辆档案"
        missingHint="该车辆不存在，或不在您的权限范围内。"
        back={{ path: '/vehicles', label: '返回车辆档案' }}
        onRetry={vehicle.reload}
      />
    );
  }
  if (!vehicle.data) {
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 10 }} />
      </Card>
    );
  }

  const detail = vehicle.data;
  // The file shown stays up while it reloads, so the page does not flash after a save.
  const afterSave = () => {
    setDialog(null);
    vehicle.reload();
  };
  const dueCount = detail.schedule.items.filter((item) => item.status === 'DUE').length;

  return (
    <Flex vertical gap={16} data-testid="vehicle-detail-page">
      <Card>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space size="middle" align="center" wrap>
            {back}
            <Typography.Title level={4} style={{ margin: 0, letterSpacing: 0.5 }} data-testid="vehicle-detail-title">
              {detail.plate ?? detail.vin}
            </Typography.Title>
            <Typography.Text>{detail.model.name}</Typography.Text>
            <WarrantyTag warranty={detail.warranty} />
            <Typography.Text type="secondary">
              {detail.owner.name ?? '车主'} · {detail.store?.name ?? '未分配门店'}
            </Typography.Text>
          </Space>
          <Button icon={<ReloadOutlined />} loading={vehicle.loading} onClick={vehicle.reload}>
            刷新
          </Button>
        </Flex>
        {vehicle.error && <Alert type="warning" showIcon title={`刷新失败：${vehicle.error.message}`} style={{ marginTop: 12 }} />}
      </Card>
      <Card styles={{ body: { paddingTop: 8 } }}>
        <Tabs
          data-testid="vehicle-tabs"
          activeKey={tab}
          onChange={(key) => setSearchParams(key === 'basics' ? {} : { tab: key }, { replace: true })}
          items={[
            {
              key: 'basics',
              label: '基本信息',
              children: (
                <VehicleBasicsTab
                  vehicle={detail}
                  onRecordMileage={() => setDialog({ kind: 'mileage' })}
                  onEdit={() => setDialog({ kind: 'edit', section: 'basics' })}
                />
              ),
            },
            {
              key: 'plan',
              label: (
                <Badge count={dueCount} size="small" offset={[8, -2]}>
                  保养计划
                </Badge>
              ),
              children: <MaintenancePlanTab plan={detail.schedule} />,
            },
            {
              key: 'records',
              label: `维修记录（${detail.serviceRecords.length}）`,
              children: <ServiceRecordsTab vehicle={detail} />,
            },
            {
              key: 'insurance',
              label: '保险',
              children: <InsuranceTab vehicle={detail} onEdit={() => setDialog({ kind: 'edit', section: 'insurance' })} />,
            },
          ]}
        />
      </Card>
      {dialog?.kind === 'mileage' && <MileageModal vehicle={detail} onClose={() => setDialog(null)} onSaved={afterSave} />}
      {dialog?.kind === 'edit' && (
        <VehicleEditModal vehicle={detail} section={dialog.section} onClose={() => setDialog(null)} onSaved={afterSave} />
      )}
    </Flex>
  );
}
