import { Empty, Flex, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link, useNavigate } from 'react-router';
import type { Paged } from '../../api/client';
import type { VehicleListQuery, VehicleSummary } from '../../api/vehicles';
import { formatKm } from '../../mileage-format';
import { formatShanghaiDate } from '../../shanghai-time';
import { listPagination } from '../../hooks/use-list-query';
import { InsuranceExpiry } from './insurance-expiry';

interface VehicleTableProps {
  page: Paged<VehicleSummary> | undefined;
  query: VehicleListQuery;
  loading: boolean;
  /** Store roles see one store only: the column would repeat it on every row. */
  showStore: boolean;
  /** Said in the empty table: a search that found nothing reads differently from an empty file. */
  filtered: boolean;
  onPageChange: (page: number, pageSize: number) => void;
}

/** The plate as people read it, or a note that the car has none yet (a new car before registration). */
export function PlateText({ plate }: { plate: string | null }) {
  return plate ? (
    <Typography.Text strong style={{ letterSpacing: 0.5 }}>
      {plate}
    </Typography.Text>
  ) : (
    <Typography.Text type="secondary">未上牌</Typography.Text>
  );
}

export function VehicleTable({ page, query, loading, showStore, filtered, onPageChange }: VehicleTableProps) {
  const navigate = useNavigate();
  const columns: TableColumnsType<VehicleSummary> = [
    {
      title: '车牌号',
      dataIndex: 'plate',
      width: 120,
      render: (_, vehicle) => (
        <Link to={`/vehicles/${vehicle.id}`} onClick={(event) => event.stopPropagation()}>
          <PlateText plate={vehicle.plate} />
        </Link>
      ),
    },
    {
      title: '车架号（VIN）',
      dataIndex: 'vin',
      width: 200,
      render: (_, vehicle) => <Typography.Text style={{ fontFamily: 'monospace' }}>{vehicle.vin}</Typography.Text>,
    },
    { title: '车型', dataIndex: ['model', 'name'], ellipsis: true },
    {
      title: '车主',
      dataIndex: 'owner',
      width: 170,
      render: (_, vehicle) => (
        <Flex vertical gap={0}>
          <span>{vehicle.owner.name ?? '—'}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {vehicle.owner.mobile ?? ''}
          </Typography.Text>
        </Flex>
      ),
    },
    ...(showStore
      ? [{ title: '门店', dataIndex: 'store', width: 140, ellipsis: true, render: (_: unknown, vehicle: VehicleSummary) => vehicle.store?.name ?? '—' }]
      : []),
    { title: '里程', dataIndex: 'mileageKm', width: 110, align: 'right', render: (_, vehicle) => formatKm(vehicle.mileageKm) },
    { title: '交车日期', dataIndex: 'deliveredAt', width: 110, render: (_, vehicle) => formatShanghaiDate(vehicle.deliveredAt) },
    {
      title: '最近进厂',
      dataIndex: 'lastServiceAt',
      width: 110,
      render: (_, vehicle) => (vehicle.lastServiceAt ? formatShanghaiDate(vehicle.lastServiceAt) : <Typography.Text type="secondary">暂无</Typography.Text>),
    },
    {
      title: '保险到期',
      dataIndex: 'insuranceExpiresOn',
      width: 190,
      render: (_, vehicle) => <InsuranceExpiry on={vehicle.insuranceExpiresOn} />,
    },
    {
      title: '小程序',
      dataIndex: 'boundAt',
      width: 90,
      render: (_, vehicle) => (vehicle.boundAt ? <Tag color="green">已绑定</Tag> : <Tag>未绑定</Tag>),
    },
  ];

  return (
    <Table<VehicleSummary>
      data-testid="vehicle-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={page?.items ?? []}
      loading={loading}
      scroll={{ x: 1300 }}
      onRow={(vehicle) => ({ onClick: () => navigate(`/vehicles/${vehicle.id}`), style: { cursor: 'pointer' } })}
      locale={{ emptyText: <Empty description={filtered ? '没有符合条件的车辆' : '还没有车辆档案，点击「新建车辆」建档'} /> }}
      pagination={listPagination(query, page?.total, onPageChange, '辆')}
    />
  );
}
