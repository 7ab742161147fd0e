import { Button, Flex, Result, Spin } from 'antd';
import { Navigate, Outlet, useLocation, useNavigate } from 'react-router';
import { fetchCurrentStaff, logout } from '../api/auth';
import { useEffect, useState } from 'react';
import { restoreSession } from '../api/client';
import { readAccessToken } from '../api/token-store';
import { canOpen } from '../access';
import { useRemoteData } from '../hooks/use-remote-data';
import { loginPathFor } from '../login-redirect';
import { ForbiddenPage } from '../pages/errors/forbidden-page';
import { AdminShell } from './admin-shell';
import { CurrentStaffContext } from './current-staff';

/** Guards every page behind login and the role's areas, then frames it in the admin shell. */
export function AuthenticatedLayout() {
  const location = useLocation();
  // A tab without an access token may still hold a session cookie (a new tab, a reopened browser): try it first.
  const [session, setSession] = useState<'restoring' | 'signed-in' | 'signed-out'>(() => (readAccessToken() ? 'signed-in' : 'restoring'));
  useEffect(() => {
    if (session !== 'restoring') return;
    let current = true;
    void restoreSession()
      .catch(() => false)
      .then((restored) => current && setSession(restored ? 'signed-in' : 'signed-out'));
    return () => {
      current = false;
    };
  }, [session]);

  if (session === 'signed-out') return <Navigate to={loginPathFor(location.pathname + location.search)} replace />;
  if (session === 'restoring') return <FullPageSpin />;
  return <SignedInLayout />;
}

function FullPageSpin() {
  return (
    <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
      <Spin size="large" />
    </Flex>
  );
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
              void logout().finally(() => navigate('/login'));
            }}
          >
            重新登录
          </Button>,
        ]}
      />
    );
  }
  if (!currentStaff.data) return <FullPageSpin />;

  const staff = currentStaff.data;
  return (
    <CurrentStaffContext value={staff}>
      <AdminShell>{canOpen(staff.role, pathname) ? <Outlet /> : <ForbiddenPage />}</AdminShell>
    </CurrentStaffContext>
  );
}
