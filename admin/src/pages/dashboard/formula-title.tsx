import type { ReactNode } from 'react';
import { InfoCircleOutlined } from '@ant-design/icons';
import { Space, Tooltip, Typography } from 'antd';

/** A figure's or a chart's name with an info icon whose tooltip says how it is worked out. */
export function FormulaTitle({ title, formula, testId }: { title: ReactNode; formula: string | undefined; testId?: string }) {
  return (
    <Space size={6}>
      <span>{title}</span>
      {formula && (
        <Tooltip title={formula}>
          <Typography.Text
            type="secondary"
            data-testid={testId}
            aria-label={`${typeof title === 'string' ? title : ''}口径`}
            // The icon sits on clickable cards: reading the formula must not open the list behind them.
            onClick={(event) => event.stopPropagation()}
          >
            <InfoCircleOutlined />
          </Typography.Text>
        </Tooltip>
      )}
    </Space>
  );
}
