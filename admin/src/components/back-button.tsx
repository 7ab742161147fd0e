import { ArrowLeftOutlined } from '@ant-design/icons';
import { Button } from 'antd';
import { useNavigate } from 'react-router';

/** Whether history holds a page of this app to go back to (react-router numbers its entries). */
function cameFromApp(): boolean {
  const state = window.history.state as { idx?: number } | null;
  return (state?.idx ?? 0) > 0;
}

/** 返回: to the page the person came from (a filtered list keeps its filters), else to `fallback`. */
export function BackButton({ fallback }: { fallback: string }) {
  const navigate = useNavigate();
  return (
    <Button icon={<ArrowLeftOutlined />} onClick={() => (cameFromApp() ? navigate(-1) : navigate(fallback))}>
      返回
    </Button>
  );
}
