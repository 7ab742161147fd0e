import { useState } from 'react';
import { CheckOutlined, RollbackOutlined } from '@ant-design/icons';
import { Alert, App, Button, Descriptions, Flex, Space, Steps, Typography } from 'antd';
import { Link } from 'react-router';
import { toApiError, type ApiError } from '../../api/client';
import { moveWorkOrder, WORK_ORDER_STATUS_LABELS, WORK_ORDER_STATUSES, WORK_ORDER_STEP_TITLES, type WorkOrder, type WorkOrderStatus } from '../../api/service';
import { formatFen } from '../../money-format';
import { formatShanghaiTime } from '../../shanghai-time';

/** What moving from one status to another is called at the desk. */
function moveLabel(from: WorkOrderStatus, to: WorkOrderStatus): string {
  if (from === 'QUALITY_CHECK' && to === 'IN_PROGRESS') return '质检不通过，返工';
  switch (to) {
    case 'IN_PROGRESS':
      return '开始维修';
    case 'QUALITY_CHECK':
      return '完工，提交质检';
    case 'READY':
      return '质检通过，待交车';
    case 'SETTLED':
      return '结算';
    default:
      return `改为「${WORK_ORDER_STATUS_LABELS[to]}」`;
  }
}

/** When the order reached each step (the stepper's captions). */
function reachedAt(order: WorkOrder): Record<WorkOrderStatus, string | null> {
  return {
    CHECKED_IN: order.checkedInAt,
    IN_PROGRESS: order.startedAt,
    QUALITY_CHECK: order.qualityCheckedAt,
    READY: order.readyAt,
    SETTLED: order.settledAt,
  };
}

interface WorkOrderProgressProps {
  order: WorkOrder;
  onMoved: (order: WorkOrder) => void;
  /** After a refusal that means the page is out of date (moved elsewhere meanwhile). */
  onStale: () => void;
}

/** 接车 → 维修中 → 质检 → 待交车 → 已结算, with the moves the server allows next; settling asks first. */
export function WorkOrderProgress({ order, onMoved, onStale }: WorkOrderProgressProps) {
  const { modal, message } = App.useApp();
  const [moving, setMoving] = useState<WorkOrderStatus>();
  const [moveError, setMoveError] = useState<ApiError>();
  const current = WORK_ORDER_STATUSES.indexOf(order.status);
  const times = reachedAt(order);

  async function move(to: WorkOrderStatus) {
    setMoving(to);
    setMoveError(undefined);
    try {
      const moved = await moveWorkOrder(order.id, to);
      message.success(to === 'SETTLED' ? `工单 #${order.id} 已结算 ${formatFen(moved.totalFen)}` : `工单已变为「${WORK_ORDER_STATUS_LABELS[moved.status]}」`);
      onMoved(moved);
    } catch (error) {
      const apiError = toApiError(error);
      setMoveError(apiError);
      if (apiError.code === 'STATUS_TRANSITION_INVALID' || apiError.code === 'WORK_ORDER_SETTLED') onStale();
    } finally {
      setMoving(undefined);
    }
  }

  function confirmSettle() {
    modal.confirm({
      title: `结算工单 #${order.id}`,
      width: 480,
      content: (
        <Flex vertical gap={12} data-testid="settle-summary">
          <Typography.Text>结算后从门店库存扣减配件，并记入车辆维修记录；结算后不能再修改项目。</Typography.Text>
          <Descriptions
            bordered
            size="small"
            column={1}
            items={[
              { key: 'lines', label: '项目', children: `${order.items.length} 项` },
              { key: 'labour', label: '工时费', children: formatFen(order.labourFen) },
              { key: 'parts', label: '配件费', children: formatFen(order.partsFen) },
              {
                key: 'total',
                label: '应收合计',
                children: (
                  <Typography.Text strong style={{ fontSize: 18 }} data-testid="settle-total">
                    {formatFen(order.totalFen)}
                  </Typography.Text>
                ),
              },
            ]}
          />
        </Flex>
      ),
      okText: '确认结算',
      cancelText: '取消',
      okButtonProps: { 'data-testid': 'settle-confirm' },
      onOk: () => move('SETTLED'),
    });
  }

  return (
    <Flex vertical gap={16}>
      <Steps
        data-testid="work-order-steps"
        current={current}
        status={order.status === 'SETTLED' ? 'finish' : 'process'}
        items={WORK_ORDER_STATUSES.map((status, index) => ({
          title: WORK_ORDER_STEP_TITLES[status],
          content: index <= current && times[status] ? formatShanghaiTime(times[status]) : undefined,
        }))}
      />
      {moveError && <MoveErrorAlert error={moveError} storeId={order.store.id} onClose={() => setMoveError(undefined)} />}
      {order.allowedNext.length > 0 && (
        <Space wrap data-testid="work-order-actions">
          {order.allowedNext.map((to) => {
            const rework = order.status === 'QUALITY_CHECK' && to === 'IN_PROGRESS';
            return (
              <Button
                key={to}
                type={rework ? 'default' : 'primary'}
                danger={rework}
                icon={rework ? <RollbackOutlined /> : <CheckOutlined />}
                loading={moving === to}
                disabled={moving !== undefined && moving !== to}
                data-testid={`work-order-move-${to}`}
                onClick={() => (to === 'SETTLED' ? confirmSettle() : void move(to))}
              >
                {moveLabel(order.status, to)}
              </Button>
            );
          })}
        </Space>
      )}
    </Flex>
  );
}

/** A refused move; a parts shortage lists each part short, with the way to the stock page. */
function MoveErrorAlert({ error, storeId, onClose }: { error: ApiError; storeId: number; onClose: () => void }) {
  if (error.code === 'PARTS_OUT_OF_STOCK') {
    return (
      <Alert
        type="error"
        showIcon
        data-testid="parts-out-of-stock"
        closable={{ onClose }}
        title="配件库存不足，不能结算"
        description={
          <Flex vertical gap={4}>
            {error.details.map((detail) => (
              <Typography.Text key={detail.path} data-testid="parts-out-of-stock-line">
                <Typography.Text code>{detail.path}</Typography.Text> {detail.message}
              </Typography.Text>
            ))}
            <span>
              请先到 <Link to={`/service/parts?storeId=${storeId}`}>配件库存</Link> 入库，或调整工单项目后再结算。
            </span>
          </Flex>
        }
      />
    );
  }
  return <Alert type="error" showIcon data-testid="work-order-move-error" closable={{ onClose }} title={error.message} />;
}
