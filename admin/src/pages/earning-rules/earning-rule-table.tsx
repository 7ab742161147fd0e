import { useState } from 'react';
import { Alert, App, Button, Empty, Flex, Form, InputNumber, Space, Switch, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { z } from 'zod';
import { fixedPointsSchema, MAX_FIXED_POINTS, MAX_POINTS_PER_YUAN, pointsPerYuanSchema, updateEarningRule, type EarningRule } from '../../api/loyalty';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { formatPoints } from '../../points-format';
import { zodFieldRule } from '../../zod-form-rule';

/** A spending rule earns per CNY (times the tier's multiplier); every other rule earns a fixed amount. */
const isPerYuan = (rule: EarningRule) => rule.pointsPerYuan !== null;

interface RuleFormValues {
  points?: number | null;
  active?: boolean;
}

function ruleFormSchema(perYuan: boolean) {
  return z.object({ points: perYuan ? pointsPerYuanSchema : fixedPointsSchema, active: z.boolean() });
}

/** Both server fields land on the one number the row edits. */
const FIELD_OF: Record<string, keyof RuleFormValues> = { pointsPerYuan: 'points', fixedPoints: 'points', active: 'active' };

function RuleAmount({ rule }: { rule: EarningRule }) {
  return isPerYuan(rule) ? (
    <span>
      每消费 1 元得 <Typography.Text strong>{rule.pointsPerYuan}</Typography.Text> 分
    </span>
  ) : (
    <span>
      每次奖励 <Typography.Text strong>{formatPoints(rule.fixedPoints ?? 0)}</Typography.Text> 分
    </span>
  );
}

interface EarningRuleTableProps {
  rules: EarningRule[];
  loading: boolean;
  /** Marketing and admins edit; the director reads. */
  editable: boolean;
  onSaved: (rule: EarningRule) => void;
}

/** The earning rules; a writer edits one row at a time in place: the amount and whether it is on. */
export function EarningRuleTable({ rules, loading, editable, onSaved }: EarningRuleTableProps) {
  const [form] = Form.useForm<RuleFormValues>();
  const { message } = App.useApp();
  const [editing, setEditing] = useState<EarningRule>();
  const editingPerYuan = editing ? isPerYuan(editing) : false;

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: RuleFormValues) => {
      if (!editing) return;
      const { points, active } = ruleFormSchema(editingPerYuan).parse(values);
      const saved = await updateEarningRule(editing.event, editingPerYuan ? { pointsPerYuan: points, active } : { fixedPoints: points, active });
      message.success(`已保存「${saved.name}」`);
      onSaved(saved);
    },
    { form, fieldOf: (path) => FIELD_OF[path] },
  );

  function startEditing(rule: EarningRule) {
    setEditing(rule);
    form.setFieldsValue({ points: isPerYuan(rule) ? rule.pointsPerYuan : rule.fixedPoints, active: rule.active });
  }

  const columns: TableColumnsType<EarningRule> = [
    {
      title: '规则',
      dataIndex: 'name',
      width: 220,
      render: (_, rule) => (
        <Flex vertical gap={0}>
          <Typography.Text strong>{rule.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
            {rule.event}
          </Typography.Text>
        </Flex>
      ),
    },
    { title: '计分方式', key: 'kind', width: 150, render: (_, rule) => (isPerYuan(rule) ? '按消费金额（× 等级倍率）' : '固定积分') },
    {
      title: '积分',
      key: 'points',
      width: 260,
      render: (_, rule) =>
        editing?.event === rule.event ? (
          <Form.Item name="points" rules={[zodFieldRule(ruleFormSchema(editingPerYuan), 'points')]} style={{ margin: 0 }}>
            <InputNumber
              min={0}
              max={editingPerYuan ? MAX_POINTS_PER_YUAN : MAX_FIXED_POINTS}
              precision={0}
              prefix={editingPerYuan ? '每元' : '每次'}
              suffix="分"
              style={{ width: 200 }}
              data-testid={`earning-rule-points-${rule.event}`}
            />
          </Form.Item>
        ) : (
          <RuleAmount rule={rule} />
        ),
    },
    {
      title: '状态',
      dataIndex: 'active',
      width: 120,
      render: (_, rule) =>
        editing?.event === rule.event ? (
          <Form.Item name="active" valuePropName="checked" style={{ margin: 0 }}>
            <Switch checkedChildren="启用" unCheckedChildren="停用" data-testid={`earning-rule-active-${rule.event}`} />
          </Form.Item>
        ) : rule.active ? (
          <Tag color="green">启用</Tag>
        ) : (
          <Tag>停用</Tag>
        ),
    },
  ];

  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 140,
      fixed: 'right',
      render: (_, rule) =>
        editing?.event === rule.event ? (
          <Space size={0}>
            <Button type="link" size="small" loading={saving} onClick={form.submit} data-testid={`earning-rule-save-${rule.event}`}>
              保存
            </Button>
            <Button type="link" size="small" disabled={saving} onClick={() => setEditing(undefined)}>
              取消
            </Button>
          </Space>
        ) : (
          <Button type="link" size="small" disabled={editing !== undefined} onClick={() => startEditing(rule)} data-testid={`earning-rule-edit-${rule.event}`}>
            编辑
          </Button>
        ),
    });
  }

  return (
    <Form<RuleFormValues> form={form} component={false} onFinish={onFinish}>
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid="earning-rule-error" />}
      <Table<EarningRule>
        data-testid="earning-rule-table"
        rowKey="event"
        size="middle"
        columns={columns}
        dataSource={rules}
        loading={loading}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: <Empty description="还没有积分规则" /> }}
      />
    </Form>
  );
}
