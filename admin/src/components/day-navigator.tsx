import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, DatePicker, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';

interface DayNavigatorProps {
  /** The day shown, a Shanghai calendar date (YYYY-MM-DD). */
  date: string;
  onChange: (date: string) => void;
  /** Moves the day shown by a number of days (−1, +1). */
  onShift: (days: number) => void;
}

/** A board's day: 前一天, a date picker showing the weekday, 后一天. */
export function DayNavigator({ date, onChange, onShift }: DayNavigatorProps) {
  return (
    <Space.Compact>
      <Tooltip title="前一天">
        <Button icon={<LeftOutlined />} aria-label="前一天" data-testid="board-prev-day" onClick={() => onShift(-1)} />
      </Tooltip>
      <DatePicker
        data-testid="board-date"
        allowClear={false}
        value={dayjs(date)}
        format="YYYY-MM-DD dddd"
        style={{ width: 190 }}
        onChange={(value) => value && onChange(value.format('YYYY-MM-DD'))}
      />
      <Tooltip title="后一天">
        <Button icon={<RightOutlined />} aria-label="后一天" data-testid="board-next-day" onClick={() => onShift(1)} />
      </Tooltip>
    </Space.Compact>
  );
}
