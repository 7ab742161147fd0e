import type { ReactNode } from 'react';
import { CarOutlined, LoginOutlined, RightOutlined, UserOutlined } from '@ant-design/icons';
import { Button, Card, Col, Flex, Row, Space, Tag, Typography, theme } from 'antd';
import { Link } from 'react-router';
import type { BoardArrival } from '../../api/service';
import { DueStatusTag, ServiceBookingStatusTag, ServiceTypeTag } from '../../components/service-tags';
import { formatKm } from '../../mileage-format';
import { formatFen } from '../../money-format';
import { formatShanghaiClock, formatShanghaiDate } from '../../shanghai-time';
import { InsuranceExpiry } from '../vehicles/insurance-expiry';
import { PartsLines, PartsReadinessTag } from './parts-readiness';

interface ArrivalCardProps {
  arrival: BoardArrival;
  onCheckIn: (arrival: BoardArrival) => void;
}

function Section({ title, icon, children }: { title: string; icon?: ReactNode; children: ReactNode }) {
  return (
    <Flex vertical gap={4}>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {icon} {title}
      </Typography.Text>
      {children}
    </Flex>
  );
}

/** One arrival of the day: who, which car, what they booked, what is due, whether the parts are in. */
export function ArrivalCard({ arrival, onCheckIn }: ArrivalCardProps) {
  const { token } = theme.useToken();
  const { booking, customer, vehicle, requestedItems, recommended, parts, lastVisit } = arrival;
  const requestedIds = new Set(requestedItems.map((item) => item.id));
  // Due items the customer did not ask for: worth raising at the desk.
  const toSuggest = recommended.filter((item) => !requestedIds.has(item.itemId) && item.status !== 'NOT_DUE');
  const active = booking.status === 'CONFIRMED';

  return (
    <Card
      size="small"
      data-testid="arrival-card"
      data-booking-id={booking.id}
      data-plate={vehicle.plate ?? vehicle.vin}
      style={{ borderInlineStart: `4px solid ${parts.ready ? token.colorSuccess : token.colorError}`, opacity: active || booking.status === 'CHECKED_IN' ? 1 : 0.6 }}
      title={
        <Space size={10} wrap>
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="arrival-time">
            {formatShanghaiClock(booking.startAt)}–{formatShanghaiClock(booking.endAt)}
          </Typography.Text>
          <ServiceTypeTag type={booking.serviceType} />
          <ServiceBookingStatusTag status={booking.status} />
          <PartsReadinessTag ready={parts.ready} />
        </Space>
      }
      extra={
        active ? (
          <Button type="primary" icon={<LoginOutlined />} onClick={() => onCheckIn(arrival)} data-testid="arrival-check-in">
            到店接车
          </Button>
        ) : booking.workOrderId ? (
          <Link to={`/service/work-orders/${booking.workOrderId}`} data-testid="arrival-work-order">
            查看工单 #{booking.workOrderId} <RightOutlined />
          </Link>
        ) : undefined
      }
    >
      <Row gutter={[24, 12]}>
        <Col xs={24} md={12} xl={6}>
          <Section title="客户" icon={<UserOutlined />}>
            <Typography.Text strong data-testid="arrival-customer">
              {customer.name ?? booking.contactName}
            </Typography.Text>
            <Typography.Text>{customer.mobile ?? booking.mobile}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              名下 {customer.vehicleCount} 辆车{booking.contactName !== customer.name ? ` · 联系人 ${booking.contactName}` : ''}
            </Typography.Text>
          </Section>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Section title="车辆" icon={<CarOutlined />}>
            <Space size={8} wrap>
              <Link to={`/vehicles/${vehicle.id}`} data-testid="arrival-vehicle-link">
                <Typography.Text strong style={{ letterSpacing: 0.5, color: 'inherit' }}>
                  {vehicle.plate ?? vehicle.vin}
                </Typography.Text>
              </Link>
              <Typography.Text>{vehicle.model.name}</Typography.Text>
            </Space>
            <Typography.Text style={{ fontSize: 13 }}>
              登记 {formatKm(vehicle.mileageKm)} · 推算 {formatKm(vehicle.projectedKm)}
            </Typography.Text>
            <Space size={6} wrap style={{ fontSize: 13 }}>
              {vehicle.warrantyActive ? <Tag color="green">保修期内</Tag> : <Tag>不在保修期</Tag>}
              <span>
                保险 <InsuranceExpiry on={vehicle.insuranceExpiresOn} />
              </span>
            </Space>
          </Section>
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Section title="预约项目">
            {requestedItems.length > 0 ? (
              <Flex wrap gap={4} data-testid="arrival-requested">
                {requestedItems.map((item) => (
                  <Tag key={item.id} color="blue" style={{ marginInlineEnd: 0 }}>
                    {item.name}
                  </Tag>
                ))}
              </Flex>
            ) : (
              <Typography.Text type="secondary">未选项目，到店检查</Typography.Text>
            )}
          </Section>
          {recommended.length > 0 && (
            <div style={{ marginTop: 8 }}>
              <Section title={toSuggest.length > 0 ? `保养建议（可追加 ${toSuggest.length} 项）` : '保养建议'}>
                <Flex vertical gap={2} data-testid="arrival-recommended">
                  {recommended.map((item) => (
                    <Space key={item.itemId} size={6}>
                      <DueStatusTag status={item.status} />
                      <Typography.Text style={{ fontSize: 13 }}>{item.name}</Typography.Text>
                      {requestedIds.has(item.itemId) && (
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          已预约
                        </Typography.Text>
                      )}
                    </Space>
                  ))}
                </Flex>
              </Section>
            </div>
          )}
        </Col>
        <Col xs={24} md={12} xl={6}>
          <Section title="配件">
            <PartsLines lines={parts.lines} />
          </Section>
        </Col>
      </Row>
      <Flex vertical gap={4} style={{ marginTop: 12, paddingTop: 8, borderTop: `1px dashed ${token.colorBorderSecondary}` }}>
        {booking.customerNote && (
          <Typography.Text data-testid="arrival-note">
            <Typography.Text type="secondary">客户备注：</Typography.Text>
            {booking.customerNote}
          </Typography.Text>
        )}
        <Typography.Text type="secondary" style={{ fontSize: 13 }} data-testid="arrival-last-visit">
          {lastVisit
            ? `上次到店：${formatShanghaiDate(lastVisit.servicedAt)} · ${lastVisit.store.name} · ${formatKm(lastVisit.mileageKm)} · ${formatFen(lastVisit.totalFen)}` +
              (lastVisit.items.length > 0 ? ` · ${lastVisit.items.join('、')}` : '')
            : '上次到店：无记录（首次到店）'}
        </Typography.Text>
      </Flex>
    </Card>
  );
}
