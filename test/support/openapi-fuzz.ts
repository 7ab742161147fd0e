import fc from 'fast-check';

/** The parts of OpenAPI 3 the fuzz test reads. */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean | number;
  minLength?: number;
  minItems?: number;
  default?: unknown;
}

export interface Parameter {
  name: string;
  in: 'path' | 'query' | 'header';
  required?: boolean;
  schema?: JsonSchema;
}

export interface Operation {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: JsonSchema }> };
  responses?: Record<string, { content?: Record<string, unknown> }>;
  'x-access'?: string;
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, JsonSchema> };
}

/** One request the fuzz test sends. */
export interface FuzzRequest {
  method: string;
  path: string;
  query: Array<[string, string]>;
  headers: Record<string, string>;
  /** Already serialised; undefined sends no body. */
  body?: string;
  /** What was broken, for the failure message. */
  mutation: string;
}

const INT32_OVERFLOW = 2 ** 31;
const DEEP = (() => {
  let value: unknown = 1;
  for (let level = 0; level < 200; level += 1) value = { a: value };
  return value;
})();
const LONG_TEXT = 'x'.repeat(10_000);
const EMOJI = '😀🚗👍🏽'.repeat(20);
const SQL = "1' OR '1'='1'; DROP TABLE customers; --";

/** Wrong values for a JSON field: wrong types, out-of-range numbers, hostile strings, impossible dates, nesting. */
export const BAD_JSON_VALUES: ReadonlyArray<[string, unknown]> = [
  ['null', null],
  ['1e18', 1e18],
  ['-1', -1],
  ['0', 0],
  ['2^31', INT32_OVERFLOW],
  ['2^31-1', INT32_OVERFLOW - 1],
  ['1.5', 1.5],
  ['true', true],
  ['"abc"', 'abc'],
  ['""', ''],
  ['10,000 chars', LONG_TEXT],
  ['emoji', EMOJI],
  ['SQL', SQL],
  ['2026-02-30', '2026-02-30'],
  ['2026-02-30T10:00:00Z', '2026-02-30T10:00:00Z'],
  ['0000-01-01', '0000-01-01'],
  ['9999-12-31T23:59:59Z', '9999-12-31T23:59:59Z'],
  ['[]', []],
  ['{}', {}],
  ['{"$gt":""}', { $gt: '' }],
  ['200 levels deep', DEEP],
  ['10,000 items', Array.from({ length: 10_000 }, (_, index) => index)],
];

/** Wrong values for a path segment or query parameter. */
export const BAD_TEXT_VALUES: readonly string[] = [
  '0',
  '-1',
  '2147483648',
  '1e18',
  '1.5',
  'abc',
  '',
  'null',
  LONG_TEXT,
  EMOJI,
  SQL,
  '2026-02-30',
  '0000-01-01',
  '9999-12-31',
];

export const BAD_PATH_IDS: readonly string[] = ['0', '-1', '2147483648', 'abc', '1e18', '9007199254740993', '%F0%9F%98%80'];

/** Candidates for a string with a pattern: the first that matches is used. */
const PATTERN_CANDIDATES = ['13800138001', '123456', 'fuzz-key-1', 'FUZZ-1', 'Fuzz12345', 'fuzzuser', '2026-12-20', '2026-12-20T02:00:00Z'];

export class SchemaSampler {
  constructor(private readonly document: OpenApiDocument) {}

  resolve(schema: JsonSchema | undefined): JsonSchema {
    let current = schema ?? {};
    for (let hops = 0; current.$ref && hops < 20; hops += 1) {
      const name = current.$ref.split('/').pop() ?? '';
      current = this.document.components?.schemas?.[name] ?? {};
    }
    return current;
  }

  /**
   * A plausible, well-formed value for the schema (the fuzz test then breaks one part of it); with requiredOnly,
   * objects hold only their required properties (optional ones often stop a request early with a business rule).
   */
  sample(input: JsonSchema | undefined, depth = 0, requiredOnly = false): unknown {
    const schema = this.resolve(input);
    if (schema.const !== undefined) return schema.const;
    if (schema.enum?.length) return schema.enum[0];
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) return this.sample(branches.find((branch) => this.resolve(branch).type !== 'null') ?? branches[0], depth, requiredOnly);
    if (schema.allOf?.length) return this.sample(schema.allOf[0], depth, requiredOnly);
    const type = [schema.type ?? (schema.properties ? 'object' : 'string')].flat().find((name) => name !== 'null');
    switch (type) {
      case 'object': {
        if (depth > 6) return {};
        const properties = Object.entries(schema.properties ?? {}).filter(([name]) => !requiredOnly || schema.required?.includes(name));
        return Object.fromEntries(properties.map(([name, property]) => [name, this.sample(property, depth + 1, requiredOnly)]));
      }
      case 'array':
        return Array.from({ length: Math.max(1, schema.minItems ?? 1) }, () => this.sample(schema.items, depth + 1, requiredOnly));
      case 'integer':
      case 'number': {
        const low = typeof schema.minimum === 'number' ? schema.minimum + (schema.exclusiveMinimum ? 1 : 0) : 1;
        return Math.min(Math.max(low, 1), schema.maximum ?? Number.MAX_SAFE_INTEGER);
      }
      case 'boolean':
        return true;
      default:
        return this.sampleString(schema);
    }
  }

  private sampleString(schema: JsonSchema): string {
    if (schema.format === 'date') return '2026-12-20';
    if (schema.format === 'date-time') return '2026-12-20T02:00:00.000Z';
    if (schema.format === 'uri' || schema.format === 'url') return 'https://example.com/a.png';
    if (schema.pattern) {
      const pattern = new RegExp(schema.pattern);
      const match = PATTERN_CANDIDATES.find((candidate) => pattern.test(candidate));
      if (match) return match;
    }
    return 'fuzz'.padEnd(schema.minLength ?? 1, 'z');
  }

  /** Every place in a sampled body a wrong value can go: a dotted path per property, array items as 0. */
  leafPaths(input: JsonSchema | undefined, prefix: string[] = [], depth = 0): string[][] {
    const schema = this.resolve(input);
    const branches = schema.anyOf ?? schema.oneOf;
    if (branches) return this.leafPaths(branches.find((branch) => this.resolve(branch).type !== 'null') ?? branches[0], prefix, depth);
    if (depth > 6) return [prefix];
    if (schema.properties) {
      const inner = Object.entries(schema.properties).flatMap(([name, property]) => this.leafPaths(property, [...prefix, name], depth + 1));
      return prefix.length ? [prefix, ...inner] : inner;
    }
    if (schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'))) return [prefix, ...this.leafPaths(schema.items, [...prefix, '0'], depth + 1)];
    return [prefix];
  }
}

function cloneJson<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Sets (or, with remove, deletes) the value at path in a copy of body. */
export function withValueAt(body: unknown, path: string[], value: unknown, remove = false): unknown {
  if (path.length === 0) return value;
  const copy = cloneJson(body) as Record<string, unknown>;
  let parent = copy as Record<string, unknown>;
  for (const key of path.slice(0, -1)) {
    if (typeof parent[key] !== 'object' || parent[key] === null) parent[key] = {};
    parent = parent[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1];
  if (remove) delete parent[last];
  else parent[last] = value;
  return copy;
}

/** One randomly broken part of a request, as fast-check draws it. */
export type Mutation =
  | { kind: 'set'; pathIndex: number; valueIndex: number }
  | { kind: 'remove'; pathIndex: number }
  | { kind: 'extra'; pathIndex: number; valueIndex: number }
  | { kind: 'whole'; valueIndex: number }
  | { kind: 'query'; paramIndex: number; valueIndex: number }
  | { kind: 'query-repeated'; paramIndex: number }
  | { kind: 'header'; valueIndex: number };

export const mutationArbitrary: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), pathIndex: fc.nat(), valueIndex: fc.nat({ max: BAD_JSON_VALUES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('remove' as const), pathIndex: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('extra' as const), pathIndex: fc.nat(), valueIndex: fc.nat({ max: BAD_JSON_VALUES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('whole' as const), valueIndex: fc.nat({ max: BAD_JSON_VALUES.length - 1 }) }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('query' as const), paramIndex: fc.nat(), valueIndex: fc.nat({ max: BAD_TEXT_VALUES.length - 1 }) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('query-repeated' as const), paramIndex: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('header' as const), valueIndex: fc.nat({ max: BAD_TEXT_VALUES.length - 1 }) }) },
);
