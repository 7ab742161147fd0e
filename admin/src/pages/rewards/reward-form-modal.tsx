import { App, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import { z } from 'zod';
import type { ApiError } from '../../api/client';
import {
  createReward,
  createRewardSchema,
  isCouponKind,
  MAX_REWARD_POINTS,
  MAX_STOCK,
  REWARD_KIND_LABELS,
  REWARD_KINDS,
  updateReward,
  type AdminReward,
  type RewardKind,
} from '../../api/loyalty';
import { ModalForm } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { yuanToFen } from '../../money-format';
import { zodFieldRule } from '../../zod-form-rule';

interface RewardFormValues {
  code?: string;
  name?: string;
  kind?: RewardKind;
  points?: number | null;
  stock?: number | null;
  /** The coupon's face value in yuan as typed; the API takes fen. */
  valueYuan?: number | null;
  couponDays?: number | null;
  description?: string;
  imageUrl?: string;
  sortOrder?: number | null;
}

/** The coupon's validity when none is set: what the server applies at redemption. */
const DEFAULT_COUPON_DAYS = 90;
const MAX_VALUE_YUAN = 100_000;

const { shape } = createRewardSchema;

/** One schema for both dialogs; `stock` only counts when creating (afterwards stock moves by 补货/核减). */
function rewardFormSchema(creating: boolean) {
  return z
    .object({
      code: creating ? shape.code : z.string().optional(),
      name: shape.name,
      kind: shape.kind,
      points: shape.points,
      stock: creating ? shape.stock : z.number().nullish(),
      valueYuan: z.number().min(0, '面值不能为负').max(MAX_VALUE_YUAN, '面值过大').nullish(),
      couponDays: shape.couponDays,
      description: z.string().trim().max(255, '说明最多 255 个字符').nullish(),
      imageUrl: z
        .string()
        .trim()
        .max(512, '图片地址过长')
        .refine((url) => url === '' || z.url({ protocol: /^https?$/ }).safeParse(url).success, '请输入正确的图片地址（http 或 https）')
        .nullish(),
      sortOrder: z.number().int('排序须为整数').nullish(),
    })
    // A coupon is taken off a work order by its face value: without one it is worth nothing at the counter.
    // Checked even while other fields are still wrong, so the form shows every missing field at once.
    .refine((reward) => !isCouponKind(reward.kind) || typeof reward.valueYuan === 'number', {
      path: ['valueYuan'],
      message: '请填写券面值',
      when: ({ value }) => REWARD_KINDS.includes((value as { kind?: RewardKind } | undefined)?.kind as RewardKind),
    })
    .transform(({ valueYuan, couponDays, description, imageUrl, sortOrder, ...reward }) => {
      const coupon = isCouponKind(reward.kind);
      return {
        ...reward,
        valueFen: coupon && valueYuan !== null && valueYuan !== undefined ? yuanToFen(valueYuan) : null,
        couponDays: coupon ? (couponDays ?? null) : null,
        description: description?.trim() ?? '',
        imageUrl: imageUrl?.trim() || null,
        sortOrder: sortOrder ?? 0,
      };
    });
}

/** Where the server's field paths land on this form. */
const FIELD_OF: Record<string, keyof RewardFormValues> = {
  code: 'code',
  name: 'name',
  kind: 'kind',
  points: 'points',
  stock: 'stock',
  valueFen: 'valueYuan',
  couponDays: 'couponDays',
  description: 'description',
  imageUrl: 'imageUrl',
  sortOrder: 'sortOrder',
};

function toValues(reward: AdminReward | null): RewardFormValues {
  if (!reward) return { kind: 'MERCHANDISE', sortOrder: 0 };
  return {
    code: reward.code,
    name: reward.name,
    kind: reward.kind,
    points: reward.points,
    stock: reward.stock,
    valueYuan: reward.valueFen === null ? null : reward.valueFen / 100,
    couponDays: reward.couponDays,
    description: reward.description,
    imageUrl: reward.imageUrl ?? '',
    sortOrder: reward.sortOrder,
  };
}

interface RewardFormModalProps {
  /** The reward to edit, or null to create one. */
  editing: AdminReward | null;
  onClose: () => void;
  onSaved: (reward: AdminReward) => void;
}

/** 新建礼品 / 编辑礼品: what a reward costs, what it is, and (for coupons) its face value and validity. */
export function RewardFormModal({ editing, onClose, onSaved }: RewardFormModalProps) {
  const [form] = Form.useForm<RewardFormValues>();
  const { message } = App.useApp();
  const creating = editing === null;
  const schema = rewardFormSchema(creating);
  const kind = Form.useWatch('kind', form);
  const coupon = kind !== undefined && isCouponKind(kind);
  const rule = (field: keyof RewardFormValues) => [zodFieldRule(schema, field)];

  function showCodeError(error: ApiError) {
    if (error.code === 'REWARD_EXISTS') form.setFields([{ name: 'code', errors: [error.message] }]);
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: RewardFormValues) => {
      const { code, stock, ...fields } = schema.parse(values);
      const saved = editing ? await updateReward(editing.id, fields) : await createReward({ ...fields, code: code!, stock: stock! });
      message.success(editing ? `已保存「${saved.name}」` : `已新建礼品「${saved.name}」`);
      onSaved(saved);
    },
    { form, fieldOf: (path) => FIELD_OF[path], onError: showCodeError },
  );

  return (
    <ModalForm<RewardFormValues>
      title={editing ? `编辑礼品 · ${editing.name}` : '新建礼品'}
      okText={editing ? '保存' : '新建'}
      width={640}
      submitTestId="reward-form-submit"
      errorTestId="reward-form-error"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      name="reward"
      formTestId="reward-form"
      initialValues={toValues(editing)}
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item
            name="code"
            label="礼品编码"
            required={creating}
            rules={creating ? rule('code') : undefined}
            normalize={(value?: string) => value?.toUpperCase()}
            extra={creating ? '2–32 位大写字母、数字或 -，建好后不能修改' : '编码不能修改'}
          >
            <Input maxLength={32} disabled={!creating} placeholder="如 WASH-2" style={{ fontFamily: 'monospace' }} data-testid="reward-form-code" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="name" label="名称" required rules={rule('name')}>
            <Input maxLength={64} placeholder="会员在积分商城看到的名称" data-testid="reward-form-name" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="kind" label="类型" required rules={rule('kind')}>
            <Select options={REWARD_KINDS.map((value) => ({ value, label: REWARD_KIND_LABELS[value] }))} data-testid="reward-form-kind" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="points" label="所需积分" required rules={rule('points')}>
            <InputNumber min={1} max={MAX_REWARD_POINTS} precision={0} suffix="分" style={{ width: '100%' }} data-testid="reward-form-points" />
          </Form.Item>
        </Col>
        {coupon && (
          <>
            <Col span={12}>
              <Form.Item name="valueYuan" label="券面值" required rules={rule('valueYuan')} extra="结算工单时抵扣的金额">
                <InputNumber min={0} max={MAX_VALUE_YUAN} precision={2} prefix="¥" style={{ width: '100%' }} data-testid="reward-form-value" />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item name="couponDays" label="券有效期" rules={rule('couponDays')} extra={`自兑换之日起计算；不填为 ${DEFAULT_COUPON_DAYS} 天`}>
                <InputNumber min={1} max={3650} precision={0} suffix="天" placeholder={String(DEFAULT_COUPON_DAYS)} style={{ width: '100%' }} data-testid="reward-form-days" />
              </Form.Item>
            </Col>
          </>
        )}
        <Col span={12}>
          <Form.Item
            name="stock"
            label={creating ? '初始库存' : '库存'}
            required={creating}
            rules={creating ? rule('stock') : undefined}
            extra={creating ? undefined : '库存请用「补货/核减」调整'}
          >
            <InputNumber min={0} max={MAX_STOCK} precision={0} disabled={!creating} style={{ width: '100%' }} data-testid="reward-form-stock" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="sortOrder" label="排序" rules={rule('sortOrder')} extra="数字小的排在积分商城前面">
            <InputNumber precision={0} style={{ width: '100%' }} data-testid="reward-form-sort" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="description" label="说明" rules={rule('description')}>
            <Input.TextArea rows={2} maxLength={255} showCount placeholder="如 任一门店精致洗车一次 / 到店领取" data-testid="reward-form-description" />
          </Form.Item>
        </Col>
        <Col span={24}>
          <Form.Item name="imageUrl" label="图片地址" rules={rule('imageUrl')}>
            <Input maxLength={512} placeholder="https://…（选填）" data-testid="reward-form-image" />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
