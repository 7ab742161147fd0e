import fc from 'fast-check';
import { customerToken, staffToken } from '../support/api';
import {
  BAD_JSON_VALUES,
  BAD_PATH_IDS,
  BAD_TEXT_VALUES,
  FuzzRequest,
  mutationArbitrary,
  OpenApiDocument,
  Operation,
  SchemaSampler,
  withValueAt,
} from '../support/openapi-fuzz';
import { startTestServer, TestServer } from '../support/test-server';

/** Fixed, so a failure found once is found again on the next run. */
const SEED = 20_261_207;
const RANDOM_CASES_PER_OPERATION = 16;
const CONCURRENCY = 4;

/** A seeded account for each staff role (see README, demo accounts). */
const STAFF_BY_ROLE: Record<string, string> = {
  ADMIN: 'admin',
  DIRECTOR: 'director',
  MARKETER: 'marketer',
  REGION_MANAGER: 'rm.sh',
  STORE_MANAGER: 'sm.shpd',
  CONSULTANT: 'sc1.shpd',
  SERVICE_ADVISOR: 'sa.shpd',
};

/**
 * Operations only partly fuzzed, and why. Their wrong content types, bad path ids and bad query values are
 * still sent; what is skipped is listed here.
 */
const PARTLY_FUZZED: Record<string, string> = {
  'POST /api/imports/{kind}': 'multipart file upload: a JSON or text body (wrong content type) is sent, an Excel file is not generated',
};
/**
 * Path ids that must not be a real record: fuzzing the body of these with a real id could change the demo
 * accounts the test signs in with (role, store, active), which would end the test's own sessions.
 */
const UNREAL_ID_PATHS = [/^\/api\/staff\/\{id\}/];
const UNREAL_ID = '999999';

/** Sign-in routes run last: their wrong passwords and codes count towards limits on this address. */
const runsLast = (path: string) => path.startsWith('/api/auth/');

interface Finding {
  request: FuzzRequest;
  status: number;
  responseText: string;
  problem: string;
}

/** The error a server log line records, shortened to its type and the message's last line (Prisma's names the column). */
function logSummary(line: string): string {
  try {
    const entry = JSON.parse(line) as { msg?: string; err?: { type?: string; message?: string } };
    const message = entry.err?.message?.trim().split('\n').pop() ?? entry.msg ?? '';
    return `${entry.err?.type ?? 'log'}: ${message}`.slice(0, 500);
  } catch {
    return line.slice(0, 500);
  }
}

describe('OpenAPI-driven fuzzing: no wrong input gets a 5xx, a non-JSON answer or an error without a code', () => {
  let server: TestServer;
  let document: OpenApiDocument;
  let sampler: SchemaSampler;
  const tokens = new Map<string, Promise<string>>();
  let customerLogins = 0;

  beforeAll(async () => {
    server = await startTestServer();
    const response = await fetch(`${server.baseUrl}/api/docs-json`);
    document = (await response.json()) as OpenApiDocument;
    sampler = new SchemaSampler(document);
  });
  afterAll(() => server.stop());

  /**
   * Who calls a route: ADMIN where the route admits it (the widest data scope), else its first role; a customer for
   * customer routes (and for routes any signed-in caller may use); nobody for public ones.
   */
  function callerFor(access: string | undefined): string | undefined {
    if (!access || access === 'public') return undefined;
    const admitted = access.replace('staff:', '').split(',');
    return admitted.find((role) => role === 'ADMIN') ?? admitted[0];
  }

  function tokenFor(access: string | undefined): Promise<string> | undefined {
    const who = callerFor(access);
    if (!who) return undefined;
    if (!tokens.has(who)) tokens.set(who, who === 'customer' ? customerToken(server.baseUrl, `fuzz-customer-${(customerLogins += 1)}`) : staffToken(server.baseUrl, STAFF_BY_ROLE[who]));
    return tokens.get(who);
  }
  const forgetToken = (access: string | undefined) => {
    const who = callerFor(access);
    if (who) tokens.delete(who);
  };

  function requestsFor(method: string, path: string, operation: Operation, operationIndex: number): FuzzRequest[] {
    const parameters = operation.parameters ?? [];
    const pathParams = parameters.filter((parameter) => parameter.in === 'path');
    const queryParams = parameters.filter((parameter) => parameter.in === 'query');
    const idempotencyHeader = parameters.find((parameter) => parameter.in === 'header' && parameter.name.toLowerCase() === 'idempotency-key');
    const jsonBody = operation.requestBody?.content['application/json'];
    const isMultipart = Boolean(operation.requestBody?.content['multipart/form-data']);

    const unrealIds = UNREAL_ID_PATHS.some((pattern) => pattern.test(path));
    const pathValues = Object.fromEntries(
      pathParams.map((parameter) => {
        const schema = sampler.resolve(parameter.schema);
        const isNumber = schema.type === 'integer' || schema.type === 'number';
        return [parameter.name, isNumber ? (unrealIds ? UNREAL_ID : '1') : String(sampler.sample(schema))];
      }),
    );
    const baseQuery: Array<[string, string]> = queryParams.filter((parameter) => parameter.required).map((parameter) => [parameter.name, String(sampler.sample(parameter.schema))]);
    const fullBody = jsonBody ? sampler.sample(jsonBody.schema) : undefined;
    const requiredBody = jsonBody ? sampler.sample(jsonBody.schema, 0, true) : undefined;
    let baseBody = fullBody;
    const bodyPaths = jsonBody ? sampler.leafPaths(jsonBody.schema) : [];
    let caseNumber = 0;
    const baseHeaders = (): Record<string, string> => {
      caseNumber += 1;
      return idempotencyHeader ? { 'idempotency-key': `fuzz-${operationIndex}-${caseNumber}` } : {};
    };

    const build = (mutation: string, changes: { path?: Record<string, string>; query?: Array<[string, string]>; body?: unknown; rawBody?: string; contentType?: string; headers?: Record<string, string> }): FuzzRequest => {
      const values = { ...pathValues, ...changes.path };
      const url = path.replace(/\{([^}]+)\}/g, (_match, name: string) => encodeURIComponent(values[name] ?? '1').replace(/%25/g, '%'));
      const body = changes.rawBody ?? (jsonBody || changes.body !== undefined ? JSON.stringify(changes.body === undefined ? baseBody : changes.body) : undefined);
      const headers = { ...baseHeaders(), ...changes.headers };
      if (body !== undefined) headers['content-type'] = changes.contentType ?? 'application/json';
      return { method: method.toUpperCase(), path: url, query: changes.query ?? baseQuery, headers, body, mutation };
    };

    const requests: FuzzRequest[] = [];
    // Every path parameter with every bad id.
    for (const parameter of pathParams) for (const bad of BAD_PATH_IDS) requests.push(build(`path ${parameter.name}=${bad}`, { path: { [parameter.name]: bad } }));
    // Every query parameter with an overflowing number and a 10,000-character text.
    for (const parameter of queryParams) {
      for (const bad of ['2147483648', 'x'.repeat(10_000)]) {
        requests.push(build(`query ${parameter.name}=${bad.slice(0, 20)}`, { query: [...baseQuery.filter(([name]) => name !== parameter.name), [parameter.name, bad]] }));
      }
    }
    // Every body field with an overflowing number and a 10,000-character text.
    for (const fieldPath of bodyPaths) {
      for (const [label, bad] of [['2^31', 2 ** 31], ['10,000 chars', 'x'.repeat(10_000)]] as const) {
        requests.push(build(`body ${fieldPath.join('.')}=${label}`, { body: withValueAt(baseBody, fieldPath, bad) }));
      }
    }
    if (jsonBody || isMultipart) {
      requests.push(build('text/plain body', { rawBody: 'hello', contentType: 'text/plain' }));
      requests.push(build('form body', { rawBody: 'a=1&b=2', contentType: 'application/x-www-form-urlencoded' }));
      requests.push(build('truncated JSON', { rawBody: '{"a":', contentType: 'application/json' }));
      if (isMultipart) requests.push(build('JSON instead of multipart', { rawBody: '{"file":"x"}', contentType: 'application/json' }));
    }
    if (isMultipart) return requests;

    // Seeded random mutations of one part at a time.
    // Each breaks either the body with every property or the body with only the required ones.
    const mutations = fc.sample(fc.tuple(mutationArbitrary, fc.boolean()), { seed: SEED + operationIndex, numRuns: RANDOM_CASES_PER_OPERATION });
    for (const [mutation, requiredOnly] of mutations) {
      baseBody = requiredOnly ? requiredBody : fullBody;
      switch (mutation.kind) {
        case 'set':
        case 'remove':
        case 'extra': {
          if (!jsonBody) break;
          const fieldPath = bodyPaths.length ? bodyPaths[mutation.pathIndex % bodyPaths.length] : [];
          if (mutation.kind === 'remove') {
            requests.push(build(`body without ${fieldPath.join('.')}`, { body: withValueAt(baseBody, fieldPath, undefined, true) }));
          } else {
            const [label, value] = BAD_JSON_VALUES[mutation.valueIndex];
            const target = mutation.kind === 'extra' ? [...fieldPath.slice(0, -1), 'unexpectedField'] : fieldPath;
            requests.push(build(`body ${target.join('.') || '(body)'}=${label}`, { body: withValueAt(baseBody, target, value) }));
          }
          break;
        }
        case 'whole': {
          if (!jsonBody) break;
          const [label, value] = BAD_JSON_VALUES[mutation.valueIndex];
          requests.push(build(`whole body=${label}`, { body: value }));
          break;
        }
        case 'query': {
          const bad = BAD_TEXT_VALUES[mutation.valueIndex];
          const name = queryParams.length ? queryParams[mutation.paramIndex % queryParams.length].name : 'unexpected';
          requests.push(build(`query ${name}=${bad.slice(0, 20)}`, { query: [...baseQuery.filter(([param]) => param !== name), [name, bad]] }));
          break;
        }
        case 'query-repeated': {
          const name = queryParams.length ? queryParams[mutation.paramIndex % queryParams.length].name : 'unexpected';
          requests.push(build(`query ${name} twice`, { query: [...baseQuery.filter(([param]) => param !== name), [name, '1'], [name, '2'], [`${name}[a]`, '1']] }));
          break;
        }
        case 'header': {
          const bad = BAD_TEXT_VALUES[mutation.valueIndex];
          // A header carries bytes: an emoji goes as its raw UTF-8 bytes.
          requests.push(build(`idempotency-key=${bad.slice(0, 20)}`, { headers: { 'idempotency-key': Buffer.from(bad, 'utf8').toString('latin1') } }));
          break;
        }
      }
    }
    return requests;
  }

  async function send(request: FuzzRequest, access: string | undefined, isDownload: boolean): Promise<Finding | null> {
    const token = await tokenFor(access);
    const query = request.query.length ? `?${new URLSearchParams(request.query).toString()}` : '';
    const response = await fetch(`${server.baseUrl}${request.path}${query}`, {
      method: request.method,
      headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: request.body,
    });
    const text = await response.text();
    // A fuzzed body may have ended the session (log-out, account deletion): sign in again for the next request.
    if (response.status === 401 && token) forgetToken(access);
    const finding = (problem: string): Finding => ({ request, status: response.status, responseText: text, problem });
    if (response.status >= 500) return finding('5xx');
    if (response.status === 204) return null;
    const isJson = (response.headers.get('content-type') ?? '').includes('application/json');
    if (!isJson) return isDownload && response.status < 300 ? null : finding('not JSON');
    if (response.status >= 400) {
      const body = JSON.parse(text) as { code?: unknown };
      if (typeof body.code !== 'string') return finding('4xx without code');
    }
    return null;
  }

  function describeFinding(finding: Finding): string {
    const { request } = finding;
    const requestId = /"requestId":"([^"]+)"/.exec(finding.responseText)?.[1];
    const logLines = requestId
      ? server
          .logs()
          .split('\n')
          .filter((line) => line.includes(requestId))
          .map(logSummary)
          .join('\n')
      : '';
    return [
      `${finding.problem}: ${request.method} ${request.path}${request.query.length ? `?${new URLSearchParams(request.query).toString().slice(0, 200)}` : ''} (${request.mutation})`,
      request.body === undefined ? '' : `  body: ${request.body.slice(0, 300)}`,
      `  → ${finding.status} ${finding.responseText.slice(0, 400)}`,
      logLines ? `  server log: ${logLines}` : '',
    ]
      .filter(Boolean)
      .join('\n');
  }

  it('answers every fuzzed request to every documented operation with a JSON 4xx (with a code) or a success', async () => {
    const operations = Object.entries(document.paths)
      .flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })))
      .sort((a, b) => Number(runsLast(a.path)) - Number(runsLast(b.path)));
    expect(operations.length).toBeGreaterThan(100);
    expect(Object.keys(PARTLY_FUZZED).every((key) => operations.some(({ method, path }) => `${method.toUpperCase()} ${path}` === key))).toBe(true);

    const started = Date.now();
    const findings: Finding[] = [];
    let sent = 0;
    for (const phase of [false, true]) {
      const jobs = operations
        .map((entry, index) => ({ ...entry, index }))
        .filter(({ path }) => runsLast(path) === phase)
        .flatMap(({ path, method, operation, index }) => {
          // A documented file download (an .xlsx export, a template, the privacy export) declares no JSON content:
          // its success may be a file, its errors must still be JSON with a code. There are no SSE routes.
          const isDownload = Object.values(operation.responses ?? {}).some((response) => !response.content);
          return requestsFor(method, path, operation, index).map((request) => ({ request, access: operation['x-access'], isDownload }));
        });
      let next = 0;
      await Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < jobs.length) {
            const job = jobs[next++];
            const finding = await send(job.request, job.access, job.isDownload);
            sent += 1;
            if (finding) findings.push(finding);
          }
        }),
      );
    }
    const seconds = (Date.now() - started) / 1000;
    // The figures for the report: how many requests and how long they took on this machine.
    process.stdout.write(`fuzz: ${sent} requests to ${operations.length} operations in ${seconds.toFixed(1)} s, ${findings.length} findings\n`);
    expect(sent).toBeGreaterThan(2000);
    expect(findings.map(describeFinding)).toEqual([]);
  }, 300_000);
});
