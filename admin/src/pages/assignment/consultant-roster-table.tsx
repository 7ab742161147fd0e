import { useState } from 'react';
import { App, Empty, Progress, Select, Switch, Table, type TableColumnsType } from 'antd';
import { updateConsultantRoster, type ConsultantRosterEntry, type StoreAssignment } from '../../api/assignment';
import { toApiError } from '../../api/client';
import type { VehicleModel } from '../../api/vehicles';
import { modelOptions } from '../leads/lead-select-options';

interface ConsultantRosterTableProps {
  assignment: StoreAssignment;
  models: VehicleModel[];
  loading: boolean;
  onChanged: () => void;
}

/** 顾问名单: who is on duty, how loaded each consultant is, and which models they specialise in. */
export function ConsultantRosterTable({ assignment, models, loading, onChanged }: ConsultantRosterTableProps) {
  const { message } = App.useApp();
  const [savingId, setSavingId] = useState<number>();

  async function change(consultant: ConsultantRosterEntry, update: { onDuty?: boolean; specialtyModelIds?: number[] }) {
    setSavingId(consultant.id);
    try {
      await updateConsultantRoster(assignment.storeId, consultant.id, update);
      if (update.onDuty !== undefined) message.success(`${consultant.name} ${update.onDuty ? '已上岗' : '已离岗'}`);
      else message.success(`已更新 ${consultant.name} 的擅长车型`);
      onChanged();
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setSavingId(undefined);
    }
  }

  const cap = assignment.consultantOpenLeadCap;
  const columns: TableColumnsType<ConsultantRosterEntry> = [
    { title: '顾问', dataIndex: 'name', width: 110 },
    { title: '用户名', dataIndex: 'username', width: 120 },
    {
      title: '在岗',
      dataIndex: 'onDuty',
      width: 100,
      render: (_, consultant) => (
        <Switch
          data-testid={`roster-on-duty-${consultant.id}`}
          checked={consultant.onDuty}
          checkedChildren="在岗"
          unCheckedChildren="离岗"
          loading={savingId === consultant.id}
          onChange={(onDuty) => change(consultant, { onDuty })}
        />
      ),
    },
    {
      title: `进行中线索（上限 ${cap}）`,
      dataIndex: 'openLeads',
      width: 220,
      render: (_, consultant) => (
        <Progress
          percent={Math.min(100, Math.round((consultant.openLeads / cap) * 100))}
          status={consultant.openLeads >= cap ? 'exception' : 'normal'}
          format={() => `${consultant.openLeads} 条`}
          size="small"
        />
      ),
    },
    {
      title: '擅长车型',
      dataIndex: 'specialtyModelIds',
      render: (_, consultant) => (
        <Select
          mode="multiple"
          allowClear
          placeholder={assignment.assignmentMode === 'MODEL_SPECIALTY' ? '未设置（按顺序轮流）' : '按车型分配时生效'}
          style={{ width: '100%', minWidth: 240 }}
          options={modelOptions(models)}
          value={consultant.specialtyModelIds}
          disabled={savingId === consultant.id}
          onChange={(specialtyModelIds: number[]) => change(consultant, { specialtyModelIds })}
        />
      ),
    },
  ];

  return (
    <Table<ConsultantRosterEntry>
      data-testid="consultant-roster"
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={assignment.consultants}
      loading={loading}
      pagination={false}
      scroll={{ x: 900 }}
      locale={{ emptyText: <Empty description="本店还没有销售顾问" /> }}
    />
  );
}
