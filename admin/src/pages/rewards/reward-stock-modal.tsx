import { App, Form, InputNumber, Radio } from 'antd';
import { z } from 'zod';
import { updateReward, MAX_STOCK, type AdminReward } from '../../api/loyalty';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatPoints } from '../../points-format';
import { zodFieldRule } from '../../zod-form-rule';

type StockMove = 'RESTOCK' | 'WRITE_OFF';

interface StockFormValues {
  move?: StockMove;
  quantity?: number | null;
}

/** A write-off cannot take more than the shelf holds; the server checks again against redemptions meanwhile. */
function stockFormSchema(stock: number) {
  return z
    .object({
      move: z.enum(['RESTOCK', 'WRITE_OFF'], { error: '请选择补货或核减' }),
      quantity: z.number({ error: '请填写数量' }).int('数量须为整数').min(1, '数量至少为 1').max(MAX_STOCK, '数量过大'),
    })
    .superRefine(({ move, quantity }, context) => {
      if (move === 'WRITE_OFF' && quantity > stock) context.addIssue({ code: 'custom', path: ['quantity'], message: `最多可核减 ${formatPoints(stock)}` });
    });
}

/** The server's `stockDelta` is the signed quantity this form asks for. */
const FIELD_OF: Record<string, keyof StockFormValues> = { stockDelta: 'quantity' };

interface RewardStockModalProps {
  reward: AdminReward;
  onClose: () => void;
  onSaved: (reward: AdminReward) => void;
}

/** 补货 / 核减: stock moves by a delta, so it never races with members redeeming at the same moment. */
export function RewardStockModal({ reward, onClose, onSaved }: RewardStockModalProps) {
  const [form] = Form.useForm<StockFormValues>();
  const { message } = App.useApp();
  const schema = stockFormSchema(reward.stock);
  const move = Form.useWatch('move', form);
  const rule = (field: keyof StockFormValues) => [zodFieldRule(schema, field)];

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: StockFormValues) => {
      const { move: chosen, quantity } = schema.parse(values);
      const saved = await updateReward(reward.id, { stockDelta: chosen === 'RESTOCK' ? quantity : -quantity });
      message.success(`${saved.name} ${chosen === 'RESTOCK' ? '已补货' : '已核减'}，现有库存 ${formatPoints(saved.stock)}`);
      onSaved(saved);
    },
    {
      form,
      fieldOf: (path) => FIELD_OF[path],
      onError: (error) => {
        if (error.code === 'OUT_OF_STOCK' && error.details.length === 0) form.setFields([{ name: 'quantity', errors: [error.message] }]);
      },
    },
  );

  return (
    <ModalForm<StockFormValues>
      title={`补货 / 核减 · ${reward.name}`}
      okText="确认"
      submitTestId="reward-stock-submit"
      errorTestId="reward-stock-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="reward-stock"
      formTestId="reward-stock-form"
      initialValues={{ move: 'RESTOCK' }}
      onFinish={onFinish}
    >
      <Form.Item name="move" label="操作" required rules={rule('move')}>
        <Radio.Group
          optionType="button"
          buttonStyle="solid"
          data-testid="reward-stock-move"
          options={[
            { value: 'RESTOCK', label: '补货' },
            { value: 'WRITE_OFF', label: '核减' },
          ]}
        />
      </Form.Item>
      <Form.Item
        name="quantity"
        label={move === 'WRITE_OFF' ? '核减数量' : '补货数量'}
        required
        rules={rule('quantity')}
        extra={`现有库存 ${formatPoints(reward.stock)}，已兑换 ${formatPoints(reward.redeemed)}${move === 'WRITE_OFF' ? '；核减用于盘亏、损坏等' : ''}`}
      >
        <InputNumber min={1} max={MAX_STOCK} precision={0} style={{ width: 200 }} data-testid="reward-stock-quantity" />
      </Form.Item>
    </ModalForm>
  );
}
