import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import request from 'supertest';
import { repoRoot, startTestServer, TestServer } from '../support/test-server';

interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, { 'x-access'?: string; responses?: object }>>;
}

/** Fastify writes `/api/staff/:id`; OpenAPI writes `/api/staff/{id}`. */
const toOpenApiPath = (url: string) => url.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('is served at /api/docs-json as OpenAPI 3 with Swagger UI at /api/docs', async () => {
    const json = await request(server.baseUrl).get('/api/docs-json');
    expect(json.status).toBe(200);
    expect(json.body.openapi).toMatch(/^3\./);
    const ui = await request(server.baseUrl).get('/api/docs');
    expect(ui.status).toBe(200);
    expect(ui.text).toContain('swagger');
  });

  it('documents every route the API registers, each with an access rule', async () => {
    const cli = join(repoRoot, 'server', 'dist', 'server', 'src', 'openapi.cli.js');
    const { stdout } = await promisify(execFile)(process.execPath, [cli], { maxBuffer: 20 * 1024 * 1024 });
    const { document, routes } = JSON.parse(stdout) as { document: OpenApiDocument; routes: Array<{ method: string; url: string }> };
    expect(routes.length).toBeGreaterThan(10);
    const undocumented = routes.filter(({ method, url }) => !document.paths[toOpenApiPath(url)]?.[method.toLowerCase()]);
    expect(undocumented).toEqual([]);
    const withoutAccessRule = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.entries(operations)
        .filter(([, operation]) => !operation['x-access'])
        .map(([method]) => `${method.toUpperCase()} ${path}`),
    );
    expect(withoutAccessRule).toEqual([]);
  });

  it('describes request bodies from the zod contracts', async () => {
    const json = await request(server.baseUrl).get('/api/docs-json');
    const login = json.body.paths['/api/auth/staff/login'].post;
    const schemaName = login.requestBody.content['application/json'].schema.$ref.split('/').pop();
    expect(json.body.components.schemas[schemaName].required).toEqual(['username', 'password']);
  });

  it('says a nullable field the OpenAPI 3.0 way, never as a list of types (a nullable plate read as an array)', async () => {
    const json = await request(server.baseUrl).get('/api/docs-json');
    const typeLists: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) node.forEach((child, index) => walk(child, `${path}/${index}`));
      else if (node && typeof node === 'object') {
        if (Array.isArray((node as { type?: unknown }).type)) typeLists.push(path);
        for (const [key, child] of Object.entries(node)) walk(child, `${path}/${key}`);
      }
    };
    walk(json.body, '');
    expect(typeLists).toEqual([]);
    const schemas = json.body.components.schemas;
    expect(schemas.OwnerVehicleDto.properties.plate).toEqual({ type: 'string', nullable: true });
    expect(schemas.CreateVehicleBody.properties.plate).toMatchObject({ type: 'string', nullable: true });
  });

  it('documents the workshop booking with its own body, not the test drive\'s', async () => {
    const json = await request(server.baseUrl).get('/api/docs-json');
    const bodyOf = (path: string) => json.body.paths[path].post.requestBody.content['application/json'].schema.$ref.split('/').pop();
    const workshop = json.body.components.schemas[bodyOf('/api/me/service-bookings')];
    const testDrive = json.body.components.schemas[bodyOf('/api/test-drives/bookings')];
    expect(Object.keys(workshop.properties)).toContain('vehicleId');
    expect(Object.keys(testDrive.properties)).toContain('modelId');
    expect(bodyOf('/api/service/bookings')).toBe(bodyOf('/api/me/service-bookings'));
  });
});
