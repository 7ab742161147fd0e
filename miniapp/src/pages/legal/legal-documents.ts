export type LegalDocument = 'terms' | 'privacy';

interface LegalDocumentContent {
  title: string;
  /** The version in force, shown under the title; the privacy policy's is PRIVACY_POLICY_VERSION on the server. */
  version?: string;
  paragraphs: string[];
}

export const LEGAL_DOCUMENTS: Record<LegalDocument, LegalDocumentContent> = {
  terms: {
    title: '用户协议',
    paragraphs: [
      '欢迎使用悦行汽车小程序。本小程序为您提供车型浏览、预约试驾、车辆档案、保养预约和会员积分等服务。',
      '您使用微信或手机号验证码登录后，即可使用上述服务。请妥善保管您的微信账号和手机，因账号被他人使用造成的损失由您自行承担。',
      '预约信息以门店最终确认为准。如需改期或取消，请在规定时间前在小程序内操作或联系门店。',
      '会员积分的获取、使用和过期规则以小程序内公示的积分规则为准，积分不可兑换现金。',
    ],
  },
  privacy: {
    title: '隐私政策',
    version: '2026-11',
    paragraphs: [
      '我们依据《中华人民共和国个人信息保护法》处理您的个人信息，仅收集提供服务所必需的信息。',
      '我们收集的信息：微信授权标识（用于登录）、手机号（用于登录和预约通知）、您填写的预约信息、您绑定车辆的车架号和车牌号，以及在门店发生的购车、保养和积分记录。',
      '使用目的：为您安排试驾和保养、由专属顾问与您联系、发送预约和保养提醒、计算会员积分。未经您同意，我们不会将您的个人信息用于其他目的或提供给第三方。',
      '您的权利：您可以随时查询、更正您的个人信息，也可以在「我的 › 个人信息与隐私」中下载我们保存的您的全部数据，或注销账号；您也可以联系您所在的门店办理。',
      '注销账号后，您的姓名、手机号、微信登录信息，以及您在预约、评价和投诉中填写的内容将被删除；积分流水与车辆维修记录将匿名保留，以便账目一致。',
    ],
  },
};

export function isLegalDocument(value: string | undefined): value is LegalDocument {
  return value === 'terms' || value === 'privacy';
}
