import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

function findRepoRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${start}`);
    dir = parent;
  }
  return dir;
}

/** Where the repository's folders are, whether the server runs from src/ or from dist/. */
export const repoRoot = findRepoRoot(__dirname);
export const migrationsDir = join(repoRoot, 'prisma', 'migrations');
export const defaultAdminDistDir = join(repoRoot, 'admin', 'dist');
export const defaultH5DistDir = join(repoRoot, 'miniapp', 'dist', 'h5');
