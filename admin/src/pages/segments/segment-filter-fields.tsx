import { Checkbox, Col, Flex, Form, InputNumber, Row, Select, Typography } from 'antd';
import { LEAD_STAGE_LABELS, LEAD_STAGES } from '../../api/leads';
import { MEMBER_TIERS } from '../../api/loyalty';
import { BIRTHDAY_MONTHS, saveSegmentSchema } from '../../api/marketing';
import { zodFieldRule } from '../../zod-form-rule';
import type { SegmentChoices } from './use-segment-choices';

type RangeField = 'vehicleAgeMonths' | 'daysSinceLastService' | 'pointsBalance';

/** 下限 ~ 上限 of one range condition; either side may stay empty. */
function RangeInputs({ field, unit, disabled }: { field: RangeField; unit: string; disabled: boolean }) {
  const min = ['filter', field, 'min'];
  const max = ['filter', field, 'max'];
  return (
    <Flex gap={8} align="start">
      <Form.Item name={min} rules={[zodFieldRule(saveSegmentSchema, min)]} style={{ marginBottom: 0, flex: 1 }}>
        <InputNumber min={0} precision={0} placeholder="不限" suffix={unit} disabled={disabled} style={{ width: '100%' }} data-testid={`segment-${field}-min`} />
      </Form.Item>
      <Typography.Text type="secondary" style={{ lineHeight: '32px' }}>
        ~
      </Typography.Text>
      <Form.Item name={max} dependencies={[min]} rules={[zodFieldRule(saveSegmentSchema, max)]} style={{ marginBottom: 0, flex: 1 }}>
        <InputNumber min={0} precision={0} placeholder="不限" suffix={unit} disabled={disabled} style={{ width: '100%' }} data-testid={`segment-${field}-max`} />
      </Form.Item>
    </Flex>
  );
}

interface SegmentFilterFieldsProps {
  choices: SegmentChoices;
  disabled: boolean;
}

/** The conditions of a segment, under `filter` in the form: each one left empty means "any". */
export function SegmentFilterFields({ choices, disabled }: SegmentFilterFieldsProps) {
  const { models, stores, names } = choices;
  return (
    <Row gutter={24}>
      <Col span={24}>
        <Form.Item name={['filter', 'tiers']} label="会员等级" extra="不选为全部等级">
          <Checkbox.Group
            disabled={disabled}
            options={MEMBER_TIERS.map((tier) => ({ value: tier, label: <span data-testid={`segment-tier-${tier}`}>{names.tierName(tier)}</span> }))}
            data-testid="segment-tiers"
          />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item name={['filter', 'modelIds']} label="车型" extra="名下有该车型车辆的会员">
          <Select<number[]>
            mode="multiple"
            allowClear
            disabled={disabled}
            placeholder={models.error ? '车型加载失败，请刷新' : '不限车型'}
            loading={models.loading}
            options={models.data?.map((model) => ({ value: model.id, label: `${model.brand} ${model.name}` }))}
            optionFilterProp="label"
            data-testid="segment-models"
          />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item name={['filter', 'storeIds']} label="门店" extra="车辆归属该门店，或在该门店有线索">
          <Select<number[]>
            mode="multiple"
            allowClear
            disabled={disabled}
            placeholder={stores.error ? '门店加载失败，请刷新' : '不限门店'}
            loading={stores.loading}
            options={stores.data?.map((store) => ({ value: store.id, label: store.name }))}
            optionFilterProp="label"
            data-testid="segment-stores"
          />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item label="车龄" extra="自交车起的月数">
          <RangeInputs field="vehicleAgeMonths" unit="个月" disabled={disabled} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item label="距上次保养" extra="从未回厂的按交车日计算">
          <RangeInputs field="daysSinceLastService" unit="天" disabled={disabled} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item label="积分余额">
          <RangeInputs field="pointsBalance" unit="分" disabled={disabled} />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item
          name={['filter', 'insuranceExpiringWithinDays']}
          label="保险到期"
          rules={[zodFieldRule(saveSegmentSchema, ['filter', 'insuranceExpiringWithinDays'])]}
          extra="商业险在今天起若干天内到期"
        >
          <InputNumber min={1} max={365} precision={0} placeholder="不限" suffix="天内到期" disabled={disabled} style={{ width: '100%' }} data-testid="segment-insurance-days" />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item name={['filter', 'leadStages']} label="线索阶段" extra="有处于这些阶段的线索">
          <Select
            mode="multiple"
            allowClear
            disabled={disabled}
            placeholder="不限"
            options={LEAD_STAGES.map((stage) => ({ value: stage, label: LEAD_STAGE_LABELS[stage] }))}
            data-testid="segment-lead-stages"
          />
        </Form.Item>
      </Col>
      <Col xs={24} lg={12}>
        <Form.Item name={['filter', 'birthdayMonths']} label="生日月份">
          <Select<number[]>
            mode="multiple"
            allowClear
            disabled={disabled}
            placeholder="不限"
            options={BIRTHDAY_MONTHS.map((month) => ({ value: month, label: `${month}月` }))}
            data-testid="segment-birthday-months"
          />
        </Form.Item>
      </Col>
    </Row>
  );
}
