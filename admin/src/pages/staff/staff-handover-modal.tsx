import { useState } from 'react';
import { Alert, Button, Form, Modal, Radio, Result, Select, Typography } from 'antd';
import { handOverStaff, type HandoverResult, type StaffItem } from '../../api/staff';
import { FormModal } from '../../components/form-modal';
import { consultantOptions, useConsultants } from '../../hooks/use-consultants';
import { useFormSubmit } from '../../hooks/use-form-submit';

type HandoverMode = 'person' | 'rule';

interface StaffHandoverModalProps {
  consultant: StaffItem;
  onClose: () => void;
}

/**
 * 离职交接: all of a consultant's open leads and tasks move in one step, to one colleague or spread by
 * the store's assignment rule. History stays with the leads.
 */
export function StaffHandoverModal({ consultant, onClose }: StaffHandoverModalProps) {
  const colleagues = useConsultants({ storeId: consultant.storeId ?? undefined, activeOnly: true });
  const [mode, setMode] = useState<HandoverMode>('person');
  const [toStaffId, setToStaffId] = useState<number>();
  const [result, setResult] = useState<HandoverResult>();
  const options = consultantOptions((colleagues.data ?? []).filter((colleague) => colleague.id !== consultant.id));
  const ready = mode === 'rule' || toStaffId !== undefined;
  // Once handed over the result takes the form's place, so `saving` is not needed back.
  const { saving, saveError, onFinish } = useFormSubmit(async () =>
    setResult(await handOverStaff(consultant.id, mode === 'person' ? toStaffId : undefined)),
  );

  if (result) {
    return (
      <Modal open title={`交接完成：${consultant.name}`} onCancel={onClose} footer={<Button type="primary" onClick={onClose}>完成</Button>}>
        <Result
          data-testid="handover-result"
          status="success"
          title={`已移交 ${result.movedLeads} 条线索、${result.movedTasks} 个任务`}
          subTitle={mode === 'person' ? `接手人：${options.find((option) => option.value === toStaffId)?.label ?? ''}` : '已按门店分配规则分给在岗顾问'}
        />
      </Modal>
    );
  }

  return (
    <FormModal
      title={`离职交接：${consultant.name}`}
      okText="确认交接"
      okButtonProps={{ disabled: !ready }}
      submitTestId="handover-submit"
      saving={saving}
      saveError={saveError}
      onOk={onFinish}
      onCancel={onClose}
    >
      <Typography.Paragraph type="secondary">
        {consultant.name}（{consultant.storeName ?? '未分配门店'}）名下所有进行中的线索和未完成任务将一次性移交，跟进记录保留在线索上。
      </Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="交接方式">
          <Radio.Group
            data-testid="handover-mode"
            value={mode}
            onChange={(event) => setMode(event.target.value as HandoverMode)}
            options={[
              { value: 'person', label: '全部交给一位同事' },
              { value: 'rule', label: '按分配规则分配' },
            ]}
          />
        </Form.Item>
        {mode === 'person' ? (
          <Form.Item label="接手顾问" required>
            <Select
              data-testid="handover-to"
              placeholder="选择同店在职顾问"
              showSearch={{ optionFilterProp: 'label' }}
              loading={colleagues.loading}
              status={colleagues.error ? 'warning' : undefined}
              options={options}
              value={toStaffId}
              onChange={setToStaffId}
              notFoundContent={colleagues.error ? `顾问名单加载失败：${colleagues.error.message}` : '本店没有其他在职顾问'}
            />
          </Form.Item>
        ) : (
          <Alert type="info" showIcon title="线索将按门店当前的分配规则（轮流或按车型）分给在岗、未达上限的顾问。" />
        )}
      </Form>
    </FormModal>
  );
}
