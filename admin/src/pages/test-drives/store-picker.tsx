import { ShopOutlined } from '@ant-design/icons';
import { Button, Result, Select, Space, Typography } from 'antd';
import { useCurrentStaff } from '../../layouts/current-staff';
import { storeOptions } from '../../components/org-select-options';
import type { StoreChoice } from './use-store-choice';

interface StorePickerProps {
  choice: StoreChoice;
  onChange: (storeId: number) => void;
}

/** The store a test-drive page is about: a picker for managers above a store, a label for store staff. */
export function StorePicker({ choice, onChange }: StorePickerProps) {
  const staff = useCurrentStaff();
  if (choice.fixed) {
    return (
      <Space size={6} data-testid="store-fixed">
        <ShopOutlined />
        <Typography.Text strong>{choice.store?.name ?? staff.store?.name ?? '本店'}</Typography.Text>
      </Space>
    );
  }
  const { stores } = choice;
  return (
    <Select
      data-testid="store-picker"
      placeholder={stores.error ? '门店加载失败' : '选择门店'}
      status={stores.error ? 'warning' : undefined}
      showSearch={{ optionFilterProp: 'label' }}
      loading={stores.loading}
      style={{ width: 200 }}
      options={storeOptions(stores.data ?? [])}
      value={choice.missing ? undefined : choice.storeId}
      onChange={onChange}
    />
  );
}

/** A store in the URL that the staff member may not see (or that does not exist): said plainly, with a way back. */
export function StoreMissing({ onReset }: { onReset: () => void }) {
  return (
    <Result
      status="404"
      title="记录不存在或无权查看"
      subTitle="该门店不存在，或不在您的权限范围内。"
      data-testid="store-missing"
      extra={
        <Button type="primary" onClick={onReset}>
          查看我的门店
        </Button>
      }
    />
  );
}
