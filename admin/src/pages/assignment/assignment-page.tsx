import { useCallback, useEffect } from 'react';
import { Alert, Button, Card, Flex, Result, Select, Skeleton, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { fetchStoreAssignment } from '../../api/assignment';
import { ROLE_SCOPE } from '../../api/org';
import { listVehicleModels } from '../../api/vehicles';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useScopedStores } from '../../hooks/use-scoped-stores';
import { useCurrentStaff } from '../../layouts/current-staff';
import { storeOptions } from '../../components/org-select-options';
import { AssignmentSettingsForm } from './assignment-settings-form';
import { ConsultantRosterTable } from './consultant-roster-table';
import { LoadError } from '../../components/load-error';

/** 分配规则: per store, how new leads are assigned, the consultants' caps and limits, and the roster. */
export function AssignmentPage() {
  const staff = useCurrentStaff();
  const stores = useScopedStores();
  const [searchParams, setSearchParams] = useSearchParams();
  const storeFixed = ROLE_SCOPE[staff.role] === 'store';
  const requestedStoreId = Number(searchParams.get('storeId')) || undefined;
  const storeId = storeFixed ? (staff.storeId ?? undefined) : (requestedStoreId ?? stores.data?.[0]?.id);

  // Without a store in the URL, the first store of the scope is shown; the URL then names it.
  useEffect(() => {
    if (!storeFixed && !requestedStoreId && storeId) setSearchParams({ storeId: String(storeId) }, { replace: true });
  }, [storeFixed, requestedStoreId, storeId, setSearchParams]);

  return (
    <Card
      title="分配规则"
      data-testid="assignment-page"
      extra={
        storeFixed ? (
          <Typography.Text type="secondary">{staff.store?.name}</Typography.Text>
        ) : (
          <Space>
            <Typography.Text type="secondary">门店</Typography.Text>
            <Select
              data-testid="assignment-store"
              style={{ width: 220 }}
              showSearch={{ optionFilterProp: 'label' }}
              loading={stores.loading}
              options={storeOptions(stores.data ?? [])}
              value={storeId}
              onChange={(id: number) => setSearchParams({ storeId: String(id) })}
            />
          </Space>
        )
      }
    >
      {stores.error && !storeFixed ? (
        <Result status="error" title="门店加载失败" subTitle={stores.error.message} extra={<Button onClick={stores.reload}>重试</Button>} />
      ) : storeId ? (
        <StoreAssignmentView key={storeId} storeId={storeId} />
      ) : stores.loading ? (
        <Skeleton active />
      ) : (
        <Result status="info" title="没有可管理的门店" />
      )}
    </Card>
  );
}

function StoreAssignmentView({ storeId }: { storeId: number }) {
  const load = useCallback((signal: AbortSignal) => fetchStoreAssignment(storeId, signal), [storeId]);
  const assignment = useRemoteData(load);
  const models = useRemoteData(listVehicleModels);

  if (assignment.error && !assignment.data) {
    return (
      <LoadError what="分配规则" error={assignment.error} onRetry={assignment.reload} data-testid="assignment-error" />
    );
  }
  if (!assignment.data) return <Skeleton active paragraph={{ rows: 8 }} />;

  return (
    <Flex vertical gap={24}>
      {assignment.error && <Alert type="warning" showIcon title={`刷新失败：${assignment.error.message}`} />}
      <AssignmentSettingsForm
        // Remounted after each save so the form shows what the server now holds.
        key={JSON.stringify([assignment.data.assignmentMode, assignment.data.consultantOpenLeadCap, assignment.data.consultantDiscountLimitBp])}
        assignment={assignment.data}
        onSaved={assignment.reload}
      />
      <div>
        <Typography.Title level={5}>顾问名单</Typography.Title>
        <ConsultantRosterTable
          assignment={assignment.data}
          models={models.data ?? []}
          loading={assignment.loading}
          onChanged={assignment.reload}
        />
      </div>
    </Flex>
  );
}
