import { loginPathFor } from '../login-redirect';
import { clearAccessToken, readAccessToken, saveAccessToken } from './token-store';

export interface ApiErrorDetail {
  path: string;
  message: string;
}

/** Client-side codes for failures that never reached the server's error format. */
type ClientErrorCode = 'NETWORK_ERROR' | 'SESSION_EXPIRED' | 'UNEXPECTED_RESPONSE';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: ApiErrorDetail[] = [],
    readonly requestId?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** The one place an error code becomes the sentence a person reads. */
const ERROR_MESSAGES: Record<string, string> = {
  ALREADY_CHECKED_IN: '该预约已接车，请刷新后查看工单',
  APPROVAL_ALREADY_DECIDED: '该报价已审批过，请刷新后查看',
  ASSIGNEE_INVALID: '只能交给本店在职的销售顾问',
  BEYOND_BOOKING_WINDOW: '超出可预约范围，请选择近期的日期',
  BOOKING_NOT_ACTIVE: '该预约已开始、已结束或已取消，请刷新后查看',
  BOOKING_NOT_FOUND: '记录不存在或无权查看',
  BOOKING_NOT_STARTED: '试驾尚未开始，请先「开始试驾」',
  NO_SHOW_TOO_EARLY: '预约时间未到，不能记为未到店',
  CANNOT_DEACTIVATE_SELF: '不能停用自己的账号',
  CAR_EXISTS: '该车牌号或车架号（VIN）已登记过，请核对',
  CAR_NOT_FOUND: '记录不存在或无权查看',
  CHANGE_CUTOFF_PASSED: '已过改约截止时间，不能再改期或取消',
  CHECK_IN_INCOMPLETE: '散客接车须选择车辆、门店和服务类型',
  COMPLAINT_NOT_FOUND: '投诉工单不存在或无权查看',
  COMPLAINT_TRANSITION_INVALID: '投诉工单当前状态不能变更为所选状态，请刷新后重试',
  CUSTOMER_NOT_FOUND: '会员不存在或无权查看',
  DELIVERY_CHECKLIST_INCOMPLETE: '交车检查单未完成（PDI、保险、临牌、交接均需完成）',
  DISCOUNT_TOO_LARGE: '优惠金额不能超过车价与选装之和',
  EARNING_RULE_NOT_FOUND: '该积分规则不存在，请刷新后重试',
  FORBIDDEN: '无权限执行此操作',
  IDEMPOTENCY_KEY_REUSED: '该操作已提交过，请关闭对话框后重新操作',
  IMPORT_ALREADY_COMMITTED: '该导入已确认过，不能重复导入',
  IMPORT_FILE_INVALID: '文件无法导入，请上传按模板填写的 .xlsx 文件',
  IMPORT_FILE_TOO_LARGE: '文件过大，请拆分后分批导入',
  IMPORT_FORBIDDEN: '无权导入该类数据',
  IMPORT_HAS_ERRORS: '文件还有错误，请修改后重新上传',
  IMPORT_NOT_FOUND: '导入记录不存在或无权查看',
  IMPORT_NOT_READY: '文件还在校验中或导入已失败，请刷新后查看',
  INSUFFICIENT_POINTS: '积分不足，不能扣成负数',
  INTERNAL_ERROR: '服务器出错了，请稍后再试',
  INVALID_CREDENTIALS: '用户名或密码错误',
  ITEM_NOT_FOUND: '服务项目不存在或已停用',
  LEAD_CLOSED: '线索已关闭（已交车或已战败），不能再操作',
  LEAD_NOT_FOUND: '记录不存在或无权查看',
  LICENCE_NOT_CHECKED: '出车前须核验客户驾驶证',
  MESSAGE_NOT_FOUND: '消息不存在，请刷新后重试',
  MILEAGE_DECREASING: '里程低于上次登记的读数；如确为更正，请填写更正原因',
  MOBILE_NOT_VERIFIED: '请先用短信验证码登录，验证手机号后再绑定车辆',
  MODEL_NOT_FOUND: '车型不存在或已下架',
  NETWORK_ERROR: '网络异常，请检查连接',
  NEXT_FOLLOW_UP_REQUIRED: '推进阶段必须安排下次跟进（时间需晚于现在，并填写目的）',
  NO_CONSULTANT_AVAILABLE: '没有可接手的在岗销售顾问（或均已达上限），请指定接手人',
  NOT_FOUND: '记录不存在或无权查看',
  NOTIFICATION_NOT_FOUND: '通知不存在',
  ODOMETER_INVALID: '还车里程不能小于出车里程，请核对里程表',
  OPEN_LEAD_EXISTS: '该客户在本店已有进行中的线索，不能重新激活',
  OUTBOX_NOT_RESENDABLE: '只有「失败待处理」或「已跳过」的消息可以重新发送，请刷新后查看',
  OUTSIDE_OPENING_HOURS: '该时间不在门店营业时段内，请从可选时段中选择',
  OUT_OF_STOCK: '库存不足：核减的数量超过现有库存',
  PART_NOT_FOUND: '配件不存在或已停用',
  PARTS_OUT_OF_STOCK: '配件库存不足，不能结算，请先补货入库',
  PAYLOAD_TOO_LARGE: '提交的内容过大，请精简后重试',
  PLATE_TAKEN: '该车牌号已登记在另一辆车上，请核对',
  QUOTE_NOT_APPROVED: '该报价的折扣尚未获批，不能据此下订',
  QUOTE_NOT_FOUND: '报价不存在或无权查看',
  RATE_LIMITED: '尝试次数过多，请稍后再试',
  REGION_NOT_FOUND: '区域不存在',
  REMINDER_RULE_NOT_FOUND: '提醒规则不存在，请刷新后重试',
  RESOLUTION_REQUIRED: '标记为已解决须填写处理结果',
  REWARD_EXISTS: '礼品编码已存在，请换一个编码',
  REWARD_NOT_FOUND: '礼品不存在，请刷新后重试',
  ROUTE_NOT_FOUND: '试驾路线不存在或已停用',
  SERVICE_UNAVAILABLE: '服务暂时不可用，请稍后再试',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  SLOT_FULL: '该时段已约满，请选择其他时段',
  SLOT_IN_PAST: '该时段已过，请选择之后的时段',
  STAFF_NOT_FOUND: '员工不存在或无权查看',
  STAGE_DATA_REQUIRED: '推进到该阶段还缺少必填信息',
  STAGE_TRANSITION_INVALID: '线索当前阶段不能变更为所选阶段，请刷新后重试',
  STATUS_TRANSITION_INVALID: '工单当前状态不能变更为所选状态，请刷新后重试',
  STORE_NOT_FOUND: '门店不存在或无权操作',
  STORE_REQUIRED: '请选择车辆所属门店',
  TASK_ALREADY_CLOSED: '该任务已完成或已取消',
  TASK_NOT_FOUND: '任务不存在或无权查看',
  TIERS_INVALID: '会员等级设置有误：普卡门槛须为 0，等级越高门槛越高、积分倍率不低于下一级',
  TRIM_NOT_FOUND: '车型版本不存在',
  UNEXPECTED_RESPONSE: '服务暂时不可用，请稍后再试',
  USERNAME_TAKEN: '用户名已存在',
  VALIDATION_FAILED: '输入有误',
  VEHICLE_ALREADY_BOOKED: '该车已有未到店的预约，请先取消原预约或改期',
  VEHICLE_EXISTS: '该车架号（VIN）已建档，请在车辆档案中搜索',
  VEHICLE_NOT_FOUND: '车辆不存在或无权查看',
  VEHICLE_NOT_MATCHED: '车架号或车牌号不匹配',
  VIN_ALREADY_DELIVERED: '该车架号（VIN）已交付过，请核对',
  WORK_ORDER_EMPTY: '工单还没有维修项目，不能结算',
  WORK_ORDER_NOT_FOUND: '工单不存在或无权查看',
  WORK_ORDER_SETTLED: '工单已结算，不能再修改',
};

/**
 * Codes whose server message names the specifics a person needs ("不能从「新线索」变更为「已交车」",
 * "VIN 无效：…", "该报价的折扣尚待店总审批", "还车里程不能小于出车里程 12000 km", "金卡 的门槛须高于 银卡"): the server's words are shown,
 * the table is the fallback.
 */
const SERVER_WORDED = new Set([
  'IMPORT_FILE_INVALID',
  'IMPORT_FILE_TOO_LARGE',
  'IMPORT_HAS_ERRORS',
  'MILEAGE_DECREASING',
  'NEXT_FOLLOW_UP_REQUIRED',
  'ODOMETER_INVALID',
  'QUOTE_NOT_APPROVED',
  'STAGE_DATA_REQUIRED',
  'STAGE_TRANSITION_INVALID',
  'STATUS_TRANSITION_INVALID',
  'TIERS_INVALID',
]);

interface ErrorBody {
  statusCode?: number;
  code?: string;
  message?: string;
  requestId?: string;
  details?: ApiErrorDetail[];
}

function messageFor(code: string, serverMessage: string | undefined, details: ApiErrorDetail[]): string {
  const preferred = SERVER_WORDED.has(code) ? (serverMessage ?? ERROR_MESSAGES[code]) : (ERROR_MESSAGES[code] ?? serverMessage);
  const base = preferred ?? ERROR_MESSAGES.UNEXPECTED_RESPONSE;
  if (code !== 'VALIDATION_FAILED' || details.length === 0) return base;
  const listed = details.map((detail) => (detail.path ? `${detail.path}：${detail.message}` : detail.message));
  return `${base}：${listed.join('；')}`;
}

function clientError(code: ClientErrorCode, status = 0): ApiError {
  return new ApiError(code, ERROR_MESSAGES[code], status);
}

/** Anything thrown while talking to the API, as an ApiError a page can show. */
export function toApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : clientError('UNEXPECTED_RESPONSE');
}

async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: ErrorBody | undefined;
  try {
    body = (await response.json()) as ErrorBody;
  } catch {
    body = undefined;
  }
  if (!body?.code) return clientError('UNEXPECTED_RESPONSE', response.status);
  const details = Array.isArray(body.details) ? body.details : [];
  return new ApiError(body.code, messageFor(body.code, body.message, details), response.status, details, body.requestId);
}

type QueryValue = string | number | boolean | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  query?: Record<string, QueryValue>;
  body?: unknown;
  signal?: AbortSignal;
  /** false for the calls that establish a session (login, refresh): no token, no refresh on 401. */
  authenticated?: boolean;
}

const API_BASE = '/api';

function urlFor(path: string, query: RequestOptions['query']): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const search = params.toString();
  return `${API_BASE}${path}${search ? `?${search}` : ''}`;
}

async function send(path: string, options: RequestOptions, accessToken: string | null | undefined, accept = 'application/json'): Promise<Response> {
  const headers: Record<string, string> = { Accept: accept };
  // A file upload (FormData) goes as multipart/form-data: the browser writes that header with its boundary.
  const form = options.body instanceof FormData;
  if (options.body !== undefined && !form) headers['Content-Type'] = 'application/json';
  if (accessToken) headers.Authorization = `Bearer ${accessToken}`;
  try {
    return await fetch(urlFor(path, options.query), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : form ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
      // The session cookie (the refresh token) goes to /api/auth on this origin only.
      credentials: 'same-origin',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw clientError('NETWORK_ERROR');
  }
}

/** Spends the session cookie for a new access token (the server sets the next cookie). */
async function requestNewAccessToken(): Promise<boolean> {
  const response = await send('/auth/refresh', { method: 'POST', body: {} }, undefined);
  if (!response.ok) return false;
  saveAccessToken(((await response.json()) as { accessToken: string }).accessToken);
  return true;
}

/**
 * Refresh tokens are single-use and every tab shares the one cookie: two tabs refreshing at once would spend it
 * twice, and the server would take that for theft and end the session. A Web Lock makes tabs take turns (the
 * second one then spends the cookie the first one received); within a tab, concurrent 401s share one refresh.
 */
let refreshInFlight: Promise<boolean> | null = null;

function refreshSession(): Promise<boolean> {
  refreshInFlight ??= (navigator.locks ? navigator.locks.request('dealer-crm.admin.refresh', requestNewAccessToken) : requestNewAccessToken()).finally(() => {
    refreshInFlight = null;
  });
  return refreshInFlight;
}

/** A tab opened without an access token (a new tab, a reopened browser) picks the session up from the cookie. */
export function restoreSession(): Promise<boolean> {
  return readAccessToken() ? Promise.resolve(true) : refreshSession();
}

/** After a 401: true once the session holds a fresh access token worth retrying with. */
async function renewSession(rejectedAccessToken: string | null): Promise<boolean> {
  const current = readAccessToken();
  // Another request may already have refreshed while this one was in flight.
  if (current && current !== rejectedAccessToken) return true;
  return refreshSession();
}

/** Forgets the session here and on the server (its refresh-token family); never fails, the user is leaving anyway. */
export async function endServerSession(): Promise<void> {
  clearAccessToken();
  await send('/auth/logout', { method: 'POST', body: {} }, undefined).catch(() => undefined);
}

function endSession(): never {
  clearAccessToken();
  const base = import.meta.env.BASE_URL.replace(/\/$/, '');
  const appPath = window.location.pathname.slice(base.length) || '/';
  window.location.assign(`${base}${loginPathFor(appPath + window.location.search)}`);
  throw clientError('SESSION_EXPIRED', 401);
}

async function parseBody<T>(response: Response): Promise<T> {
  if (response.status === 204) return undefined as T;
  try {
    return (await response.json()) as T;
  } catch {
    throw clientError('UNEXPECTED_RESPONSE', response.status);
  }
}

/** Sends with the session's token, renewing it once on a 401; rejects with an ApiError when the answer is not ok. */
async function sendWithSession(path: string, options: RequestOptions, accept?: string): Promise<Response> {
  const authenticated = options.authenticated ?? true;
  if (authenticated && !(await restoreSession())) endSession();
  const tokenUsed = authenticated ? readAccessToken() : null;

  let response = await send(path, options, tokenUsed, accept);
  if (response.status === 401 && authenticated) {
    if (!(await renewSession(tokenUsed))) endSession();
    response = await send(path, options, readAccessToken(), accept);
    if (response.status === 401) endSession();
  }

  if (!response.ok) throw await errorFromResponse(response);
  return response;
}

/** Calls the API; resolves with the parsed JSON body or rejects with an ApiError. */
export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return parseBody<T>(await sendWithSession(path, options));
}

/** The name the server gave an attachment: RFC 5987 `filename*=UTF-8''…` (Chinese names), else `filename="…"`. */
function attachmentName(disposition: string | null, fallback: string): string {
  const encoded = /filename\*=UTF-8''([^;]+)/i.exec(disposition ?? '')?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  return /filename="([^"]+)"/i.exec(disposition ?? '')?.[1] ?? fallback;
}

/**
 * Downloads a file from the API (an .xlsx export) and hands it to the browser's save, under the name the
 * server gave it. Resolves with that name once the whole file has arrived; rejects with an ApiError.
 */
export async function downloadFile(path: string, query?: RequestOptions['query']): Promise<string> {
  const response = await sendWithSession(path, { query }, '*/*');
  let blob: Blob;
  try {
    blob = await response.blob();
  } catch {
    // The server streams exports: a failure after the headers went out cuts the body short.
    throw clientError('NETWORK_ERROR', response.status);
  }
  const fileName = attachmentName(response.headers.get('content-disposition'), 'export');
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked on a later tick: some browsers read the object URL only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return fileName;
}

/** One page of a server-paged list. */
export interface Paged<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}
