import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Result } from 'antd';
import { useNavigate } from 'react-router';
import type { ApiError } from '../api/client';

interface RecordLoadErrorProps {
  error: ApiError;
  /** What failed to load, for the title: 线索 → 线索加载失败. */
  what: string;
  /** Said when the record is missing or out of the person's scope (404), with an optional explanation. */
  missingTitle?: string;
  missingHint?: string;
  /** Where the person goes instead: the list the record belongs to. */
  back: { path: string; label: string };
  onRetry: () => void;
  'data-testid': string;
}

/** A detail page whose record could not be loaded: missing or out of scope (404), or a failure worth retrying. */
export function RecordLoadError({ error, what, missingTitle = '记录不存在或无权查看', missingHint, back, onRetry, 'data-testid': testId }: RecordLoadErrorProps) {
  const navigate = useNavigate();
  const missing = error.status === 404;
  return (
    <Card>
      <Result
        data-testid={testId}
        status={missing ? '404' : 'error'}
        title={missing ? missingTitle : `${what}加载失败`}
        subTitle={missing ? missingHint : error.message}
        extra={[
          <Button key="list" type="primary" onClick={() => navigate(back.path)}>
            {back.label}
          </Button>,
          !missing && (
            <Button key="retry" icon={<ReloadOutlined />} onClick={onRetry}>
              重试
            </Button>
          ),
        ]}
      />
    </Card>
  );
}

interface RecordNotFoundProps {
  title?: string;
  /** Where the person goes instead: the list the record belongs to. */
  back: { path: string; label: string };
}

/** A detail page asked for a record that cannot be shown (no such id in the address), with the way back to its list. */
export function RecordNotFound({ title = '记录不存在或无权查看', back }: RecordNotFoundProps) {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title={title}
      extra={
        <Button type="primary" onClick={() => navigate(back.path)}>
          {back.label}
        </Button>
      }
    />
  );
}
