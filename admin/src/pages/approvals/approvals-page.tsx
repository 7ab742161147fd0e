import { useCallback, useState } from 'react';
import { Card, Flex, Tabs } from 'antd';
import { listApprovals, type ApprovalItem, type ApprovalListQuery } from '../../api/approvals';
import { useRemoteData } from '../../hooks/use-remote-data';
import { ApprovalTable } from './approval-table';
import { DecisionModal } from './decision-modal';
import { useApprovalListQuery } from './use-approval-list-query';
import { LoadError } from '../../components/load-error';

const TABS: { key: ApprovalListQuery['status']; label: string }[] = [
  { key: 'PENDING', label: '待审批' },
  { key: 'APPROVED', label: '已批准' },
  { key: 'REJECTED', label: '已驳回' },
];

/** 折扣审批: quotes whose discount is over the consultant's limit, for the store manager and above. */
export function ApprovalsPage() {
  const { query, changeStatus, changePage } = useApprovalListQuery();
  const load = useCallback((signal: AbortSignal) => listApprovals(query, signal), [query]);
  const approvals = useRemoteData(load);
  const [deciding, setDeciding] = useState<{ quote: ApprovalItem; decision: 'approve' | 'reject' }>();

  return (
    <Card title="折扣审批" data-testid="approvals-page">
      <Flex vertical gap={8}>
        <Tabs
          activeKey={query.status}
          onChange={(key) => changeStatus(key as ApprovalListQuery['status'])}
          items={TABS.map((tab) => ({ key: tab.key, label: tab.label }))}
        />
        {approvals.error ? (
          <LoadError what="审批列表" error={approvals.error} onRetry={approvals.reload} data-testid="approvals-error" />
        ) : (
          <ApprovalTable
            page={approvals.data}
            query={query}
            loading={approvals.loading}
            onDecide={(quote, decision) => setDeciding({ quote, decision })}
            onPageChange={changePage}
          />
        )}
      </Flex>
      {deciding && (
        <DecisionModal
          quote={deciding.quote}
          decision={deciding.decision}
          onClose={() => setDeciding(undefined)}
          onDecided={() => {
            setDeciding(undefined);
            approvals.reload();
          }}
        />
      )}
    </Card>
  );
}
