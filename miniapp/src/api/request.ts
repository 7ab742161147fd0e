import Taro from '@tarojs/taro';
import { ApiError, apiErrorFromResponse, NETWORK_ERROR, networkError } from './api-error';
import { clearAccessToken, getAccessToken } from './session-storage';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Path under the API base, starting with '/', e.g. '/stores'. */
  path: string;
  body?: object;
  /**
   * Makes a POST safe to send twice: the server answers a repeated key with the first result. Such a
   * request is retried after a network error, like a GET.
   */
  idempotencyKey?: string;
  /**
   * On 401 the token is always dropped; by default the customer is also sent to login. Off where a 401 is an
   * expected answer the page handles itself (deleting the account, which refuses the token from then on).
   */
  signInOnUnauthorized?: boolean;
}

const LOGIN_ROUTE = 'pages/login/index';

// H5 is served by the API server itself, so it calls the same origin; the weapp needs an absolute URL.
const API_BASE = process.env.TARO_ENV === 'h5' ? '/api' : API_BASE_URL;

function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.code === NETWORK_ERROR;
}

async function send<T>({ method = 'GET', path, body, idempotencyKey }: RequestOptions): Promise<T> {
  const token = getAccessToken();
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;
  if (idempotencyKey) header['Idempotency-Key'] = idempotencyKey;

  // The body is parsed JSON of unknown shape until checked against the status code.
  let response: Taro.request.SuccessCallbackResult<string | TaroGeneral.IAnyObject>;
  try {
    response = await Taro.request<string | TaroGeneral.IAnyObject>({
      url: `${API_BASE}${path}`,
      method,
      header,
      data: body,
      dataType: 'json',
    });
  } catch {
    throw networkError();
  }
  if (response.statusCode >= 200 && response.statusCode < 300) return response.data as T;
  throw apiErrorFromResponse(response.statusCode, response.data);
}

function redirectToLogin(): void {
  const pages = Taro.getCurrentPages();
  const currentRoute = (pages[pages.length - 1]?.route ?? '').replace(/^\//, '').split('?')[0];
  if (currentRoute === LOGIN_ROUTE) return;
  void Taro.navigateTo({ url: `/${LOGIN_ROUTE}` });
}

/**
 * A GET, or a request carrying an idempotency key, lost on the network is sent once more; any other
 * POST might have reached the server, so it is left to the customer to retry.
 */
async function sendRetryingIdempotent<T>(options: RequestOptions): Promise<T> {
  try {
    return await send<T>(options);
  } catch (error) {
    const idempotent = (options.method ?? 'GET') === 'GET' || options.idempotencyKey !== undefined;
    if (!idempotent || !isNetworkFailure(error)) throw error;
    return send<T>(options);
  }
}

/**
 * The one client for the API. Adds the customer's token, turns every failure into an ApiError with a
 * Chinese message, retries an idempotent request once after a network error, and sends the customer
 * to login on 401.
 */
export async function request<T>(options: RequestOptions): Promise<T> {
  try {
    return await sendRetryingIdempotent<T>(options);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) {
      clearAccessToken();
      if (options.signInOnUnauthorized !== false) redirectToLogin();
    }
    throw error;
  }
}
