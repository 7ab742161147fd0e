import { Button, Result } from 'antd';
import { useNavigate } from 'react-router';
import { ROLE_LABELS } from '../../access';
import { useCurrentStaff } from '../../layouts/current-staff';

export function ForbiddenPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  return (
    <Result
      data-testid="forbidden-page"
      status="403"
      title="无权访问"
      subTitle={`当前角色（${ROLE_LABELS[staff.role]}）无权访问此页面，如有需要请联系系统管理员。`}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          返回工作台
        </Button>
      }
    />
  );
}
