import { useState, type ReactNode } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex } from 'antd';
import { listEarningRules } from '../../api/loyalty';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { EarningRuleTable } from './earning-rule-table';
import { LoadError } from '../../components/load-error';

/** 积分规则 `/loyalty/earning-rules`: how many points each event earns, edited in place by marketing. */
export function EarningRulesPage() {
  const staff = useCurrentStaff();
  const canManage = can(staff.role, 'loyalty.manage');
  const rules = useRemoteData(listEarningRules);
  // Bumped after a save so the table's edit state starts afresh with the saved rules.
  const [saves, setSaves] = useState(0);

  let content: ReactNode;
  if (rules.error && !rules.data) {
    content = (
      <LoadError what="积分规则" error={rules.error} onRetry={rules.reload} data-testid="earning-rules-error" />
    );
  } else {
    content = (
      <EarningRuleTable
        key={saves}
        rules={rules.data ?? []}
        loading={rules.loading}
        editable={canManage}
        onSaved={() => {
          setSaves((count) => count + 1);
          rules.reload();
        }}
      />
    );
  }

  return (
    <Card
      title="积分规则"
      data-testid="earning-rules-page"
      extra={
        <Button icon={<ReloadOutlined />} onClick={rules.reload}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title="修改后对之后发生的消费、交车等生效，已发放的积分不变。保养维修消费按每元积分 × 会员等级倍率计算（不足 1 元、不足 1 分的部分舍去）；其余规则每次奖励固定积分。"
        />
        {content}
      </Flex>
    </Card>
  );
}
