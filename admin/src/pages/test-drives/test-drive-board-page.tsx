import { useState, type ReactNode } from 'react';
import { LeftOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Empty, Flex, Result, Skeleton, Space, Tooltip } from 'antd';
import dayjs from 'dayjs';
import { useCurrentStaff } from '../../layouts/current-staff';
import { shanghaiToday } from '../../shanghai-time';
import { BoardSummary } from './board-summary';
import { BookingDrawer } from './booking-drawer';
import { ScheduleGrid } from './schedule-grid';
import { StaffBookingModal, type PickedSlot } from './staff-booking-modal';
import { StoreMissing, StorePicker } from './store-picker';
import { useBoardQuery } from './use-board-query';
import { useNow, useSchedule } from './use-schedule';
import { useStoreChoice } from './use-store-choice';

/** How often past slots stop being offered while the board stays open. */
const CLOCK_TICK_MS = 30_000;

/**
 * 试驾排班 `/test-drives`: a store's test-drive cars against the day's slots. Click a free slot to book
 * for a customer, click a booking to start or finish the drive or mark a no-show.
 */
export function TestDriveBoardPage() {
  const staff = useCurrentStaff();
  const { query, changeStore, changeDate, shiftDate } = useBoardQuery();
  const choice = useStoreChoice(query.storeId);
  const schedule = useSchedule(choice.missing ? undefined : choice.storeId, query.date);
  const now = useNow(CLOCK_TICK_MS);
  const [picked, setPicked] = useState<PickedSlot>();
  const [openBookingId, setOpenBookingId] = useState<number>();
  const today = shanghaiToday();
  const storeName = choice.store?.name ?? staff.store?.name ?? '';

  let content: ReactNode;
  if (choice.missing) {
    content = <StoreMissing onReset={() => changeStore(undefined)} />;
  } else if (!choice.fixed && choice.stores.error) {
    content = <LoadError title="门店加载失败" message={choice.stores.error.message} onRetry={choice.stores.reload} />;
  } else if (!choice.storeId && !choice.stores.loading) {
    content = <Empty description="没有可查看的门店" />;
  } else if (schedule.error && !schedule.data) {
    content =
      schedule.error.status === 404 ? (
        <Result status="404" title="记录不存在或无权查看" subTitle="该门店不存在，或不在您的权限范围内。" data-testid="board-error" />
      ) : (
        <LoadError title="排班加载失败" message={schedule.error.message} onRetry={schedule.reload} />
      );
  } else if (!schedule.data) {
    content = <Skeleton active paragraph={{ rows: 6 }} />;
  } else if (schedule.data.slots.length === 0) {
    content = <Empty description="当天门店休息，没有试驾时段" data-testid="board-closed" />;
  } else {
    // Right after a change of day the previous day's board is still on screen: shown as loading, never bookable.
    const stale = schedule.data.date !== query.date;
    content = (
      <ScheduleGrid
        schedule={schedule.data}
        loading={schedule.loading || stale}
        now={now}
        onBook={(car, slot) => !stale && setPicked({ plate: car.plate, model: car.model, startAt: slot.startAt, endAt: slot.endAt })}
        onOpenBooking={(booking) => setOpenBookingId(booking.id)}
      />
    );
  }

  return (
    <Card
      title="试驾排班"
      data-testid="test-drive-board"
      extra={
        <Button icon={<ReloadOutlined />} onClick={schedule.reload} loading={schedule.loading && Boolean(schedule.data)}>
          刷新
        </Button>
      }
    >
      <Flex vertical gap={16}>
        <Space wrap size="middle">
          <StorePicker choice={choice} onChange={changeStore} />
          <Space.Compact>
            <Tooltip title="前一天">
              <Button icon={<LeftOutlined />} aria-label="前一天" data-testid="board-prev-day" onClick={() => shiftDate(-1)} />
            </Tooltip>
            <DatePicker
              data-testid="board-date"
              allowClear={false}
              value={dayjs(query.date)}
              format="YYYY-MM-DD dddd"
              style={{ width: 190 }}
              onChange={(value) => value && changeDate(value.format('YYYY-MM-DD'))}
            />
            <Tooltip title="后一天">
              <Button icon={<RightOutlined />} aria-label="后一天" data-testid="board-next-day" onClick={() => shiftDate(1)} />
            </Tooltip>
          </Space.Compact>
          <Button disabled={query.date === today} onClick={() => changeDate(today)} data-testid="board-today">
            今天
          </Button>
        </Space>
        {!choice.missing && <BoardSummary schedule={schedule.data} isToday={query.date === today} />}
        {content}
      </Flex>
      {picked && choice.storeId !== undefined && (
        <StaffBookingModal
          store={{ id: choice.storeId, name: storeName }}
          slot={picked}
          onClose={() => {
            setPicked(undefined);
            // A failed attempt may mean the board is out of date (someone else took the slot).
            schedule.reload();
          }}
          onBooked={() => {
            setPicked(undefined);
            schedule.reload();
          }}
        />
      )}
      {openBookingId !== undefined && (
        <BookingDrawer bookingId={openBookingId} onClose={() => setOpenBookingId(undefined)} onChanged={schedule.reload} />
      )}
    </Card>
  );
}

function LoadError({ title, message, onRetry }: { title: string; message: string; onRetry: () => void }) {
  return (
    <Result
      status="error"
      title={title}
      subTitle={message}
      data-testid="board-error"
      extra={
        <Button type="primary" onClick={onRetry}>
          重试
        </Button>
      }
    />
  );
}
