import { useState, type ReactNode } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Skeleton } from 'antd';
import { listTiers, type TierRule } from '../../api/loyalty';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { TierRulesForm } from './tier-rules-form';
import { LoadError } from '../../components/load-error';

/** 会员等级 `/loyalty/tiers`: the four tiers' names, thresholds, multipliers and perks, saved together. */
export function MemberTiersPage() {
  const staff = useCurrentStaff();
  const canManage = can(staff.role, 'loyalty.manage');
  const remote = useRemoteData(listTiers);
  // What the last save answered with, and how many saves there were: each one remounts the form with it.
  const [saved, setSaved] = useState<{ tiers: TierRule[]; count: number }>();
  const tiers = saved?.tiers ?? remote.data;

  let content: ReactNode;
  if (remote.error && !tiers) {
    content = (
      <LoadError what="会员等级" error={remote.error} onRetry={remote.reload} data-testid="member-tiers-error" />
    );
  } else if (!tiers) {
    content = <Skeleton active paragraph={{ rows: 8 }} />;
  } else {
    content = (
      <TierRulesForm
        key={`${saved?.count ?? 0}`}
        tiers={tiers}
        editable={canManage}
        onSaved={(next) => setSaved((previous) => ({ tiers: next, count: (previous?.count ?? 0) + 1 }))}
      />
    );
  }

  return (
    <Card
      title="会员等级"
      data-testid="member-tiers-page"
      extra={
        <Button
          icon={<ReloadOutlined />}
          onClick={() => {
            setSaved(undefined);
            remote.reload();
          }}
        >
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title="等级按会员近 12 个月获得的积分评定：达到门槛即时升级，降级在年度复核时进行。普卡门槛为 0；等级越高，门槛须越高，积分倍率不能低于下一级。"
        />
        {!canManage && <Alert type="info" showIcon title="您可以查看会员等级设置；如需调整请联系市场部。" />}
        {content}
      </Flex>
    </Card>
  );
}
