import { Empty, Flex, Table, Typography, type TableColumnsType } from 'antd';
import type { Coupon } from '../../api/loyalty';
import { CouponStatusTag, RewardKindTag } from '../../components/loyalty-tags';
import { formatFen } from '../../money-format';
import { formatShanghaiDate, formatShanghaiTime } from '../../shanghai-time';

/** 优惠券: the coupons the member redeemed, with what they are worth and whether they were used. */
export function MemberCouponsTab({ coupons }: { coupons: Coupon[] }) {
  const columns: TableColumnsType<Coupon> = [
    {
      title: '券码',
      dataIndex: 'code',
      width: 140,
      render: (_, coupon) => <Typography.Text style={{ fontFamily: 'monospace' }}>{coupon.code}</Typography.Text>,
    },
    {
      title: '礼品',
      key: 'reward',
      render: (_, coupon) => (
        <Flex gap={8} align="center">
          <span>{coupon.reward.name}</span>
          <RewardKindTag kind={coupon.reward.kind} />
        </Flex>
      ),
    },
    { title: '面值', dataIndex: 'valueFen', width: 110, align: 'right', render: (_, coupon) => (coupon.valueFen === null ? '—' : formatFen(coupon.valueFen)) },
    { title: '有效期至', dataIndex: 'expiresAt', width: 120, render: (_, coupon) => formatShanghaiDate(coupon.expiresAt) },
    { title: '状态', dataIndex: 'status', width: 90, render: (_, coupon) => <CouponStatusTag status={coupon.status} /> },
    { title: '使用时间', dataIndex: 'usedAt', width: 150, render: (_, coupon) => formatShanghaiTime(coupon.usedAt) },
  ];

  return (
    <Table<Coupon>
      data-testid="member-coupons"
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={coupons}
      scroll={{ x: 760 }}
      locale={{ emptyText: <Empty description="还没有优惠券" /> }}
      pagination={{ defaultPageSize: 20, hideOnSinglePage: true }}
    />
  );
}
