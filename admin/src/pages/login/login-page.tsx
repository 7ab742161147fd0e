import { useState } from 'react';
import { LockOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Flex, Form, Input, Typography, theme } from 'antd';
import { useNavigate, useSearchParams } from 'react-router';
import { login } from '../../api/auth';
import { toApiError } from '../../api/client';
import { redirectTargetFrom } from '../../login-redirect';

interface LoginValues {
  username: string;
  password: string;
}

export function LoginPage() {
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const { token } = theme.useToken();
  const [submitting, setSubmitting] = useState(false);
  const [errorMessage, setErrorMessage] = useState<string>();

  async function signIn({ username, password }: LoginValues) {
    setSubmitting(true);
    setErrorMessage(undefined);
    try {
      await login(username.trim(), password);
      navigate(redirectTargetFrom(searchParams.get('redirect')), { replace: true });
    } catch (error) {
      setErrorMessage(toApiError(error).message);
      setSubmitting(false);
    }
  }

  return (
    <Flex
      align="center"
      justify="center"
      style={{ minHeight: '100vh', background: `linear-gradient(135deg, ${token.colorPrimaryBg}, ${token.colorBgLayout})` }}
    >
      <Card style={{ width: 400, boxShadow: token.boxShadowTertiary }}>
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <ShopOutlined style={{ fontSize: 36, color: token.colorPrimary }} />
          <Typography.Title level={3} style={{ margin: 0 }}>
            车商客户管理后台
          </Typography.Title>
          <Typography.Text type="secondary">员工登录</Typography.Text>
        </Flex>
        {errorMessage && (
          <Alert data-testid="login-error" type="error" showIcon title={errorMessage} style={{ marginBottom: 16 }} />
        )}
        <Form<LoginValues> layout="vertical" size="large" requiredMark={false} onFinish={signIn}>
          <Form.Item name="username" label="用户名" rules={[{ required: true, whitespace: true, message: '请输入用户名' }]}>
            <Input data-testid="login-username" prefix={<UserOutlined />} placeholder="用户名" autoComplete="username" />
          </Form.Item>
          <Form.Item name="password" label="密码" rules={[{ required: true, message: '请输入密码' }]}>
            <Input.Password
              data-testid="login-password"
              prefix={<LockOutlined />}
              placeholder="密码"
              autoComplete="current-password"
            />
          </Form.Item>
          <Button data-testid="login-submit" type="primary" htmlType="submit" block loading={submitting}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph type="secondary" style={{ marginTop: 16, marginBottom: 0, textAlign: 'center' }}>
          演示账号 admin / Admin@12345
        </Typography.Paragraph>
      </Card>
    </Flex>
  );
}
