import { DatePicker } from 'antd';
import dayjs from 'dayjs';

const DATE_FORMAT = 'YYYY-MM-DD';

export interface DateRange {
  /** First calendar day, YYYY-MM-DD, inclusive. */
  from?: string;
  /** Last calendar day, YYYY-MM-DD, inclusive. */
  to?: string;
}

interface DateRangeFilterProps {
  /** The list query's `from` and `to`. */
  value: DateRange;
  onChange: (range: DateRange) => void;
  /** What the two ends stand for: ['创建日期起', '创建日期止']. */
  placeholder: [string, string];
  'data-testid'?: string;
}

/** A list filter on a span of calendar days; either end may stay open. */
export function DateRangeFilter({ value, onChange, placeholder, 'data-testid': testId }: DateRangeFilterProps) {
  return (
    <DatePicker.RangePicker
      data-testid={testId}
      placeholder={placeholder}
      allowEmpty={[true, true]}
      style={{ width: 260 }}
      value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
      onChange={(range) => onChange({ from: range?.[0]?.format(DATE_FORMAT) ?? undefined, to: range?.[1]?.format(DATE_FORMAT) ?? undefined })}
    />
  );
}
