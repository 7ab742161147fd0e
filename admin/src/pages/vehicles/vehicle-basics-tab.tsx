import { DashboardOutlined, EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Empty, Flex, Space, Table, Tag, Typography, type DescriptionsProps, type TableColumnsType } from 'antd';
import { ENERGY_TYPE_LABELS, MILEAGE_SOURCE_LABELS, type MileageReading, type VehicleFile } from '../../api/vehicles';
import { formatKm } from '../../mileage-format';
import { formatFen } from '../../money-format';
import { formatShanghaiDate, formatShanghaiTime } from '../../shanghai-time';
import { PlateText } from './vehicle-table';

const NOT_RECORDED = <Typography.Text type="secondary">未登记</Typography.Text>;

interface VehicleBasicsTabProps {
  vehicle: VehicleFile;
  onRecordMileage: () => void;
  onEdit: () => void;
}

/** 基本信息: the car, its owner, the purchase, and the odometer with every reading. */
export function VehicleBasicsTab({ vehicle, onRecordMileage, onEdit }: VehicleBasicsTabProps) {
  const items: NonNullable<DescriptionsProps['items']> = [
    { key: 'plate', label: '车牌号', children: <PlateText plate={vehicle.plate} /> },
    {
      key: 'vin',
      label: '车架号（VIN）',
      children: (
        <Typography.Text copyable style={{ fontFamily: 'monospace' }}>
          {vehicle.vin}
        </Typography.Text>
      ),
    },
    { key: 'model', label: '车型', children: `${vehicle.model.name}（${ENERGY_TYPE_LABELS[vehicle.model.energyType]}）` },
    { key: 'trim', label: '版本', children: vehicle.trim?.name ?? NOT_RECORDED },
    { key: 'colour', label: '颜色', children: vehicle.colour ?? NOT_RECORDED },
    {
      key: 'options',
      label: '选装',
      children:
        vehicle.options.length > 0 ? (
          <Flex wrap gap={4}>
            {vehicle.options.map((option) => (
              <Tag key={option}>{option}</Tag>
            ))}
          </Flex>
        ) : (
          <Typography.Text type="secondary">无</Typography.Text>
        ),
    },
    { key: 'owner', label: '车主', children: vehicle.owner.name ?? NOT_RECORDED },
    { key: 'mobile', label: '车主手机号', children: <span data-testid="vehicle-owner-mobile">{vehicle.owner.mobile ?? '—'}</span> },
    { key: 'store', label: '所属门店', children: vehicle.store?.name ?? NOT_RECORDED },
    { key: 'soldBy', label: '销售顾问', children: vehicle.soldBy?.name ?? NOT_RECORDED },
    {
      key: 'price',
      label: '购车价',
      children: vehicle.purchase.priceFen === null ? NOT_RECORDED : <span data-testid="vehicle-price">{formatFen(vehicle.purchase.priceFen)}</span>,
    },
    { key: 'finance', label: '金融方案', children: vehicle.purchase.financePlan ?? NOT_RECORDED },
    { key: 'delivered', label: '交车日期', children: formatShanghaiDate(vehicle.deliveredAt) },
    {
      key: 'bound',
      label: '小程序',
      children: vehicle.boundAt ? `车主已于 ${formatShanghaiDate(vehicle.boundAt)} 绑定` : <Typography.Text type="secondary">车主尚未绑定</Typography.Text>,
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Card
        size="small"
        title="车辆与车主"
        extra={
          <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="vehicle-edit-basics">
            编辑车牌/颜色
          </Button>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small" items={items} data-testid="vehicle-basics" />
      </Card>
      <MileageCard vehicle={vehicle} onRecordMileage={onRecordMileage} />
    </Flex>
  );
}

function MileageCard({ vehicle, onRecordMileage }: { vehicle: VehicleFile; onRecordMileage: () => void }) {
  const columns: TableColumnsType<MileageReading> = [
    { title: '登记时间', dataIndex: 'readAt', width: 150, render: (_, reading) => formatShanghaiTime(reading.readAt) },
    { title: '里程', dataIndex: 'km', width: 120, align: 'right', render: (_, reading) => formatKm(reading.km) },
    {
      title: '来源',
      dataIndex: 'source',
      width: 100,
      render: (_, reading) => <Tag color={reading.source === 'CORRECTION' ? 'orange' : undefined}>{MILEAGE_SOURCE_LABELS[reading.source]}</Tag>,
    },
    { title: '登记人', dataIndex: 'staff', width: 100, render: (_, reading) => reading.staff?.name ?? '—' },
    { title: '说明', dataIndex: 'reason', render: (_, reading) => reading.reason ?? '' },
  ];
  return (
    <Card
      size="small"
      title="里程"
      extra={
        <Button size="small" type="primary" icon={<DashboardOutlined />} onClick={onRecordMileage} data-testid="vehicle-record-mileage">
          登记里程
        </Button>
      }
    >
      <Flex vertical gap={12}>
        <Space size={32} wrap>
          <span>
            当前里程{' '}
            <Typography.Text strong style={{ fontSize: 18 }} data-testid="vehicle-mileage">
              {formatKm(vehicle.mileageKm)}
            </Typography.Text>
            <Typography.Text type="secondary">（{formatShanghaiTime(vehicle.mileageReadAt)} 登记）</Typography.Text>
          </span>
          <span>
            推算今日约 <Typography.Text strong>{formatKm(vehicle.schedule.projectedKm)}</Typography.Text>
          </span>
        </Space>
        <Table<MileageReading>
          data-testid="mileage-readings"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={vehicle.mileageReadings}
          pagination={vehicle.mileageReadings.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="还没有里程记录" /> }}
        />
      </Flex>
    </Card>
  );
}
