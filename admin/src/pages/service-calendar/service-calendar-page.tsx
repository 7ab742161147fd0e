import { useCallback, useState } from 'react';
import { LeftOutlined, PhoneOutlined, ReloadOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, DatePicker, Flex, Space, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { listServiceBookings, type ServiceBooking } from '../../api/service';
import { useRemoteData } from '../../hooks/use-remote-data';
import { useCurrentStaff } from '../../layouts/current-staff';
import { addCalendarDays, formatShanghaiDate, shanghaiToday } from '../../shanghai-time';
import { StoreBoardContent } from '../test-drives/store-board-content';
import { StorePicker } from '../test-drives/store-picker';
import { useBoardQuery } from '../test-drives/use-board-query';
import { useStoreChoice } from '../test-drives/use-store-choice';
import { PhoneBookingModal } from './phone-booking-modal';
import { ServiceBookingDrawer } from './service-booking-drawer';
import { WeekGrid } from './week-grid';

/** The Monday of a date's week (YYYY-MM-DD): the store's week runs Monday to Sunday. */
function mondayOf(date: string): string {
  const weekday = dayjs(date).day();
  return addCalendarDays(date, -((weekday + 6) % 7));
}

/**
 * 预约日历 `/service/calendar`: a store's service bookings for a week (the one holding the chosen day),
 * with 电话预约 for an owner who calls, and a booking's drawer for check-in, cancelling and no-shows.
 */
export function ServiceCalendarPage() {
  const staff = useCurrentStaff();
  const { query, changeStore, changeDate, shiftDate } = useBoardQuery();
  const choice = useStoreChoice(query.storeId);
  const storeId = choice.missing ? undefined : choice.storeId;
  const monday = mondayOf(query.date);
  const days = Array.from({ length: 7 }, (_, index) => addCalendarDays(monday, index));
  const sunday = days[6];
  const load = useCallback(
    (signal: AbortSignal) => (storeId ? listServiceBookings({ storeId, from: monday, to: sunday }, signal) : Promise.resolve(undefined)),
    [storeId, monday, sunday],
  );
  const bookings = useRemoteData(load);
  const [showCancelled, setShowCancelled] = useState(false);
  const [booking, setBooking] = useState(false);
  const [opened, setOpened] = useState<ServiceBooking>();
  const today = shanghaiToday();
  const thisWeek = mondayOf(today) === monday;
  const storeName = choice.store?.name ?? staff.store?.name ?? '';
  const shown = (bookings.data ?? []).filter((entry) => showCancelled || entry.status !== 'CANCELLED');

  const content = (
    <StoreBoardContent choice={choice} board={bookings} what="预约" skeletonRows={8} onResetStore={() => changeStore(undefined)} data-testid="calendar-error">
      {() => (
        <div style={{ opacity: bookings.loading ? 0.6 : 1 }}>
          <WeekGrid days={days} bookings={shown} today={today} onOpen={setOpened} />
        </div>
      )}
    </StoreBoardContent>
  );
  const live = (bookings.data ?? []).filter((entry) => entry.status !== 'CANCELLED');

  return (
    <Card
      title="预约日历"
      data-testid="service-calendar"
      extra={
        <Space>
          <Button icon={<ReloadOutlined />} onClick={bookings.reload} loading={bookings.loading && Boolean(bookings.data)}>
            刷新
          </Button>
          <Button type="primary" icon={<PhoneOutlined />} disabled={!storeId} onClick={() => setBooking(true)} data-testid="phone-booking">
            电话预约
          </Button>
        </Space>
      }
    >
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center" wrap gap={12}>
          <Space wrap size="middle">
            <StorePicker choice={choice} onChange={changeStore} />
            <Space.Compact>
              <Tooltip title="上一周">
                <Button icon={<LeftOutlined />} aria-label="上一周" data-testid="calendar-prev-week" onClick={() => shiftDate(-7)} />
              </Tooltip>
              <DatePicker
                picker="week"
                data-testid="calendar-week"
                allowClear={false}
                value={dayjs(monday)}
                format={() => `${monday} 至 ${sunday}`}
                style={{ width: 230 }}
                onChange={(value) => value && changeDate(value.format('YYYY-MM-DD'))}
              />
              <Tooltip title="下一周">
                <Button icon={<RightOutlined />} aria-label="下一周" data-testid="calendar-next-week" onClick={() => shiftDate(7)} />
              </Tooltip>
            </Space.Compact>
            <Button disabled={thisWeek} onClick={() => changeDate(today)}>
              本周
            </Button>
          </Space>
          <Space size={16} wrap>
            {bookings.data && (
              <Typography.Text type="secondary" data-testid="calendar-count">
                本周 {live.length} 个预约 · 已接车 {live.filter((entry) => entry.status === 'CHECKED_IN').length} · 未到店{' '}
                {live.filter((entry) => entry.status === 'NO_SHOW').length}
              </Typography.Text>
            )}
            <Checkbox checked={showCancelled} onChange={(event) => setShowCancelled(event.target.checked)}>
              显示已取消
            </Checkbox>
          </Space>
        </Flex>
        {content}
      </Flex>
      {booking && storeId && (
        <PhoneBookingModal
          store={{ id: storeId, name: storeName }}
          initialDate={query.date}
          onClose={() => {
            setBooking(false);
            bookings.reload();
          }}
          onBooked={(created) => {
            setBooking(false);
            // Show the week of the new booking, where the advisor expects to find it.
            changeDate(formatShanghaiDate(created.startAt));
            bookings.reload();
          }}
        />
      )}
      {opened && (
        <ServiceBookingDrawer
          key={opened.id}
          booking={opened}
          onClose={() => setOpened(undefined)}
          onChanged={() => {
            setOpened(undefined);
            bookings.reload();
          }}
        />
      )}
    </Card>
  );
}
