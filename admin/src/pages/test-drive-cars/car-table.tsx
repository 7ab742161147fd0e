import { Button, Empty, Table, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import { CAR_STATUS_LABELS, CAR_STATUSES, type TestDriveCar } from '../../api/test-drives';
import { CarStatusTag } from '../test-drives/booking-status';

interface CarTableProps {
  cars: TestDriveCar[];
  loading: boolean;
  /** Present for those who may change the fleet (managers); without it the table is read-only. */
  onChangeStatus?: (car: TestDriveCar) => void;
}

/** The store's test-drive cars; filters by status and model work on the loaded fleet. */
export function CarTable({ cars, loading, onChangeStatus }: CarTableProps) {
  const modelNames = [...new Set(cars.map((car) => car.model.name))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  const columns: TableColumnsType<TestDriveCar> = [
    {
      title: '车牌号',
      dataIndex: 'plate',
      width: 130,
      render: (_, car) => (
        <Typography.Text strong style={{ letterSpacing: 0.5 }}>
          {car.plate}
        </Typography.Text>
      ),
    },
    {
      title: '车型',
      dataIndex: ['model', 'name'],
      ellipsis: true,
      filters: modelNames.map((name) => ({ text: name, value: name })),
      onFilter: (value, car) => car.model.name === value,
    },
    {
      title: '车架号（VIN）',
      dataIndex: 'vin',
      width: 230,
      render: (_, car) => (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {car.vin}
        </Typography.Text>
      ),
    },
    {
      title: '状态',
      dataIndex: 'status',
      width: 100,
      filters: CAR_STATUSES.map((status) => ({ text: CAR_STATUS_LABELS[status], value: status })),
      onFilter: (value, car) => car.status === value,
      render: (_, car) => <CarStatusTag status={car.status} />,
    },
    {
      title: '未来预约',
      dataIndex: 'upcomingBookings',
      width: 100,
      align: 'right',
      sorter: (a, b) => a.upcomingBookings - b.upcomingBookings,
      render: (_, car) =>
        car.upcomingBookings > 0 ? (
          <Link to={`/test-drives?storeId=${car.storeId}`}>{car.upcomingBookings} 个</Link>
        ) : (
          <Typography.Text type="secondary">0</Typography.Text>
        ),
    },
  ];
  if (onChangeStatus) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 110,
      fixed: 'right',
      render: (_, car) => (
        <Button type="link" size="small" data-testid={`car-change-status-${car.id}`} onClick={() => onChangeStatus(car)}>
          更改状态
        </Button>
      ),
    });
  }

  return (
    <Table<TestDriveCar>
      data-testid="car-table"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={cars}
      loading={loading}
      pagination={false}
      scroll={{ x: 860 }}
      locale={{ emptyText: <Empty description="本店还没有试驾车辆" /> }}
    />
  );
}
