import { useState } from 'react';
import { Alert, App, Form, Modal, Select } from 'antd';
import { toApiError, type ApiError } from '../../api/client';
import { assignLead, type LeadDetail } from '../../api/leads';
import { consultantOptions, useConsultants } from '../../hooks/use-consultants';

interface AssignModalProps {
  lead: LeadDetail;
  onClose: () => void;
  onSaved: () => void;
}

/** 改派: hands the lead and its open tasks to another consultant of the lead's store. */
export function AssignModal({ lead, onClose, onSaved }: AssignModalProps) {
  const { message } = App.useApp();
  const consultants = useConsultants({ storeId: lead.store.id, activeOnly: true });
  const [staffId, setStaffId] = useState<number>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();
  const options = consultantOptions((consultants.data ?? []).filter((consultant) => consultant.id !== lead.assignedTo?.id));

  async function save() {
    if (!staffId) return;
    setSaving(true);
    setSaveError(undefined);
    try {
      const updated = await assignLead(lead.id, staffId);
      message.success(`已改派给 ${updated.assignedTo?.name ?? '所选顾问'}`);
      onSaved();
    } catch (error) {
      setSaveError(toApiError(error));
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title={`改派：${lead.name}`}
      okText="改派"
      cancelText="取消"
      confirmLoading={saving}
      okButtonProps={{ disabled: !staffId, 'data-testid': 'assign-submit' }}
      onOk={save}
      onCancel={onClose}
      mask={{ closable: false }}
    >
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} />}
      {consultants.error && <Alert type="warning" showIcon title={`顾问名单加载失败：${consultants.error.message}`} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label="当前顾问">{lead.assignedTo?.name ?? '待分配'}</Form.Item>
        <Form.Item label="改派给" required extra="线索的未完成任务一并转给新顾问，历史记录保留。">
          <Select
            data-testid="assign-consultant"
            placeholder={`${lead.store.name}的在职顾问`}
            showSearch={{ optionFilterProp: 'label' }}
            loading={consultants.loading}
            options={options}
            value={staffId}
            onChange={setStaffId}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
