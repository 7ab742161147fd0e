import { FilterOutlined } from '@ant-design/icons';
import { Button, Flex, Tag, theme, Tooltip, Typography } from 'antd';
import { Link } from 'react-router';
import {
  AUDIT_ACTION_LABELS,
  AUDIT_ACTOR_TYPE_LABELS,
  AUDIT_ENTITY_TYPE_LABELS,
  LOGIN_FAILURE_REASON_LABELS,
  type AuditAction,
  type AuditActorType,
  type AuditEntityType,
  type AuditEntry,
} from '../../api/audit';
import type { Role } from '../../api/org';
import { canOpen } from '../../access';

// The pieces of an entry that the table and the detail drawer both show. A value this admin does
// not know yet (a new action or entity type on the server) shows as the server names it.

const ACTOR_TYPE_COLORS: Record<AuditActorType, string> = { STAFF: 'blue', CUSTOMER: 'green', SYSTEM: 'purple', ANONYMOUS: 'default' };

export const isFailedLogin = (entry: AuditEntry) => entry.action === 'auth.login_failed';

export function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}

export function entityTypeLabel(entityType: string): string {
  return AUDIT_ENTITY_TYPE_LABELS[entityType as AuditEntityType] ?? entityType;
}

/** Why a login failed, from the entry's `after.reason`, in words; undefined for other entries. */
export function loginFailureReason(entry: AuditEntry): string | undefined {
  if (!isFailedLogin(entry) || typeof entry.after !== 'object' || entry.after === null) return undefined;
  const reason = (entry.after as { reason?: unknown }).reason;
  return typeof reason === 'string' ? (LOGIN_FAILURE_REASON_LABELS[reason] ?? reason) : undefined;
}

/** Who acted: a name and what kind of actor. A failed login is named by the username typed, in red. */
export function AuditActor({ entry, onFilter }: { entry: AuditEntry; onFilter?: () => void }) {
  const failed = isFailedLogin(entry);
  const actorType = entry.actorType as AuditActorType;
  const name = entry.actorName ?? (entry.actorId !== null ? `#${entry.actorId}` : actorType === 'SYSTEM' ? '系统任务' : '—');
  return (
    <Flex gap={6} align="center" wrap data-testid="audit-actor" data-actor-type={entry.actorType}>
      <Tooltip title={failed ? '登录时输入的用户名' : undefined}>
        <Typography.Text type={failed ? 'danger' : undefined} strong={failed} data-testid="audit-actor-name">
          {name}
        </Typography.Text>
      </Tooltip>
      <Tag color={failed ? 'red' : (ACTOR_TYPE_COLORS[actorType] ?? 'default')} style={{ marginInlineEnd: 0 }}>
        {AUDIT_ACTOR_TYPE_LABELS[actorType] ?? entry.actorType}
      </Tag>
      {onFilter && <FilterButton title={entry.actorId !== null ? '只看此人的操作' : '只看此用户名的记录'} onClick={onFilter} testId="audit-actor-filter-button" />}
    </Flex>
  );
}

export function AuditActionTag({ entry }: { entry: AuditEntry }) {
  const failed = isFailedLogin(entry);
  const reason = loginFailureReason(entry);
  return (
    <Flex vertical gap={2} align="flex-start">
      <Tag color={failed ? 'error' : 'default'} style={{ marginInlineEnd: 0 }} data-testid="audit-action" data-action={entry.action}>
        {actionLabel(entry.action)}
      </Tag>
      {reason && (
        <Typography.Text type="danger" style={{ fontSize: 12 }}>
          {reason}
        </Typography.Text>
      )}
    </Flex>
  );
}

/** Where a record of this kind opens in the admin, if it has a page there and the role may open it. */
function entityPath(entityType: string, entityId: string, role: Role): string | undefined {
  const path = entityType === 'lead' ? `/leads/${entityId}` : entityType === 'customer' ? `/members/${entityId}` : undefined;
  return path && canOpen(role, path) ? path : undefined;
}

/** The record acted on: its kind and id, linked to its page where it has one. */
export function AuditEntity({ entry, role, onFilter }: { entry: AuditEntry; role: Role; onFilter?: () => void }) {
  if (!entry.entityType) return <Typography.Text type="secondary">—</Typography.Text>;
  const label = entityTypeLabel(entry.entityType);
  const path = entry.entityId ? entityPath(entry.entityType, entry.entityId, role) : undefined;
  const id = entry.entityId ? `#${entry.entityId}` : '';
  return (
    <Flex gap={6} align="center" data-testid="audit-entity" data-entity-type={entry.entityType}>
      <span>
        {label}{' '}
        {path ? (
          <Link to={path} onClick={(event) => event.stopPropagation()} data-testid="audit-entity-link">
            {id}
          </Link>
        ) : (
          id
        )}
      </span>
      {onFilter && entry.entityId && <FilterButton title="只看该对象的记录" onClick={onFilter} testId="audit-entity-filter-button" />}
    </Flex>
  );
}

function FilterButton({ title, onClick, testId }: { title: string; onClick: () => void; testId: string }) {
  const { token } = theme.useToken();
  return (
    <Tooltip title={title}>
      <Button
        type="text"
        size="small"
        icon={<FilterOutlined style={{ color: token.colorTextTertiary }} />}
        aria-label={title}
        data-testid={testId}
        onClick={(event) => {
          // The row opens the details on click; the filter is a different thing to do.
          event.stopPropagation();
          onClick();
        }}
      />
    </Tooltip>
  );
}
