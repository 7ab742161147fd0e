import { useState, type ReactNode } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Segmented, Select, Space } from 'antd';
import { toApiError } from '../../api/client';
import { updateReward, listAllRewards, REWARD_KIND_LABELS, REWARD_KINDS, type AdminReward, type RewardKind } from '../../api/loyalty';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { RewardFormModal } from './reward-form-modal';
import { RewardStockModal } from './reward-stock-modal';
import { RewardTable } from './reward-table';
import { useRewardFilters, type RewardStatusFilter } from './use-reward-filters';
import { LoadError } from '../../components/load-error';

/** Which dialog is open: the reward form (a reward to edit, or null for a new one), or 补货/核减 of a reward. */
type Dialog = { kind: 'form'; reward: AdminReward | null } | { kind: 'stock'; reward: AdminReward } | null;

const STATUS_OPTIONS: { value: RewardStatusFilter; label: string }[] = [
  { value: 'all', label: '全部' },
  { value: 'active', label: '上架中' },
  { value: 'inactive', label: '已下架' },
];

/** 礼品 `/loyalty/rewards`: the points catalogue, on and off the shelf, with stock and redemptions. */
export function RewardsPage() {
  const staff = useCurrentStaff();
  const { message } = App.useApp();
  const canManage = can(staff.role, 'loyalty.manage');
  const rewards = useRemoteData(listAllRewards);
  const { filters, change } = useRewardFilters();
  const [dialog, setDialog] = useState<Dialog>(null);
  const shown = (rewards.data ?? []).filter(
    (reward) => (!filters.kind || reward.kind === filters.kind) && (filters.status === 'all' || reward.active === (filters.status === 'active')),
  );

  async function toggleActive(reward: AdminReward) {
    try {
      const saved = await updateReward(reward.id, { active: !reward.active });
      message.success(saved.active ? `「${saved.name}」已上架` : `「${saved.name}」已下架`);
      rewards.reload();
    } catch (error) {
      message.error(toApiError(error).message);
    }
  }

  const afterSave = () => {
    setDialog(null);
    rewards.reload();
  };

  let content: ReactNode;
  if (rewards.error && !rewards.data) {
    content = (
      <LoadError what="礼品" error={rewards.error} onRetry={rewards.reload} data-testid="rewards-error" />
    );
  } else {
    content = (
      <RewardTable
        rewards={shown}
        loading={rewards.loading}
        filtered={Boolean(filters.kind) || filters.status !== 'all'}
        manage={
          canManage
            ? { onEdit: (reward) => setDialog({ kind: 'form', reward }), onStock: (reward) => setDialog({ kind: 'stock', reward }), onToggleActive: toggleActive }
            : undefined
        }
      />
    );
  }

  return (
    <Card
      title="礼品"
      data-testid="rewards-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={rewards.reload}>
            刷新
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="reward-create" onClick={() => setDialog({ kind: 'form', reward: null })}>
              新建礼品
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {!canManage && <Alert type="info" showIcon title="您可以查看礼品与库存；上下架、补货或修改请联系市场部。" />}
        <Space wrap>
          <Segmented<RewardStatusFilter> options={STATUS_OPTIONS} value={filters.status} onChange={(status) => change({ status })} data-testid="reward-status-filter" />
          <Select<RewardKind>
            placeholder="全部类型"
            allowClear
            style={{ width: 140 }}
            options={REWARD_KINDS.map((value) => ({ value, label: REWARD_KIND_LABELS[value] }))}
            value={filters.kind}
            onChange={(kind) => change({ kind })}
            data-testid="reward-kind-filter"
          />
        </Space>
        {rewards.error && rewards.data && <Alert type="warning" showIcon title={`刷新失败：${rewards.error.message}`} />}
        {content}
      </Flex>
      {dialog?.kind === 'form' && <RewardFormModal editing={dialog.reward} onClose={() => setDialog(null)} onSaved={afterSave} />}
      {dialog?.kind === 'stock' && <RewardStockModal reward={dialog.reward} onClose={() => setDialog(null)} onSaved={afterSave} />}
    </Card>
  );
}
