import type { ReactNode } from 'react';
import { Alert, Form, Modal, type FormInstance, type FormProps, type ModalProps } from 'antd';
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

interface ModalFormProps<Values> extends Omit<FormModalProps, 'onOk'>, Pick<FormProps<Values>, 'name' | 'initialValues' | 'onValuesChange'> {
  form: FormInstance<Values>;
  /** Runs with the validated values when OK is pressed (a `useFormSubmit` handler). */
  onFinish: (values: Values) => void;
  /** The data-testid of the form. */
  formTestId?: string;
  /** What the form is about (the booking, the quote), shown above it. */
  summary?: ReactNode;
}

/** A FormModal holding one vertical form: OK submits the form, which validates and calls `onFinish`. */
export function ModalForm<Values>({ form, name, formTestId, initialValues, onValuesChange, onFinish, summary, children, ...modalProps }: ModalFormProps<Values>) {
  return (
    <FormModal {...modalProps} onOk={form.submit}>
      {summary}
      <Form<Values> form={form} name={name} layout="vertical" data-testid={formTestId} initialValues={initialValues} onValuesChange={onValuesChange} onFinish={onFinish}>
        {children}
      </Form>
    </FormModal>
  );
}
