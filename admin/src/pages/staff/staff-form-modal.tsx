import { App, Col, Form, Input, Row, Select } from 'antd';
import { ROLE_SCOPE, type Region, type Role, type Store } from '../../api/org';
import {
  createStaff,
  createStaffSchema,
  updateStaff,
  updateStaffSchema,
  type StaffItem,
} from '../../api/staff';
import { ModalForm } from '../../components/form-modal';
import { showServerFieldErrors } from '../../form-server-errors';
import { useFormSubmit } from '../../hooks/use-form-submit';
import { zodFieldRule } from '../../zod-form-rule';
import { regionOptions, ROLE_OPTIONS, storeOptions } from '../../components/org-select-options';

interface StaffFormValues {
  username?: string;
  password?: string;
  name?: string;
  role?: Role;
  storeId?: number;
  regionId?: number;
  mobile?: string;
}

const FORM_FIELDS: readonly (keyof StaffFormValues)[] = ['username', 'password', 'name', 'role', 'storeId', 'regionId', 'mobile'];

/** Where the server's field paths land on this form: on the field of the same name, if it has one. */
function fieldOf(path: string): keyof StaffFormValues | undefined {
  return FORM_FIELDS.find((field) => field === path);
}

/** Optional inputs send nothing when left empty, rather than an empty string. */
const emptyAsUndefined = (value: string | undefined) => (value === '' ? undefined : value);

interface StaffFormModalProps {
  /** The staff member to edit, or null to create a new one. */
  editing: StaffItem | null;
  stores: Store[];
  regions: Region[];
  onClose: () => void;
  onSaved: () => void;
}

/** Create or edit a staff account; rendered only while open, so each opening starts clean. */
export function StaffFormModal({ editing, stores, regions, onClose, onSaved }: StaffFormModalProps) {
  const { message } = App.useApp();
  const [form] = Form.useForm<StaffFormValues>();
  const role = Form.useWatch('role', form);
  const schema = editing ? updateStaffSchema : createStaffSchema;
  const scope = role ? ROLE_SCOPE[role] : undefined;

  const { saving, saveError, onFinish } = useFormSubmit(
    async (values: StaffFormValues) => {
      if (editing) {
        await updateStaff(editing.id, updateStaffSchema.parse(values));
        message.success(`已保存 ${editing.name} 的资料`);
      } else {
        const created = await createStaff(createStaffSchema.parse(values));
        message.success(`已创建员工 ${created.name}`);
      }
      onSaved();
    },
    {
      onError: (error) => {
        if (error.code === 'USERNAME_TAKEN') form.setFields([{ name: 'username', errors: [error.message] }]);
        showServerFieldErrors(form, error, fieldOf);
      },
    },
  );

  return (
    <ModalForm<StaffFormValues>
      title={editing ? `编辑员工：${editing.username}` : '新建员工'}
      okText="保存"
      width={640}
      submitTestId="staff-form-submit"
      saving={saving}
      saveError={saveError}
      onCancel={onClose}
      form={form}
      formTestId="staff-form"
      initialValues={
        editing
          ? {
              name: editing.name,
              role: editing.role,
              storeId: editing.storeId ?? undefined,
              regionId: editing.regionId ?? undefined,
            }
          : undefined
      }
      onFinish={onFinish}
    >
      <Row gutter={16}>
        <Col span={12}>
          {editing ? (
            <Form.Item label="用户名">
              <Input value={editing.username} disabled />
            </Form.Item>
          ) : (
            <Form.Item name="username" label="用户名" required rules={[zodFieldRule(schema, 'username')]}>
              <Input placeholder="3–32 位字母、数字、_ . -" autoComplete="off" />
            </Form.Item>
          )}
        </Col>
        <Col span={12}>
          <Form.Item name="name" label="姓名" required rules={[zodFieldRule(schema, 'name')]}>
            <Input placeholder="员工姓名" />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item name="role" label="角色" required rules={[zodFieldRule(schema, 'role')]}>
            <Select placeholder="选择角色" options={ROLE_OPTIONS} />
          </Form.Item>
        </Col>
        <Col span={12}>
          {scope === 'store' && (
            <Form.Item
              name="storeId"
              label="所属门店"
              required
              dependencies={['role']}
              rules={[zodFieldRule(schema, 'storeId')]}
            >
              <Select
                placeholder="选择门店"
                showSearch={{ optionFilterProp: 'label' }}
                options={storeOptions(stores)}
              />
            </Form.Item>
          )}
          {scope === 'region' && (
            <Form.Item
              name="regionId"
              label="所属区域"
              required
              dependencies={['role']}
              rules={[zodFieldRule(schema, 'regionId')]}
            >
              <Select placeholder="选择区域" options={regionOptions(regions)} />
            </Form.Item>
          )}
        </Col>
        <Col span={12}>
          <Form.Item
            name="mobile"
            label="手机号"
            normalize={emptyAsUndefined}
            rules={[zodFieldRule(schema, 'mobile')]}
            extra={editing ? '留空则不修改' : '选填'}
          >
            <Input placeholder={editing?.mobile ? `当前 ${editing.mobile}` : '11 位手机号'} maxLength={11} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item
            name="password"
            label={editing ? '重置密码' : '初始密码'}
            required={!editing}
            normalize={emptyAsUndefined}
            rules={[zodFieldRule(schema, 'password')]}
            extra={editing ? '留空则不修改' : '至少 8 位，含字母和数字'}
          >
            <Input.Password placeholder={editing ? '新密码' : '初始密码'} autoComplete="new-password" />
          </Form.Item>
        </Col>
      </Row>
    </ModalForm>
  );
}
