/**
 * Prints the OpenAPI document and every registered API route as JSON, without listening or touching the
 * database: `node dist/server/src/openapi.cli.js > openapi.json`. Tests use it to prove the document is complete.
 */
import 'reflect-metadata';
import { loadConfig } from './core/config/config';
import { createApp } from './core/http/create-app';

async function main(): Promise<void> {
  const { app, openApiDocument, apiRoutes } = await createApp({ ...loadConfig(), LOG_LEVEL: 'silent' });
  process.stdout.write(JSON.stringify({ document: openApiDocument, routes: apiRoutes }));
  await app.close();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
