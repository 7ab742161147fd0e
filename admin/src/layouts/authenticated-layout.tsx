import { Button, Flex, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { fetchCurrentStaff, logout } from '../api/auth';
import { readTokens } from '../api/token-store';
import { canOpen } from '../access';
import { useRemoteData } from '../hooks/use-remote-data';
import { loginPathFor } from '../login-redirect';
import { ForbiddenPage } from '../pages/errors/forbidden-page';
import { AdminShell } from './admin-shell';
import { CurrentStaffContext } from './current-staff';

/** Guards every page behind login and the role's areas, then frames it in the admin shell. */
export function AuthenticatedLayout() {
  const location = useLocation();
  if (!readTokens()) {
    return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  }
  return <SignedInLayout />;
}

function SignedInLayout() {
  const { pathname } = useLocation();
  const navigate = useNavigate();
  const currentStaff = useRemoteData(fetchCurrentStaff);

  if (currentStaff.error) {
    return (
      <Result
        status="error"
        title="无法加载账号信息"
        subTitle={currentStaff.error.message}
        extra={[
          <Button key="retry" type="primary" onClick={currentStaff.reload}>
            重试
          </Button>,
          <Button
            key="logout"
            onClick={() => {
              logout();
              navigate('/login');
            }}
          >
            重新登录
          </Button>,
        ]}
      />
    );
  }
  if (!currentStaff.data) {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <Spin size="large" />
      </Flex>
    );
  }

  const staff = currentStaff.data;
  return (
    <CurrentStaffContext value={staff}>
      <AdminShell>{canOpen(staff.role, pathname) ? <Outlet /> : <ForbiddenPage />}</AdminShell>
    </CurrentStaffContext>
  );
}
