import { Descriptions, Divider, Drawer, Flex, Typography, type DescriptionsProps } from 'antd';
import type { AuditEntry } from '../../api/audit';
import type { Role } from '../../api/org';
import { formatShanghaiSeconds } from '../../shanghai-time';
import { AuditDiff } from './audit-diff';
import { actionLabel, AuditActionTag, AuditActor, AuditEntity } from './audit-entry-cells';

const missing = <Typography.Text type="secondary">—</Typography.Text>;

/** One entry in full: who, what, on which record, from where, and what the record looked like before and after. */
export function AuditEntryDrawer({ entry, role, onClose }: { entry: AuditEntry; role: Role; onClose: () => void }) {
  const items: DescriptionsProps['items'] = [
    { key: 'time', label: '时间', children: formatShanghaiSeconds(entry.createdAt) },
    { key: 'actor', label: '操作人', children: <AuditActor entry={entry} /> },
    {
      key: 'action',
      label: '操作',
      children: (
        <Flex gap={8} align="flex-start" wrap>
          <AuditActionTag entry={entry} />
          <Typography.Text type="secondary" style={{ fontSize: 12, lineHeight: '22px' }}>
            {entry.action}
          </Typography.Text>
        </Flex>
      ),
    },
    { key: 'entity', label: '对象', children: <AuditEntity entry={entry} role={role} /> },
    { key: 'ip', label: 'IP', children: entry.ip ?? missing },
    {
      key: 'userAgent',
      label: '设备 (UA)',
      children: entry.userAgent ? (
        <Typography.Text style={{ fontSize: 12, wordBreak: 'break-all' }} data-testid="audit-user-agent">
          {entry.userAgent}
        </Typography.Text>
      ) : (
        missing
      ),
    },
    {
      key: 'requestId',
      label: '请求 ID',
      children: entry.requestId ? (
        <Typography.Text copyable code data-testid="audit-request-id">
          {entry.requestId}
        </Typography.Text>
      ) : (
        missing
      ),
    },
  ];
  return (
    <Drawer open size={560} title={`${actionLabel(entry.action)} · 记录 #${entry.id}`} onClose={onClose}>
      <div data-testid="audit-entry-drawer">
        <Descriptions size="small" column={1} bordered items={items} styles={{ label: { width: 110 } }} />
        <Divider titlePlacement="start">变更内容</Divider>
        <AuditDiff before={entry.before} after={entry.after} />
      </div>
    </Drawer>
  );
}
