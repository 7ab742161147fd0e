import { ArrowRightOutlined } from '@ant-design/icons';
import { Empty, Flex, theme, Typography } from 'antd';
import { APPROVAL_STATUS_LABELS, LEAD_STAGE_LABELS, LOST_REASON_LABELS } from '../../api/leads';
import { ROLE_LABELS } from '../../access';

// Renders an entry's before/after JSON: each changed field as "字段：旧值 → 新值", and whatever did not
// change (or an entry that only has one side, such as a new staff account) as pretty-printed JSON.

type JsonObject = Record<string, unknown>;

export interface FieldChange {
  key: string;
  /**
   * undefined when the field is absent on that side: the entry records it on one side only (a
   * stage change notes the lost reason afterwards, a staff change whether the password was reset).
   */
  before: unknown;
  after: unknown;
}

export interface EntryDiff {
  changes: FieldChange[];
  /** The unchanged fields, or the whole value when there is nothing to compare it with; undefined when empty. */
  rest: unknown;
  /** What `rest` holds, for its heading. */
  restKind: 'unchanged' | 'before' | 'after' | undefined;
}

const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Compares an entry's two sides field by field, in the order the fields appear (before's first). */
export function diffEntry(before: unknown, after: unknown): EntryDiff {
  const hasBefore = before !== null && before !== undefined;
  const hasAfter = after !== null && after !== undefined;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changes = keys.filter((key) => !sameJson(before[key], after[key])).map((key) => ({ key, before: before[key], after: after[key] }));
    const unchanged = Object.fromEntries(keys.filter((key) => sameJson(before[key], after[key])).map((key) => [key, after[key]]));
    const hasUnchanged = Object.keys(unchanged).length > 0;
    return { changes, rest: hasUnchanged ? unchanged : undefined, restKind: hasUnchanged ? 'unchanged' : undefined };
  }
  if (hasBefore && hasAfter) {
    return sameJson(before, after) ? { changes: [], rest: after, restKind: 'unchanged' } : { changes: [{ key: '', before, after }], rest: undefined, restKind: undefined };
  }
  if (hasAfter) return { changes: [], rest: after, restKind: 'after' };
  if (hasBefore) return { changes: [], rest: before, restKind: 'before' };
  return { changes: [], rest: undefined, restKind: undefined };
}

/** The fields the server writes into entries, in the words of the pages where they are edited. */
const FIELD_LABELS: Record<string, string> = {
  approvalStatus: '审批状态',
  assigneeId: '负责顾问 ID',
  balanceAfter: '调整后余额',
  entryId: '积分流水 ID',
  lostReason: '战败原因',
  movedLeads: '转移线索数',
  movedTasks: '转移任务数',
  name: '姓名',
  passwordChanged: '重置密码',
  points: '积分',
  reason: '原因',
  receivers: '接收人',
  regionId: '区域 ID',
  role: '角色',
  stage: '阶段',
  storeId: '门店 ID',
  toStaffId: '接手人 ID',
  username: '用户名',
  version: '隐私政策版本',
};

/** Code values shown by their labels; the raw code is still in the JSON below. */
const VALUE_LABELS: Record<string, Record<string, string>> = {
  approvalStatus: APPROVAL_STATUS_LABELS,
  lostReason: LOST_REASON_LABELS,
  role: ROLE_LABELS,
  stage: LEAD_STAGE_LABELS,
};

function formatValue(key: string, value: unknown): string {
  if (value === undefined) return '（无）';
  if (value === null) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'string') return VALUE_LABELS[key]?.[value] ?? value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

const REST_TITLES: Record<NonNullable<EntryDiff['restKind']>, string> = {
  unchanged: '未变化的字段',
  after: '记录内容',
  before: '操作前内容',
};

export function AuditDiff({ before, after }: { before: unknown; after: unknown }) {
  const { token } = theme.useToken();
  const { changes, rest, restKind } = diffEntry(before, after);
  if (changes.length === 0 && restKind === undefined) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该操作没有记录字段内容" data-testid="audit-diff-empty" />;
  }
  return (
    <Flex vertical gap={12} data-testid="audit-diff">
      {changes.length > 0 && (
        <Flex vertical gap={6} data-testid="audit-diff-changes">
          {changes.map((change) => (
            <Flex key={change.key} gap={8} align="baseline" wrap data-testid="audit-diff-change" data-key={change.key}>
              {change.key && (
                <span style={{ minWidth: 160 }}>
                  {FIELD_LABELS[change.key] ?? change.key}
                  {FIELD_LABELS[change.key] && (
                    <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 4 }}>
                      {change.key}
                    </Typography.Text>
                  )}
                </span>
              )}
              {change.before === undefined ? (
                // Recorded after the action only: a fact about it, not a field that moved from one value to another.
                <Typography.Text data-testid="audit-diff-after">{formatValue(change.key, change.after)}</Typography.Text>
              ) : (
                <>
                  <Typography.Text delete type="secondary" data-testid="audit-diff-before">
                    {formatValue(change.key, change.before)}
                  </Typography.Text>
                  <ArrowRightOutlined style={{ fontSize: 12, color: token.colorTextTertiary }} />
                  <Typography.Text strong type="success" data-testid="audit-diff-after">
                    {formatValue(change.key, change.after)}
                  </Typography.Text>
                </>
              )}
            </Flex>
          ))}
        </Flex>
      )}
      {restKind && (
        <Flex vertical gap={4}>
          <Typography.Text type="secondary">{REST_TITLES[restKind]}</Typography.Text>
          <pre
            data-testid="audit-diff-json"
            style={{
              margin: 0,
              padding: 12,
              background: token.colorFillQuaternary,
              border: `1px solid ${token.colorBorderSecondary}`,
              borderRadius: token.borderRadius,
              fontSize: 12,
              whiteSpace: 'pre-wrap',
              wordBreak: 'break-all',
            }}
          >
            {JSON.stringify(rest, null, 2)}
          </pre>
        </Flex>
      )}
    </Flex>
  );
}
