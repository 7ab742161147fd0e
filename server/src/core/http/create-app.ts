import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import helmet from '@fastify/helmet';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { AppModule } from '../../app.module';
import { apiDocsEnabled, type AppConfig } from '../config/config';
import { defaultAdminDistDir, defaultH5DistDir } from '../config/repo-paths';
import { createRootLogger, PinoNestLogger } from '../logging/logger';
import { requestContext } from './request-context';

export const BODY_LIMIT_BYTES = 1024 * 1024;
const REQUEST_ID_SHAPE = /^[A-Za-z0-9._-]{8,64}$/;

export interface BuiltApp {
  app: NestFastifyApplication;
  logger: Logger;
  openApiDocument: OpenAPIObject;
  /** Every route the API registered (method and URL), to check the OpenAPI document is complete. */
  apiRoutes: Array<{ method: string; url: string }>;
}

export async function createApp(config: AppConfig): Promise<BuiltApp> {
  const logger = createRootLogger(config.LOG_LEVEL);
  const adapter = new FastifyAdapter({
    loggerInstance: logger,
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID_SHAPE.test(incoming) ? incoming : randomUUID();
    },
  });
  const fastify = adapter.getInstance() as unknown as FastifyInstance;
  const apiRoutes: BuiltApp['apiRoutes'] = [];
  fastify.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    for (const method of [route.method].flat()) if (method !== 'HEAD') apiRoutes.push({ method, url: route.url });
  });
  fastify.addHook('onRequest', (request, _reply, done) => {
    const userAgent = request.headers['user-agent'];
    requestContext.run({ requestId: request.id, ip: request.ip, userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 255) : null }, done);
  });
  fastify.addHook('onSend', async (request, reply) => {
    void reply.header('x-request-id', request.id);
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule, adapter, {
    logger: new PinoNestLogger(logger),
    bufferLogs: false,
    // Signed webhooks are verified against the bytes that were signed.
    rawBody: true,
  });
  app.setGlobalPrefix('api');
  app.enableShutdownHooks();
  app.enableCors({
    origin: config.CORS_ORIGINS ? config.CORS_ORIGINS.split(',').map((origin) => origin.trim()) : false,
    credentials: false,
  });
  const adminDistDir = config.ADMIN_DIST_DIR ?? defaultAdminDistDir;
  const h5DistDir = config.H5_DIST_DIR ?? defaultH5DistDir;
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // No 'unsafe-inline': an injected <script> cannot run. The one inline script a build ships (Taro's H5 sizing
        // script) is allowed by its hash, read from the index.html being served.
        scriptSrc: ["'self'", ...[adminDistDir, h5DistDir].flatMap(inlineScriptHashes)],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', 'https:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  // Excel imports arrive as multipart/form-data (one file); every other body stays JSON under BODY_LIMIT_BYTES.
  await app.register(multipart, { limits: { fileSize: config.IMPORT_MAX_BYTES, files: 1, fields: 10, parts: 11 } });
  await serveFrontEnd(fastify, '/admin/', adminDistDir, logger);
  await serveFrontEnd(fastify, '/h5/', h5DistDir, logger);

  const openApiDocument = cleanupOpenApiDoc(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle('Dealership customer system API')
        .setDescription('Errors are `{statusCode, code, message, requestId, details?}`. `x-access` on each operation says who may call it.')
        .setVersion('1.0')
        .addBearerAuth()
        .build(),
    ),
  );
  if (apiDocsEnabled(config)) SwaggerModule.setup('api/docs', app, openApiDocument, { jsonDocumentUrl: 'api/docs-json' });
  await app.init();
  return { app, logger, openApiDocument, apiRoutes };
}

/** CSP source expressions ('sha256-…') for the inline scripts of a build's index.html; none when there is no build. */
export function inlineScriptHashes(distDir: string): string[] {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) return [];
  const html = readFileSync(indexPath, 'utf8');
  return [...html.matchAll(/<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi)].map(
    ([, body]) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
  );
}

/**
 * Serves a built single-page app under a prefix; unknown paths below it get index.html so client-side
 * routes survive a reload. A missing build is logged, not fatal: the API still serves.
 */
async function serveFrontEnd(fastify: FastifyInstance, prefix: string, distDir: string, logger: { warn: (message: string) => void }) {
  const indexPath = join(distDir, 'index.html');
  if (!existsSync(indexPath)) {
    logger.warn(`No build at ${distDir}; ${prefix} is not served (run pnpm build)`);
    return;
  }
  const indexHtml = readFileSync(indexPath);
  await fastify.register(fastifyStatic, { root: distDir, prefix, wildcard: false, decorateReply: false, index: ['index.html'] });
  const base = prefix.replace(/\/$/, '');
  fastify.get(base, (_request, reply) => reply.redirect(prefix));
  fastify.get(`${prefix}*`, (_request: FastifyRequest, reply) => reply.type('text/html; charset=utf-8').send(indexHtml));
}
