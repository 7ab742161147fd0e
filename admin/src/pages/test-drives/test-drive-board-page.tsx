import { useState } from 'react';
import { ReloadOutlined } from '@ant-design/icons';
import { Button, Card, Empty, Flex, Space } from 'antd';
import { DayNavigator } from '../../components/day-navigator';
import { useCurrentStaff } from '../../layouts/current-staff';
import { shanghaiToday } from '../../shanghai-time';
import { BoardSummary } from './board-summary';
import { BookingDrawer } from './booking-drawer';
import { ScheduleGrid } from './schedule-grid';
import { StaffBookingModal, type PickedSlot } from './staff-booking-modal';
import { StoreBoardContent } from './store-board-content';
import { StorePicker } from './store-picker';
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

  const content = (
    <StoreBoardContent choice={choice} board={schedule} what="排班" skeletonRows={6} onResetStore={() => changeStore(undefined)} data-testid="board-error">
      {(data) => {
        if (data.slots.length === 0) return <Empty description="当天门店休息，没有试驾时段" data-testid="board-closed" />;
        // Right after a change of day the previous day's board is still on screen: shown as loading, never bookable.
        const stale = data.date !== query.date;
        return (
          <ScheduleGrid
            schedule={data}
            loading={schedule.loading || stale}
            now={now}
            onBook={(car, slot) => !stale && setPicked({ plate: car.plate, model: car.model, startAt: slot.startAt, endAt: slot.endAt })}
            onOpenBooking={(booking) => setOpenBookingId(booking.id)}
          />
        );
      }}
    </StoreBoardContent>
  );

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
          <DayNavigator date={query.date} onChange={changeDate} onShift={shiftDate} />
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
