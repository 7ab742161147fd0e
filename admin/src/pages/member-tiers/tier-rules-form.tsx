import { Alert, App, Button, Col, Flex, Form, Input, InputNumber, Row, Select, Typography, theme } from 'antd';
import { z } from 'zod';
import type { ApiError } from '../../api/client';
import {
  MAX_MULTIPLIER_PERCENT,
  MAX_PERKS,
  MAX_TIER_POINTS,
  MEMBER_TIERS,
  MIN_MULTIPLIER_PERCENT,
  tierRuleSchema,
  updateTiers,
  type TierRule,
} from '../../api/loyalty';
import { MemberTierTag } from '../../components/loyalty-tags';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { zodFieldRule } from '../../zod-form-rule';

/** One row per tier in MEMBER_TIERS order: the row's index says which tier it is. */
interface TierValues {
  name?: string;
  minPoints?: number | null;
  /** The multiplier as people say it (1.25 = ×1.25); the API takes percent. */
  multiplier?: number | null;
  perks?: string[];
}

interface TiersFormValues {
  tiers?: TierValues[];
}

const MIN_MULTIPLIER = MIN_MULTIPLIER_PERCENT / 100;
const MAX_MULTIPLIER = MAX_MULTIPLIER_PERCENT / 100;
const { shape } = tierRuleSchema;

// The order between tiers (普卡 at 0, each tier above needs more and earns at least as fast) is the server's
// rule: its refusal names the field, and lands there, so the rule is not kept in two places.
const tiersFormSchema = z
  .object({
    tiers: z
      .array(
        z.object({
          name: shape.name,
          minPoints: shape.minPoints,
          multiplier: z
            .number({ error: '请填写积分倍率' })
            .min(MIN_MULTIPLIER, `积分倍率不能低于 ×${MIN_MULTIPLIER.toFixed(2)}`)
            .max(MAX_MULTIPLIER, `积分倍率最高 ×${MAX_MULTIPLIER.toFixed(2)}`),
          perks: shape.perks.default([]),
        }),
      )
      .length(MEMBER_TIERS.length),
  })
  .transform(({ tiers }) => ({
    // Sent in the form's order (普卡 → 黑金), so a server detail `tiers.N.*` names the form's row N.
    tiers: tiers.map(({ multiplier, ...tier }, index) => ({ ...tier, tier: MEMBER_TIERS[index], multiplierPercent: Math.round(multiplier * 100) })),
  }));

const SERVER_PATH = /^tiers\.(\d+)\.(name|minPoints|multiplierPercent|perks)(\.|$)/;
const FORM_FIELD: Record<string, keyof TierValues> = { name: 'name', minPoints: 'minPoints', multiplierPercent: 'multiplier', perks: 'perks' };

function toValues(tiers: TierRule[]): TiersFormValues {
  const byTier = new Map(tiers.map((rule) => [rule.tier, rule]));
  return {
    tiers: MEMBER_TIERS.map((tier) => {
      const rule = byTier.get(tier);
      return { name: rule?.name, minPoints: rule?.minPoints, multiplier: rule ? rule.multiplierPercent / 100 : MIN_MULTIPLIER, perks: rule?.perks ?? [] };
    }),
  };
}

interface TierRulesFormProps {
  tiers: TierRule[];
  /** Marketing and admins save; the director sees the same form, read-only. */
  editable: boolean;
  onSaved: (tiers: TierRule[]) => void;
}

/** The four tiers in one form, one row each, saved together: their order is only valid as a whole. */
export function TierRulesForm({ tiers, editable, onSaved }: TierRulesFormProps) {
  const [form] = Form.useForm<TiersFormValues>();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const rule = (path: (string | number)[]) => [zodFieldRule(tiersFormSchema, path)];

  /**
   * A refusal names its row and field (`tiers.2.minPoints`): the message goes on that input. For an order
   * refusal the server's sentence ("金卡 的门槛须高于 银卡") says more than its detail ("须高于下一级").
   */
  function showRowErrors(error: ApiError) {
    const fields = error.details.flatMap((detail) => {
      const match = SERVER_PATH.exec(detail.path);
      const text = error.code === 'TIERS_INVALID' ? error.message : detail.message;
      return match ? [{ name: ['tiers', Number(match[1]), FORM_FIELD[match[2]]], errors: [text] }] : [];
    });
    if (fields.length > 0) form.setFields(fields as Parameters<typeof form.setFields>[0]);
  }

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: TiersFormValues) => {
      const saved = await updateTiers(tiersFormSchema.parse(values));
      message.success('会员等级已保存');
      onSaved(saved);
    },
    { onError: showRowErrors },
  );

  return (
    <Form<TiersFormValues>
      form={form}
      name="member-tiers"
      layout="vertical"
      disabled={!editable}
      data-testid="member-tiers-form"
      initialValues={toValues(tiers)}
      onFinish={onFinish}
    >
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="member-tiers-save-error" />}
      <Form.List name="tiers">
        {(fields) => (
          <Flex vertical gap={0}>
            {fields.map((field, index) => {
              const tier = MEMBER_TIERS[index];
              return (
                <Row key={field.key} gutter={16} align="top" data-testid={`tier-row-${tier}`} style={{ borderBottom: `1px solid ${token.colorBorderSecondary}`, paddingTop: 12 }}>
                  <Col flex="90px" style={{ paddingTop: 34 }}>
                    <MemberTierTag tier={tier} />
                  </Col>
                  <Col flex="160px">
                    <Form.Item name={[field.name, 'name']} label="名称" rules={rule(['tiers', field.name, 'name'])}>
                      <Input maxLength={16} data-testid={`tier-name-${tier}`} />
                    </Form.Item>
                  </Col>
                  <Col flex="190px">
                    <Form.Item
                      name={[field.name, 'minPoints']}
                      label="门槛（近 12 个月获得）"
                      rules={rule(['tiers', field.name, 'minPoints'])}
                    >
                      <InputNumber
                        min={0}
                        max={MAX_TIER_POINTS}
                        precision={0}
                        suffix="分"
                        style={{ width: '100%' }}
                        // 普卡 is where every member starts: its threshold is always 0. (An explicit
                        // `disabled` wins over the form's, so read-only is repeated here.)
                        disabled={!editable || tier === 'STANDARD'}
                        data-testid={`tier-min-points-${tier}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="150px">
                    <Form.Item name={[field.name, 'multiplier']} label="积分倍率" rules={rule(['tiers', field.name, 'multiplier'])}>
                      <InputNumber
                        min={MIN_MULTIPLIER}
                        max={MAX_MULTIPLIER}
                        step={0.05}
                        precision={2}
                        prefix="×"
                        style={{ width: '100%' }}
                        data-testid={`tier-multiplier-${tier}`}
                      />
                    </Form.Item>
                  </Col>
                  <Col flex="auto">
                    <Form.Item
                      name={[field.name, 'perks']}
                      label="权益"
                      rules={rule(['tiers', field.name, 'perks'])}
                      extra={editable && index === 0 ? '输入一项权益后按回车添加' : undefined}
                    >
                      <Select
                        mode="tags"
                        open={false}
                        suffixIcon={null}
                        maxCount={MAX_PERKS}
                        placeholder="如 生日礼 / 优先预约"
                        tokenSeparators={['，', ',']}
                        style={{ width: '100%' }}
                        data-testid={`tier-perks-${tier}`}
                      />
                    </Form.Item>
                  </Col>
                </Row>
              );
            })}
          </Flex>
        )}
      </Form.List>
      {editable && (
        <Flex gap={16} align="center" style={{ marginTop: 16 }}>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="member-tiers-save">
            保存等级设置
          </Button>
          <Typography.Text type="secondary">四个等级一起保存</Typography.Text>
        </Flex>
      )}
    </Form>
  );
}
