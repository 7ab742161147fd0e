/** Error body the server answers with for every 4xx/5xx. */
export interface ApiErrorBody {
  statusCode: number;
  code: string;
  message: string;
  requestId?: string;
  details?: unknown;
}

/** Codes the client produces itself, when no server answer could be read. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const UNEXPECTED_RESPONSE = 'UNEXPECTED_RESPONSE';

/**
 * The one table of error code → message shown to the customer. Codes not listed show the server's message,
 * which carries the store's own numbers (booking window, change cut-off).
 */
const MESSAGES_BY_CODE: Record<string, string> = {
  VALIDATION_FAILED: '输入有误',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  SMS_TOO_FREQUENT: '操作太频繁，请稍后再试',
  SMS_CODE_INVALID: '验证码错误或已过期',
  UNAUTHORIZED: '请先登录',
  NOT_FOUND: '内容不存在或已下线',
  STORE_NOT_FOUND: '门店不存在或已停止营业',
  MODEL_NOT_FOUND: '车型不存在或已下架',
  SLOT_FULL: '该时段刚被约满，请选择其他时段',
  SLOT_IN_PAST: '该时段已过，请选择之后的时段',
  OUTSIDE_OPENING_HOURS: '该时间不在门店营业时段内，请重新选择',
  BOOKING_NOT_FOUND: '预约不存在',
  BOOKING_NOT_ACTIVE: '该预约已取消或已开始，不能再改约或取消',
  BOOKING_NOT_COMPLETED: '试驾完成后才能评价',
  ALREADY_RATED: '您已评价过这次试驾',
  MOBILE_NOT_VERIFIED: '请先用车主手机号验证登录后再绑定爱车',
  VEHICLE_NOT_MATCHED: '车架号或车牌号不匹配，或该车未登记在您验证的手机号名下，请核对后重试',
  VEHICLE_NOT_FOUND: '没有找到这辆车，可能已解除绑定',
  ITEM_NOT_FOUND: '所选服务项目已调整，请重新选择',
  VEHICLE_ALREADY_BOOKED: '这辆车已有待到店的预约，请先改期或取消原预约',
  MILEAGE_DECREASING: '里程不能低于上次记录的读数，如有疑问请联系门店',
  INSUFFICIENT_POINTS: '积分不足，暂时不能兑换',
  OUT_OF_STOCK: '该礼品已兑完，请选择其他礼品',
  REWARD_NOT_FOUND: '该礼品已下架，请选择其他礼品',
  BIRTHDAY_INVALID: '生日不能晚于今天，请重新选择',
  SURVEY_ALREADY_ANSWERED: '您已完成这次回访，感谢您的反馈',
  SURVEY_NOT_FOUND: '没有找到这份回访，可能已失效',
  STORE_REQUIRED: '请选择涉及的门店',
  MESSAGE_NOT_FOUND: '消息不存在或已删除',
  CONSENT_VERSION_OUTDATED: '《隐私政策》刚刚更新，请阅读最新版本后再同意',
  [NETWORK_ERROR]: '网络异常，请检查网络后重试',
  [UNEXPECTED_RESPONSE]: '服务暂时不可用，请稍后再试',
};

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly statusCode?: number,
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return typeof body === 'object' && body !== null && typeof (body as ApiErrorBody).code === 'string';
}

/** The first field problem of a VALIDATION_FAILED answer (`details: [{path, message}]`), if any. */
function firstFieldProblem(details: unknown): string | null {
  if (!Array.isArray(details)) return null;
  const first: unknown = details[0];
  if (typeof first !== 'object' || first === null) return null;
  const { message } = first as { message?: unknown };
  return typeof message === 'string' && message.length > 0 ? message : null;
}

export function apiErrorFromResponse(statusCode: number, body: unknown): ApiError {
  if (!isApiErrorBody(body)) {
    return new ApiError(UNEXPECTED_RESPONSE, MESSAGES_BY_CODE[UNEXPECTED_RESPONSE], statusCode);
  }
  let message = MESSAGES_BY_CODE[body.code] ?? (body.message || MESSAGES_BY_CODE[UNEXPECTED_RESPONSE]);
  const fieldProblem = body.code === 'VALIDATION_FAILED' ? firstFieldProblem(body.details) : null;
  if (fieldProblem) message = `${message}：${fieldProblem}`;
  return new ApiError(body.code, message, statusCode, body.requestId);
}

export function networkError(): ApiError {
  return new ApiError(NETWORK_ERROR, MESSAGES_BY_CODE[NETWORK_ERROR]);
}

/** The message to show for any thrown value, so pages never print a raw exception. */
export function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : MESSAGES_BY_CODE[UNEXPECTED_RESPONSE];
}

/**
 * Whether a failed request may still have done its work: lost on the network, or a 5xx from somewhere on the
 * way. Sending it again is safe only with the same idempotency key. A 4xx is a definite answer.
 */
export function outcomeUnknown(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.code === NETWORK_ERROR || error.statusCode === undefined || error.statusCode >= 500;
}
