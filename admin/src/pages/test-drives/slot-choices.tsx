import { useCallback } from 'react';
import { Alert, Button, Empty, Flex, Radio, Skeleton, Typography } from 'antd';
import { listSlots } from '../../api/test-drives';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatShanghaiClock } from '../../shanghai-time';

interface SlotChoicesProps {
  storeId: number;
  modelId: number;
  /** A Shanghai calendar date, YYYY-MM-DD. */
  date: string;
  /** The chosen slot's start (ISO); a form field's value. */
  value?: string;
  onChange?: (startAt: string) => void;
}

/** The day's future slots for the model at the store, each with the cars still free; full ones disabled. */
export function SlotChoices({ storeId, modelId, date, value, onChange }: SlotChoicesProps) {
  const load = useCallback((signal: AbortSignal) => listSlots({ storeId, modelId, date }, signal), [storeId, modelId, date]);
  const slots = useRemoteData(load);

  if (slots.error) {
    return (
      <Alert
        type="error"
        showIcon
        title={`时段加载失败：${slots.error.message}`}
        action={
          <Button size="small" onClick={slots.reload}>
            重试
          </Button>
        }
      />
    );
  }
  if (slots.loading || !slots.data) return <Skeleton.Input active block />;
  if (slots.data.length === 0) {
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="当天没有可预约的时段（已过、门店休息或不在营业时间）" data-testid="booking-no-slots" />;
  }
  return (
    <Radio.Group value={value} onChange={(event) => onChange?.(event.target.value as string)} data-testid="booking-slots">
      <Flex wrap gap={8}>
        {slots.data.map((slot) => (
          <Radio.Button
            key={slot.startAt}
            value={slot.startAt}
            disabled={slot.remaining <= 0}
            style={{ borderRadius: 6, height: 'auto', lineHeight: 1.4, padding: '4px 12px' }}
          >
            <Flex vertical align="center" data-testid="booking-slot" data-slot={formatShanghaiClock(slot.startAt)}>
              <span>{formatShanghaiClock(slot.startAt)}</span>
              <Typography.Text type={slot.remaining > 0 ? 'secondary' : 'danger'} style={{ fontSize: 11 }}>
                {slot.remaining > 0 ? `余 ${slot.remaining} 辆` : '已约满'}
              </Typography.Text>
            </Flex>
          </Radio.Button>
        ))}
      </Flex>
    </Radio.Group>
  );
}
