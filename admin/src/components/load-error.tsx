import { Button, Result } from 'antd';
import type { ApiError } from '../api/client';

interface LoadErrorProps {
  /** What failed to load, for the title: 线索 → 线索加载失败. */
  what: string;
  error: Pick<ApiError, 'message'> | undefined;
  onRetry: () => void;
  'data-testid'?: string;
}

/** Data a page or card needs could not be loaded: the server's message and 重试. */
export function LoadError({ what, error, onRetry, 'data-testid': testId }: LoadErrorProps) {
  return (
    <Result
      data-testid={testId}
      status="error"
      title={`${what}加载失败`}
      subTitle={error?.message}
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
