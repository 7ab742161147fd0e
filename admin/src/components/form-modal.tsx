import type { ReactNode } from 'react';
import { Alert, Modal, type ModalProps } from 'antd';
import type { ApiError } from '../api/client';

interface FormModalProps extends Pick<ModalProps, 'title' | 'okText' | 'okButtonProps' | 'onOk' | 'onCancel' | 'width'> {
  saving: boolean;
  /** Shown above the content while set. */
  saveError: ApiError | undefined;
  /** The data-testid of the OK button. */
  submitTestId: string;
  /** The data-testid of the error alert, where a test looks for it. */
  errorTestId?: string;
  children: ReactNode;
}

/** A modal that saves something: OK submits, 取消 closes, a click on the mask does not lose the input. */
export function FormModal({ saving, saveError, submitTestId, errorTestId, okButtonProps, children, ...modalProps }: FormModalProps) {
  return (
    <Modal
      open
      cancelText="取消"
      confirmLoading={saving}
      mask={{ closable: false }}
      okButtonProps={{ ...okButtonProps, 'data-testid': submitTestId }}
      {...modalProps}
    >
      {saveError && <Alert type="error" showIcon title={saveError.message} style={{ marginBottom: 16 }} data-testid={errorTestId} />}
      {children}
    </Modal>
  );
}
