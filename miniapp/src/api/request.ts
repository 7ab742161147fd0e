import Taro from '@tarojs/taro';
import { ApiError, apiErrorFromResponse, NETWORK_ERROR, networkError } from './api-error';
import { clearAccessToken, getAccessToken } from './session-storage';

type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RequestOptions {
  method?: HttpMethod;
  /** Path under the API base, starting with '/', e.g. '/stores'. */
  path: string;
  body?: object;
}

const LOGIN_ROUTE = 'pages/login/index';

// H5 is served by the API server itself, so it calls the same origin; the weapp needs an absolute URL.
const API_BASE = process.env.TARO_ENV === 'h5' ? '/api' : API_BASE_URL;

function isNetworkFailure(error: unknown): boolean {
  return error instanceof ApiError && error.code === NETWORK_ERROR;
}

async function send<T>(method: HttpMethod, path: string, body: object | undefined): Promise<T> {
  const token = getAccessToken();
  const header: Record<string, string> = { 'Content-Type': 'application/json' };
  if (token) header.Authorization = `Bearer ${token}`;

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

/** GETs are idempotent, so one lost on the network is sent again; a POST might have reached the server. */
async function sendRetryingGet<T>(method: HttpMethod, path: string, body: object | undefined): Promise<T> {
  try {
    return await send<T>(method, path, body);
  } catch (error) {
    if (method !== 'GET' || !isNetworkFailure(error)) throw error;
    return send<T>(method, path, body);
  }
}

/**
 * The one client for the API. Adds the customer's token, turns every failure into an ApiError with a
 * Chinese message, retries a GET once after a network error, and sends the customer to login on 401.
 */
export async function request<T>({ method = 'GET', path, body }: RequestOptions): Promise<T> {
  try {
    return await sendRetryingGet<T>(method, path, body);
  } catch (error) {
    if (error instanceof ApiError && error.statusCode === 401) {
      clearAccessToken();
      redirectToLogin();
    }
    throw error;
  }
}
