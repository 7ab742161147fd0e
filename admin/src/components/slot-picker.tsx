import { Alert, Button, Empty, Flex, Radio, Skeleton, Typography } from 'antd';
import { useRemoteData } from '../hooks/use-remote-data';
import { formatShanghaiClock } from '../shanghai-time';

/** A bookable slot of a day with what is still free in it (cars for a test drive, bays in the workshop). */
export interface FreeSlot {
  startAt: string;
  endAt: string;
  remaining: number;
}

interface SlotPickerProps {
  /** Loads the day's slots; memoise it over its inputs (it reloads whenever it changes). */
  load: (signal: AbortSignal) => Promise<FreeSlot[]>;
  /** What `remaining` counts, after the number: 辆, 个工位. */
  unit: string;
  /** The chosen slot's start (ISO); a form field's value. */
  value?: string;
  onChange?: (startAt: string) => void;
}

/** A day's slots as buttons, each with what is still free; full ones disabled. A form field. */
export function SlotPicker({ load, unit, value, onChange }: SlotPickerProps) {
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
                {slot.remaining > 0 ? `余 ${slot.remaining} ${unit}` : '已约满'}
              </Typography.Text>
            </Flex>
          </Radio.Button>
        ))}
      </Flex>
    </Radio.Group>
  );
}
