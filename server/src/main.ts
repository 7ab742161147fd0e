import 'reflect-metadata';
import { loadConfig } from './core/config/config';
import { isTransientConnectionLoss } from './core/database/connection-loss';
import { createApp } from './core/http/create-app';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  const { app, logger } = await createApp(config);
  process.on('unhandledRejection', (reason) => {
    if (isTransientConnectionLoss(reason)) {
      logger.warn({ err: reason }, 'Database connection lost; the pool reconnects when it is back');
      return;
    }
    logger.fatal({ err: reason }, 'Unhandled promise rejection; exiting');
    process.exit(1);
  });
  await app.listen({ port: config.PORT, host: config.HOST });
}

bootstrap().catch((error: unknown) => {
  process.stderr.write(`Server failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
