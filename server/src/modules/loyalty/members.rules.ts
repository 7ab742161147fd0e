import type { Prisma } from '../../generated/prisma/client';
import type { MemberTier } from '../../generated/prisma/enums';
import type { ExportColumn } from '../../core/exports/xlsx-export';

/** Members: customers who signed up in the mini-program, own a car, or hold points. */
export const MEMBER_WHERE: Prisma.CustomerWhereInput = { OR: [{ consentAt: { not: null } }, { becameOwnerAt: { not: null } }, { pointsAccount: { isNot: null } }] };

const TIER_NAMES: Record<MemberTier, string> = { STANDARD: '普卡', SILVER: '银卡', GOLD: '金卡', BLACK: '黑金' };

/** The columns of the 会员 export. */
export const MEMBER_EXPORT_COLUMNS: ExportColumn<{ customerId: number; name: string | null; mobile: string | null; tier: MemberTier; balance: number; isOwner: boolean; joinedAt: Date }>[] = [
  { header: '会员编号', width: 10, value: (member) => member.customerId },
  { header: '姓名', value: (member) => member.name },
  { header: '手机', width: 14, value: (member) => member.mobile },
  { header: '等级', width: 8, value: (member) => TIER_NAMES[member.tier] },
  { header: '积分', width: 10, value: (member) => member.balance },
  { header: '车主', width: 8, value: (member) => (member.isOwner ? '是' : '否') },
  { header: '注册时间', width: 20, value: (member) => member.joinedAt },
];
