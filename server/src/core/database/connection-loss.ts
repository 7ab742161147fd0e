/**
 * The MariaDB driver's pool can reject a promise nobody awaits when a connection dies while it is being
 * set up (the database restarts or the network drops). Such a loss is transient: the pool opens new
 * connections when the database is back, so the process must not die of it.
 */
export function isTransientConnectionLoss(reason: unknown): boolean {
  const error = reason as { fatal?: unknown; sqlState?: unknown; code?: unknown } | null;
  if (!error || error.fatal !== true) return false;
  const connectionState = typeof error.sqlState === 'string' && error.sqlState.startsWith('08');
  const connectionCode = typeof error.code === 'string' && /^(ER_WRONG_IANA_TIMEZONE|ER_SOCKET_UNEXPECTED_CLOSE|ER_CONNECTION_TIMEOUT|ER_GET_CONNECTION_TIMEOUT|ECONNREFUSED|ECONNRESET|EPIPE)$/.test(error.code);
  return connectionState || connectionCode;
}
