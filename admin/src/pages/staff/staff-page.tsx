import { useCallback, useState } from 'react';
import { PlusOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex } from 'antd';
import { toApiError } from '../../api/client';
import { listRegions, listStores } from '../../api/org';
import { activateStaff, deactivateStaff, listStaff, type StaffItem } from '../../api/staff';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { StaffFilters } from './staff-filters';
import { StaffFormModal } from './staff-form-modal';
import { StaffHandoverModal } from './staff-handover-modal';
import { StaffTable } from './staff-table';
import { useStaffListQuery } from './use-staff-list-query';
import { LoadError } from '../../components/load-error';

/** Which staff form is open: a staff member to edit, 'new' to create one, or none. */
type FormTarget = StaffItem | 'new' | null;

export function StaffPage() {
  const currentStaff = useCurrentStaff();
  const { message } = App.useApp();
  const canManage = can(currentStaff.role, 'staff.manage');
  const { query, changeFilters, changePage, resetFilters } = useStaffListQuery();
  const loadStaff = useCallback((signal: AbortSignal) => listStaff(query, signal), [query]);
  const staffPage = useRemoteData(loadStaff);
  const stores = useRemoteData(listStores);
  const regions = useRemoteData(listRegions);
  const [formTarget, setFormTarget] = useState<FormTarget>(null);
  const [handingOver, setHandingOver] = useState<StaffItem>();

  async function toggleActive(staff: StaffItem) {
    try {
      if (staff.active) {
        await deactivateStaff(staff.id);
        message.success(`已停用 ${staff.name}`);
      } else {
        await activateStaff(staff.id);
        message.success(`已启用 ${staff.name}`);
      }
      staffPage.reload();
    } catch (error) {
      message.error(toApiError(error).message);
    }
  }

  return (
    <Card
      title="员工管理"
      extra={
        canManage && (
          <Button type="primary" icon={<PlusOutlined />} data-testid="staff-create" onClick={() => setFormTarget('new')}>
            新建员工
          </Button>
        )
      }
    >
      <Flex vertical gap={16}>
        {!canManage && (
          <Alert
            type="info"
            showIcon
            title={`您可以查看权限范围内的员工；新建、编辑或停用账号请联系系统管理员。${
              can(currentStaff.role, 'staff.handover') ? '销售顾问离职时，点「交接」即可一次移交其全部线索与任务。' : ''
            }`}
          />
        )}
        <StaffFilters
          query={query}
          stores={stores}
          onChange={changeFilters}
          onReset={resetFilters}
        />
        {staffPage.error ? (
          <LoadError what="员工列表" error={staffPage.error} onRetry={staffPage.reload} data-testid="staff-error" />
        ) : (
          <StaffTable
            page={staffPage.data}
            query={query}
            loading={staffPage.loading}
            manage={
              canManage
                ? { currentStaffId: currentStaff.id, onEdit: setFormTarget, onToggleActive: toggleActive }
                : undefined
            }
            onHandover={can(currentStaff.role, 'staff.handover') ? setHandingOver : undefined}
            onPageChange={changePage}
          />
        )}
      </Flex>
      {formTarget && (
        <StaffFormModal
          editing={formTarget === 'new' ? null : formTarget}
          stores={stores.data ?? []}
          regions={regions.data ?? []}
          onClose={() => setFormTarget(null)}
          onSaved={() => {
            setFormTarget(null);
            staffPage.reload();
          }}
        />
      )}
      {handingOver && <StaffHandoverModal consultant={handingOver} onClose={() => setHandingOver(undefined)} />}
    </Card>
  );
}
