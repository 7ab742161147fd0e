import { useCallback, useState } from 'react';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Descriptions, Empty, Flex, Popconfirm, Select, Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { toApiError, type ApiError } from '../../api/client';
import {
  listServiceItems,
  MAX_WORK_ORDER_LINES,
  setWorkOrderItems,
  type WorkOrder,
  type WorkOrderLine,
  type WorkOrderLineInput,
} from '../../api/service';
import { useRemoteData } from '../../hooks/use-remote-data';
import { formatLabourHours } from '../../mileage-format';
import { formatFen } from '../../money-format';
import { WorkOrderLineModal } from './work-order-line-modal';

/** A line as the server takes it back: catalogue lines keep their item, every line its current labour and parts. */
function inputOf(line: WorkOrderLine): WorkOrderLineInput {
  return {
    itemId: line.itemId,
    name: line.name,
    labourHundredths: line.labourHundredths,
    parts: line.parts.map((part) => ({ partId: part.partId, quantity: part.quantity })),
  };
}

const lineTotal = (line: WorkOrderLine) => line.labourFen + line.parts.reduce((sum, part) => sum + part.amountFen, 0);

interface WorkOrderLinesProps {
  order: WorkOrder;
  onChanged: (order: WorkOrder) => void;
}

/** Which line dialog is open: a new custom line, or an existing line by its index. */
type LineDialog = { kind: 'new' } | { kind: 'edit'; index: number } | null;

/**
 * 维修项目: the order's lines with labour (hours × rate) and parts (qty × price) in CNY and the totals.
 * Every change saves the whole list at once (PUT), so what shows is always what the server priced.
 */
export function WorkOrderLines({ order, onChanged }: WorkOrderLinesProps) {
  const editable = order.status !== 'SETTLED';
  const loadItems = useCallback((signal: AbortSignal) => listServiceItems(order.vehicle.model.id, signal), [order.vehicle.model.id]);
  const catalogue = useRemoteData(loadItems);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<ApiError>();
  const [dialog, setDialog] = useState<LineDialog>(null);
  const onOrder = new Set(order.items.map((line) => line.itemId).filter((itemId) => itemId !== null));
  const labourRateFen = order.items[0]?.labourRateFen;
  const full = order.items.length >= MAX_WORK_ORDER_LINES;

  /** Saves a new list of lines; rejects (for a dialog to show) after putting the error on the card. */
  async function save(lines: WorkOrderLineInput[]): Promise<void> {
    setSaving(true);
    setSaveError(undefined);
    try {
      onChanged(await setWorkOrderItems(order.id, lines));
    } catch (error) {
      const apiError = toApiError(error);
      setSaveError(apiError);
      throw apiError;
    } finally {
      setSaving(false);
    }
  }
  const current = () => order.items.map(inputOf);
  // A quick action's failure shows on the card; nothing else to do with it.
  const quietly = (lines: WorkOrderLineInput[]) => save(lines).catch(() => undefined);

  const columns: TableColumnsType<WorkOrderLine> = [
    {
      title: '项目',
      dataIndex: 'name',
      width: 200,
      render: (_, line) => (
        <Space size={6} wrap>
          <Typography.Text strong>{line.name}</Typography.Text>
          {line.itemId === null && <Tag style={{ marginInlineEnd: 0 }}>自定义</Tag>}
        </Space>
      ),
    },
    {
      title: '工时费',
      key: 'labour',
      width: 180,
      render: (_, line) => (
        <Flex vertical gap={0}>
          <span>{formatFen(line.labourFen)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatLabourHours(line.labourHundredths)} × {formatFen(line.labourRateFen)}/h
          </Typography.Text>
        </Flex>
      ),
    },
    {
      title: '配件',
      key: 'parts',
      render: (_, line) =>
        line.parts.length === 0 ? (
          <Typography.Text type="secondary">—</Typography.Text>
        ) : (
          <Flex vertical gap={2}>
            {line.parts.map((part) => (
              <span key={part.id} data-testid="line-part-row">
                {part.name}{' '}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {part.code} · {part.quantity} × {formatFen(part.unitPriceFen)}
                </Typography.Text>{' '}
                = {formatFen(part.amountFen)}
              </span>
            ))}
          </Flex>
        ),
    },
    {
      title: '小计',
      key: 'total',
      width: 120,
      align: 'right',
      render: (_, line) => <Typography.Text strong>{formatFen(lineTotal(line))}</Typography.Text>,
    },
  ];
  if (editable) {
    columns.push({
      title: '操作',
      key: 'actions',
      width: 90,
      fixed: 'right',
      render: (_, line, index) => (
        <Space size={0}>
          <Button type="text" size="small" icon={<EditOutlined />} aria-label={`编辑 ${line.name}`} onClick={() => setDialog({ kind: 'edit', index })} />
          <Popconfirm
            title={`从工单中删除「${line.name}」？`}
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => quietly(current().filter((_, at) => at !== index))}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${line.name}`} data-testid="line-remove" />
          </Popconfirm>
        </Space>
      ),
    });
  }

  const editing = dialog?.kind === 'edit' ? order.items[dialog.index] : undefined;

  return (
    <Card
      size="small"
      title="维修项目"
      data-testid="work-order-lines"
      extra={
        editable && (
          <Space wrap>
            <Select
              data-testid="line-add-item"
              placeholder={catalogue.error ? '项目加载失败' : '+ 添加标准项目'}
              status={catalogue.error ? 'warning' : undefined}
              showSearch={{ optionFilterProp: 'label' }}
              loading={catalogue.loading}
              disabled={saving || full}
              value={null}
              style={{ width: 240 }}
              options={(catalogue.data ?? []).map((item) => ({
                value: item.id,
                label: `${item.name}（${formatLabourHours(item.labourHundredths)}）`,
                disabled: onOrder.has(item.id),
              }))}
              onChange={(itemId: number | null) => {
                if (itemId) void quietly([...current(), { itemId }]);
              }}
            />
            <Button icon={<PlusOutlined />} disabled={saving || full} onClick={() => setDialog({ kind: 'new' })} data-testid="line-add-custom">
              自定义项目
            </Button>
          </Space>
        )
      }
    >
      <Flex vertical gap={12}>
        {saveError && !dialog && <Alert type="error" showIcon title={`项目保存失败：${saveError.message}`} closable={{ onClose: () => setSaveError(undefined) }} />}
        <Table<WorkOrderLine>
          data-testid="line-table"
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={order.items}
          loading={saving}
          pagination={false}
          scroll={{ x: 900 }}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={editable ? '还没有项目：添加标准项目或自定义项目' : '没有项目'} /> }}
        />
        <Flex justify="end">
          <Descriptions
            bordered
            size="small"
            column={3}
            data-testid="work-order-totals"
            items={[
              { key: 'labour', label: '工时费', children: formatFen(order.labourFen) },
              { key: 'parts', label: '配件费', children: formatFen(order.partsFen) },
              {
                key: 'total',
                label: '合计',
                children: (
                  <Typography.Text strong style={{ fontSize: 16 }} data-testid="work-order-total">
                    {formatFen(order.totalFen)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Flex>
      </Flex>
      {dialog && (
        <WorkOrderLineModal
          storeId={order.store.id}
          labourRateFen={labourRateFen}
          line={editing}
          onClose={() => setDialog(null)}
          onSave={async (line) => {
            const lines = current();
            if (dialog.kind === 'edit') lines[dialog.index] = line;
            else lines.push(line);
            await save(lines);
            setDialog(null);
          }}
        />
      )}
    </Card>
  );
}
