import { useCallback, useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Segmented, Space, Statistic, Typography, theme } from 'antd';
import { useNavigate } from 'react-router';
import { DayNavigator } from '../../components/day-navigator';
import { fetchServiceBoard, type BoardArrival } from '../../api/service';
import { useRemoteData } from '../../hooks/use-remote-data';
import { addCalendarDays, shanghaiToday } from '../../shanghai-time';
import { StoreBoardContent } from '../test-drives/store-board-content';
import { StorePicker } from '../test-drives/store-picker';
import { useBoardQuery } from '../test-drives/use-board-query';
import { useStoreChoice } from '../test-drives/use-store-choice';
import { ArrivalCard } from './arrival-card';
import { CheckInModal } from './check-in-modal';

/** The board's default day: the desk prepares tomorrow's arrivals (parts, bays) the day before. */
const tomorrow = () => addCalendarDays(shanghaiToday(), 1);

type ArrivalFilter = 'all' | 'short' | 'waiting';

const FILTERS: Record<ArrivalFilter, (arrival: BoardArrival) => boolean> = {
  all: () => true,
  short: (arrival) => !arrival.parts.ready,
  waiting: (arrival) => arrival.booking.status === 'CONFIRMED',
};

/**
 * 明日到店 `/service/board`: a store's service arrivals of a day (tomorrow unless chosen), each with
 * the customer, the car, what is booked and due, and whether the parts are in; 到店接车 opens the work order.
 */
export function ServiceBoardPage() {
  const navigate = useNavigate();
  const { token } = theme.useToken();
  const { query, changeStore, changeDate, shiftDate } = useBoardQuery(tomorrow);
  const choice = useStoreChoice(query.storeId);
  const storeId = choice.missing ? undefined : choice.storeId;
  const load = useCallback(
    (signal: AbortSignal) => (storeId ? fetchServiceBoard({ storeId, date: query.date }, signal) : Promise.resolve(undefined)),
    [storeId, query.date],
  );
  const board = useRemoteData(load);
  const [filter, setFilter] = useState<ArrivalFilter>('all');
  const [checkingIn, setCheckingIn] = useState<BoardArrival>();
  const arrivals = [...(board.data?.arrivals ?? [])].sort((a, b) => Date.parse(a.booking.startAt) - Date.parse(b.booking.startAt));
  const live = arrivals.filter((arrival) => arrival.booking.status !== 'CANCELLED');
  const count = (which: ArrivalFilter) => live.filter(FILTERS[which]).length;
  const shown = live.filter(FILTERS[filter]);
  const today = shanghaiToday();
  const dayLabel = query.date === tomorrow() ? '明日' : query.date === today ? '今日' : '当日';

  const content = (
    <StoreBoardContent
      choice={choice}
      board={board}
      what="到店预约"
      skeletonRows={8}
      onResetStore={() => changeStore(undefined)}
      data-testid="service-board-error"
    >
      {() =>
        shown.length === 0 ? (
          <Empty
            data-testid="service-board-empty"
            description={live.length === 0 ? `${query.date} 没有售后预约` : filter === 'short' ? '所有预约的配件都已备齐' : '没有待接车的预约'}
          />
        ) : (
          <Flex vertical gap={12} data-testid="arrival-list" style={{ opacity: board.loading ? 0.6 : 1 }}>
            {shown.map((arrival) => (
              <ArrivalCard key={arrival.booking.id} arrival={arrival} onCheckIn={setCheckingIn} />
            ))}
          </Flex>
        )
      }
    </StoreBoardContent>
  );

  return (
    <Card
      title="明日到店"
      data-testid="service-board"
      extra={
        <Button icon={<ReloadOutlined />} onClick={board.reload} loading={board.loading && Boolean(board.data)}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Space wrap size="middle">
          <StorePicker choice={choice} onChange={changeStore} />
          <DayNavigator date={query.date} onChange={changeDate} onShift={shiftDate} />
          <Button disabled={query.date === today} onClick={() => changeDate(today)}>
            今天
          </Button>
          <Button disabled={query.date === tomorrow()} onClick={() => changeDate(tomorrow())} data-testid="board-tomorrow">
            明天
          </Button>
        </Space>
        {board.data && !choice.missing && (
          <Flex justify="space-between" align="end" wrap gap={16} data-testid="service-board-summary">
            <Space size={40}>
              <Statistic title={`${dayLabel}预约`} value={live.length} suffix="台" data-testid="board-count-total" />
              <Statistic
                title="缺件"
                value={count('short')}
                suffix="台"
                styles={{ content: count('short') > 0 ? { color: token.colorError } : undefined }}
                data-testid="board-count-short"
              />
              <Statistic title="待接车" value={count('waiting')} suffix="台" />
            </Space>
            <Flex vertical align="end" gap={8}>
              <Typography.Text type="secondary">每个时段 {board.data.capacityPerSlot} 个工位</Typography.Text>
              <Segmented<ArrivalFilter>
                data-testid="board-filter"
                value={filter}
                onChange={setFilter}
                options={[
                  { value: 'all', label: `全部 ${live.length}` },
                  { value: 'short', label: `缺件 ${count('short')}` },
                  { value: 'waiting', label: `待接车 ${count('waiting')}` },
                ]}
              />
            </Flex>
          </Flex>
        )}
        {content}
      </Flex>
      {checkingIn && (
        <CheckInModal
          booking={{
            id: checkingIn.booking.id,
            car: `${checkingIn.vehicle.plate ?? checkingIn.vehicle.vin} · ${checkingIn.vehicle.model.name}`,
            customer: `${checkingIn.customer.name ?? checkingIn.booking.contactName}（${checkingIn.customer.mobile ?? checkingIn.booking.mobile}）`,
            mileageKm: checkingIn.vehicle.mileageKm,
            projectedKm: checkingIn.vehicle.projectedKm,
          }}
          onClose={() => {
            setCheckingIn(undefined);
            // A failure may mean the board is out of date (checked in or cancelled elsewhere).
            board.reload();
          }}
          onCheckedIn={(workOrder) => navigate(`/service/work-orders/${workOrder.id}`)}
        />
      )}
    </Card>
  );
}
