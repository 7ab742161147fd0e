// Used by the Prisma CLI (generate; migrate deploy where the native schema engine can be downloaded).
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: '../prisma/schema.prisma',
  migrations: { path: '../prisma/migrations', seed: 'pnpm db:seed' },
  datasource: { url: process.env.DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/dealer' },
});
