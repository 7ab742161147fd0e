import type { ReactNode } from 'react';
import { PlusOutlined, ReloadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, Flex, Space } from 'antd';
import { useNavigate } from 'react-router';
import { toApiError } from '../../api/client';
import { deleteSegment, listSegments, type Segment } from '../../api/marketing';
import { can } from '../../access';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { SegmentTable } from './segment-table';
import { useSegmentChoices } from './use-segment-choices';
import { LoadError } from '../../components/load-error';

/** 人群 `/segments`: the saved audiences, each with the number of members it holds today. */
export function SegmentsPage() {
  const staff = useCurrentStaff();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const canManage = can(staff.role, 'marketing.manage');
  const segments = useRemoteData(listSegments);
  const { names } = useSegmentChoices();

  async function remove(segment: Segment) {
    try {
      await deleteSegment(segment.id);
      message.success(`已删除「${segment.name}」`);
      segments.reload();
    } catch (error) {
      message.error(toApiError(error).message);
    }
  }

  let content: ReactNode;
  if (segments.error && !segments.data) {
    content = (
      <LoadError what="人群" error={segments.error} onRetry={segments.reload} data-testid="segments-error" />
    );
  } else {
    content = <SegmentTable segments={segments.data ?? []} loading={segments.loading} names={names} onDelete={canManage ? remove : undefined} />;
  }

  return (
    <Card
      title="人群"
      data-testid="segments-page"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={segments.reload}>
            刷新
          </Button>
          {canManage && (
            <Button type="primary" icon={<PlusOutlined />} data-testid="segment-create" onClick={() => navigate('/segments/new')}>
              新建人群
            </Button>
          )}
        </Space>
      }
    >
      <Flex vertical gap={16}>
        {segments.error && segments.data && <Alert type="warning" showIcon title={`刷新失败：${segments.error.message}`} />}
        {content}
      </Flex>
    </Card>
  );
}
