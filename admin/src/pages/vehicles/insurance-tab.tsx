import { EditOutlined } from '@ant-design/icons';
import { Button, Card, Descriptions, Typography } from 'antd';
import type { VehicleFile } from '../../api/vehicles';
import { formatKm } from '../../mileage-format';
import { InsuranceExpiry } from './insurance-expiry';
import { WarrantyTag } from './warranty-tag';

const NOT_RECORDED = <Typography.Text type="secondary">未登记</Typography.Text>;

/** 保险: the insurer and when cover ends, and the factory warranty (by date and by mileage). */
export function InsuranceTab({ vehicle, onEdit }: { vehicle: VehicleFile; onEdit: () => void }) {
  const { insurance, warranty } = vehicle;
  return (
    <Card
      size="small"
      title="保险与保修"
      data-testid="vehicle-insurance"
      extra={
        <Button size="small" icon={<EditOutlined />} onClick={onEdit} data-testid="vehicle-edit-insurance">
          编辑
        </Button>
      }
    >
      <Descriptions
        column={{ xs: 1, md: 2 }}
        size="small"
        items={[
          { key: 'company', label: '保险公司', children: insurance.company ?? NOT_RECORDED },
          { key: 'expires', label: '保险到期', children: <InsuranceExpiry on={insurance.expiresOn} /> },
          {
            key: 'warranty',
            label: '保修状态',
            children: <WarrantyTag warranty={warranty} />,
          },
          { key: 'warrantyEnds', label: '保修截止日期', children: warranty.endsOn ?? NOT_RECORDED },
          { key: 'warrantyKm', label: '保修里程上限', children: warranty.km === null ? NOT_RECORDED : formatKm(warranty.km) },
          { key: 'mileage', label: '当前里程', children: formatKm(vehicle.mileageKm) },
        ]}
      />
    </Card>
  );
}
