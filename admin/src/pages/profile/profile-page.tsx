import { Card, Descriptions, Tag } from 'antd';
import { ROLE_LABELS } from '../../access';
import { useCurrentStaff } from '../../layouts/current-staff';

/** The signed-in staff member's own account, as GET /api/auth/me returns it. */
export function ProfilePage() {
  const staff = useCurrentStaff();
  return (
    <Card title="个人资料" data-testid="profile-page">
      <Descriptions
        column={{ xs: 1, md: 2 }}
        bordered
        items={[
          { key: 'username', label: '用户名', children: staff.username },
          { key: 'name', label: '姓名', children: staff.name },
          { key: 'role', label: '角色', children: <Tag color="blue">{ROLE_LABELS[staff.role]}</Tag> },
          { key: 'mobile', label: '手机号', children: staff.mobile ?? '未填写' },
          { key: 'store', label: '所属门店', children: staff.store?.name ?? '—' },
          { key: 'region', label: '所属区域', children: staff.region?.name ?? '—' },
        ]}
      />
    </Card>
  );
}
