import { useCallback, useState, type ReactNode } from 'react';
import { Card, Descriptions, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { fetchTestDriveSettings, type TestDriveSettings } from '../../api/test-drives';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatCutoff, TestDriveSettingsForm } from './test-drive-settings-form';
import { LoadError } from '../../components/load-error';

interface TestDriveSettingsCardProps {
  storeId: number;
  /** Managers edit the settings; everyone else reads them. */
  editable: boolean;
}

/** 试驾设置 of the store shown: how its slots are cut and booked, and the days it is closed. */
export function TestDriveSettingsCard({ storeId, editable }: TestDriveSettingsCardProps) {
  const load = useCallback((signal: AbortSignal) => fetchTestDriveSettings(storeId, signal), [storeId]);
  const remote = useRemoteData(load);
  // What the last save answered with, and how many saves there were: each one remounts the form with it.
  const [saved, setSaved] = useState<{ settings: TestDriveSettings; count: number }>();
  const settings = saved?.settings ?? remote.data;

  let body: ReactNode;
  if (remote.error && !settings) {
    body =
      remote.error.status === 404 ? (
        <Result status="404" title="记录不存在或无权查看" data-testid="test-drive-settings-error" />
      ) : (
        <LoadError what="试驾设置" error={remote.error} onRetry={remote.reload} data-testid="test-drive-settings-error" />
      );
  } else if (!settings) {
    body = <Skeleton active paragraph={{ rows: 3 }} />;
  } else if (editable) {
    body = (
      <TestDriveSettingsForm
        key={saved?.count ?? 0}
        storeId={storeId}
        settings={settings}
        onSaved={(next) => setSaved((previous) => ({ settings: next, count: (previous?.count ?? 0) + 1 }))}
      />
    );
  } else {
    body = <SettingsView settings={settings} />;
  }

  return (
    <Card type="inner" size="small" title="试驾设置" data-testid="test-drive-settings">
      {body}
    </Card>
  );
}

function SettingsView({ settings }: { settings: TestDriveSettings }) {
  return (
    <Descriptions
      size="small"
      column={{ xs: 1, md: 3 }}
      data-testid="test-drive-settings-view"
      items={[
        { key: 'slot', label: '时段长度', children: `${settings.slotMinutes} 分钟` },
        { key: 'window', label: '可提前预约', children: `${settings.bookingWindowDays} 天` },
        { key: 'cutoff', label: '改约截止', children: formatCutoff(settings.changeCutoffMinutes) },
        {
          key: 'closed',
          label: '闭店日期',
          span: 'filled',
          children:
            settings.closedDates.length === 0 ? (
              <Typography.Text type="secondary">暂无</Typography.Text>
            ) : (
              <Flex wrap gap={4}>
                {settings.closedDates.map((day) => (
                  <Tag key={day.date}>{day.reason ? `${day.date}（${day.reason}）` : day.date}</Tag>
                ))}
              </Flex>
            ),
        },
      ]}
    />
  );
}
