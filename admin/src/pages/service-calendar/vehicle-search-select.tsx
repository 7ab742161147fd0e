import { useCallback, useEffect, useState } from 'react';
import { Empty, Flex, Select, Spin, Typography } from 'antd';
import { listVehicles, type VehicleSummary } from '../../api/vehicles';
import { useRemoteData } from '../../hooks/use-remote-data';

/** Enough to find a car by a few characters; a longer list is a hint to type more. */
const RESULT_SIZE = 20;
const TYPING_PAUSE_MS = 300;
/** The server searches VINs from their last 6 characters; shorter input would only list everything. */
const MIN_QUERY_LENGTH = 2;

interface VehicleSearchSelectProps {
  value?: number;
  onChange?: (vehicleId: number | undefined, vehicle: VehicleSummary | undefined) => void;
  status?: 'error' | 'warning';
}

/**
 * Finds a car in the staff member's scope by plate, VIN (or its last 6) or the owner's mobile, searched
 * on the server as the advisor types. A form field: value/onChange are the car's id.
 */
export function VehicleSearchSelect({ value, onChange, status }: VehicleSearchSelectProps) {
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  // Kept so the chosen car still shows by plate while a later search lists other cars.
  const [chosen, setChosen] = useState<VehicleSummary>();

  useEffect(() => {
    const timer = window.setTimeout(() => setQ(typed.trim()), TYPING_PAUSE_MS);
    return () => window.clearTimeout(timer);
  }, [typed]);

  const load = useCallback(
    async (signal: AbortSignal) => {
      if (q.length < MIN_QUERY_LENGTH) return [];
      const page = await listVehicles({ q, page: 1, pageSize: RESULT_SIZE }, signal);
      return page.items;
    },
    [q],
  );
  const vehicles = useRemoteData(load);
  const searching = (vehicles.loading && q.length >= MIN_QUERY_LENGTH) || typed.trim() !== q;
  const found = vehicles.data ?? [];
  const listed = chosen && chosen.id === value && !found.some((vehicle) => vehicle.id === chosen.id) ? [chosen, ...found] : found;

  return (
    <Select<number>
      data-testid="vehicle-search-select"
      placeholder="输入车牌号、VIN 后 6 位或车主手机号搜索"
      status={status}
      allowClear
      showSearch={{ filterOption: false, onSearch: setTyped }}
      loading={searching}
      value={value}
      onChange={(vehicleId) => {
        const vehicle = listed.find((candidate) => candidate.id === vehicleId);
        setChosen(vehicle);
        onChange?.(vehicleId, vehicle);
      }}
      notFoundContent={
        searching ? (
          <Flex justify="center" style={{ padding: 12 }}>
            <Spin size="small" />
          </Flex>
        ) : vehicles.error ? (
          <Typography.Text type="danger">{vehicles.error.message}</Typography.Text>
        ) : (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={q.length < MIN_QUERY_LENGTH ? '请输入车牌号、VIN 或手机号' : '没有匹配的车辆，可先在「车辆档案」中建档'}
          />
        )
      }
      options={listed.map((vehicle) => ({
        value: vehicle.id,
        label: `${vehicle.plate ?? vehicle.vin} · ${vehicle.model.name} · ${vehicle.owner.name ?? '车主'}`,
        vehicle,
      }))}
      optionRender={(option) => {
        const vehicle = option.data.vehicle as VehicleSummary;
        return (
          <Flex justify="space-between" gap={8} data-testid="vehicle-search-option">
            <span>
              <Typography.Text strong>{vehicle.plate ?? '未上牌'}</Typography.Text> {vehicle.model.name}
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {vehicle.owner.name ?? '车主'} {vehicle.owner.mobile ?? ''} · VIN …{vehicle.vin.slice(-6)}
            </Typography.Text>
          </Flex>
        );
      }}
    />
  );
}
