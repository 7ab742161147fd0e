import type { errorBodySchema, pageOf } from 'server/contracts/common.contract';
import type { z } from 'zod';
import { loginPathFor } from '../login-redirect';
import { clearAccessToken, readAccessToken, saveAccessToken } from './token-store';
import type { Wire } from 'server/contracts/wire.contract';

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

/**
 * The words for the failures that never reached the server's error format. Every other error is shown in the
 * server's own `message` (Chinese, written once beside the code that throws it).
 */
const CLIENT_MESSAGES: Record<ClientErrorCode, string> = {
  NETWORK_ERROR: '网络异常，请检查连接',
  SESSION_EXPIRED: '登录已过期，请重新登录',
  UNEXPECTED_RESPONSE: '服务暂时不可用，请稍后再试',
};

type ErrorBody = Partial<z.output<typeof errorBodySchema>>;

function clientError(code: ClientErrorCode, status = 0): ApiError {
  return new ApiError(code, CLIENT_MESSAGES[code], status);
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
  const details = Array.isArray(body.details) ? (body.details as ApiErrorDetail[]) : [];
  // VALIDATION_FAILED's message already lists the fields (`输入有误：path: message; …`).
  return new ApiError(body.code, body.message || CLIENT_MESSAGES.UNEXPECTED_RESPONSE, response.status, details, body.requestId);
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

/** One page of a server-paged list (the contracts' `pageOf`). */
export type Paged<Item> = Omit<Wire<ReturnType<typeof pageOf>>, 'items'> & { items: Item[] };
