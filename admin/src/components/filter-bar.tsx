import type { ReactNode } from 'react';
import { Button, Input, Space } from 'antd';

interface FilterBarProps {
  children: ReactNode;
  onReset: () => void;
  'data-testid'?: string;
}

/** A list's filters in one wrapping row, ending with 重置, which clears them all. */
export function FilterBar({ children, onReset, 'data-testid': testId }: FilterBarProps) {
  return (
    <Space wrap data-testid={testId}>
      {children}
      <Button onClick={onReset}>重置</Button>
    </Space>
  );
}

interface SearchFilterProps {
  value: string | undefined;
  /** The trimmed text, or undefined when the box was cleared. */
  onSearch: (q: string | undefined) => void;
  placeholder: string;
  width: number;
  maxLength?: number;
  'data-testid'?: string;
}

/** A list's free-text search, applied on Enter or 搜索. */
export function SearchFilter({ value, onSearch, placeholder, width, maxLength, 'data-testid': testId }: SearchFilterProps) {
  return (
    <Input.Search
      // Remounts when the URL changes (back button, reset) so the box shows the active search.
      key={value ?? ''}
      data-testid={testId}
      defaultValue={value}
      placeholder={placeholder}
      allowClear
      enterButton="搜索"
      maxLength={maxLength}
      style={{ width }}
      onSearch={(text) => onSearch(text.trim() || undefined)}
    />
  );
}
