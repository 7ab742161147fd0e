import { useState } from 'react';
import { Alert, App, Form, Select } from 'antd';
import { assignLead, type LeadDetail } from '../../api/leads';
import { FormModal } from '../../components/form-modal';
import { useFormSubmit } from '../../hooks/use-form-submit';
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
  const options = consultantOptions((consultants.data ?? []).filter((consultant) => consultant.id !== lead.assignedTo?.id));
  const { saving, saveError, onFinish } = useFormSubmit(async (to: number) => {
    const updated = await assignLead(lead.id, to);
    message.success(`已改派给 ${updated.assignedTo?.name ?? '所选顾问'}`);
    onSaved();
  });

  return (
    <FormModal
      title={`改派：${lead.name}`}
      okText="改派"
      okButtonProps={{ disabled: !staffId }}
      submitTestId="assign-submit"
      saving={saving}
      saveError={saveError}
      onOk={() => staffId && onFinish(staffId)}
      onCancel={onClose}
    >
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
    </FormModal>
  );
}
