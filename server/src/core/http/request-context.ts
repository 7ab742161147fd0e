import { AsyncLocalStorage } from 'node:async_hooks';

/** Where the current request came from, for the audit log (read anywhere below the controller). */
export interface RequestContext {
  requestId: string;
  ip: string;
  userAgent: string | null;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();
