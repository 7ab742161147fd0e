import { useState } from 'react';
import { EyeOutlined } from '@ant-design/icons';
import { App, Button, Space, Tooltip } from 'antd';
import { request, toApiError } from '../api/client';

const MASKED = /\*{4}/;

interface RevealMobileProps {
  /** The mobile as the list shows it: masked for roles that do not phone customers. */
  mobile: string | null;
  /** The record's reveal route, e.g. `/leads/12/reveal-mobile`. */
  path: string;
  'data-testid'?: string;
}

/** A masked mobile with 查看完整号码: the server answers with the full number and writes the look to the audit log. */
export function RevealMobile({ mobile, path, 'data-testid': testId }: RevealMobileProps) {
  const { message } = App.useApp();
  const [revealed, setRevealed] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  if (!mobile) return null;
  if (!MASKED.test(mobile)) return <span data-testid={testId}>{mobile}</span>;

  async function reveal() {
    setLoading(true);
    try {
      setRevealed((await request<{ mobile: string | null }>(path, { method: 'POST' })).mobile);
    } catch (error) {
      message.error(toApiError(error).message);
    } finally {
      setLoading(false);
    }
  }

  return (
    <Space size={4}>
      <span data-testid={testId}>{revealed ?? mobile}</span>
      {revealed === null && (
        <Tooltip title="查看完整号码（会记录在审计日志）">
          <Button type="link" size="small" icon={<EyeOutlined />} loading={loading} data-testid="reveal-mobile" onClick={() => void reveal()} aria-label="查看完整号码" />
        </Tooltip>
      )}
    </Space>
  );
}
