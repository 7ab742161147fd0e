import 'reflect-metadata';
import { loadConfig } from './core/config/config';
import { createApp } from './core/http/create-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const { app } = await createApp(config);
  await app.listen({ port: config.PORT, host: config.HOST });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
