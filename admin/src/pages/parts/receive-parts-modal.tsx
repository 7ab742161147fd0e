import { App, Form, Input, InputNumber, Select } from 'antd';
import { z } from 'zod';
import { receiveParts, receivePartsSchema, type PartStock } from '../../api/service';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatFen } from '../../money-format';
import { zodFieldRule } from '../../zod-form-rule';

interface ReceiveValues {
  partId?: number;
  quantity?: number | null;
  reason?: string;
}

const receiveFormSchema = z.object({
  partId: receivePartsSchema.shape.partId,
  quantity: receivePartsSchema.shape.quantity,
  reason: receivePartsSchema.shape.reason,
});

const FIELD_OF: Record<string, keyof ReceiveValues> = { partId: 'partId', quantity: 'quantity', reason: 'reason' };

interface ReceivePartsModalProps {
  store: { id: number; name: string };
  parts: PartStock[];
  /** The part whose 入库 was clicked; any part when opened from the page header. */
  part?: PartStock;
  onClose: () => void;
  onReceived: (stock: PartStock) => void;
}

/** 入库: parts delivered to the store go on the shelf, logged as a movement. */
export function ReceivePartsModal({ store, parts, part, onClose, onReceived }: ReceivePartsModalProps) {
  const [form] = Form.useForm<ReceiveValues>();
  const { message } = App.useApp();
  const partId = Form.useWatch('partId', form);
  const chosen = parts.find((candidate) => candidate.partId === partId);
  const rule = (field: keyof ReceiveValues) => [zodFieldRule(receiveFormSchema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: ReceiveValues) => {
      const stock = await receiveParts({ ...receiveFormSchema.parse(values), storeId: store.id });
      message.success(`${stock.name} 已入库，现有库存 ${stock.quantity} ${stock.unit}`);
      onReceived(stock);
    },
    { form, fieldOf: (path) => FIELD_OF[path] },
  );

  return (
    <ModalForm<ReceiveValues>
      title={`配件入库 · ${store.name}`}
      okText="入库"
      submitTestId="receive-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="receive-parts"
      formTestId="receive-form"
      initialValues={{ partId: part?.partId, reason: '采购入库' }}
      onFinish={onFinish}
    >
      <Form.Item name="partId" label="配件" required rules={rule('partId')}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          placeholder="选择配件（编码或名称）"
          data-testid="receive-part"
          options={parts.map((candidate) => ({ value: candidate.partId, label: `${candidate.name}（${candidate.code}）` }))}
        />
      </Form.Item>
      <Form.Item
        name="quantity"
        label="入库数量"
        required
        rules={rule('quantity')}
        extra={
          chosen
            ? `现有 ${chosen.quantity} ${chosen.unit}，明日需用 ${chosen.neededTomorrow}；单价 ${formatFen(chosen.priceFen)}`
            : undefined
        }
      >
        <InputNumber min={1} max={100_000} precision={0} suffix={chosen?.unit} style={{ width: 200 }} data-testid="receive-quantity" />
      </Form.Item>
      <Form.Item name="reason" label="入库原因" required rules={rule('reason')}>
        <Input maxLength={128} placeholder="如 采购入库 / 调拨入库 / 盘盈" data-testid="receive-reason" />
      </Form.Item>
    </ModalForm>
  );
}
