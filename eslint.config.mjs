import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';
import { readFileSync } from 'node:fs';

/**
 * A module owns its tables (server/src/modules/table-owners.json): its code names no other module's Prisma model,
 * neither as a Prisma call (`tx.customer.update`) nor in raw SQL (`UPDATE customers`). A plugin rule rather than
 * no-restricted-syntax, so that other restricted-syntax lists for the same files do not replace it.
 */
const PRISMA_CALLS = new Set(['aggregate', 'count', 'create', 'createMany', 'createManyAndReturn', 'delete', 'deleteMany', 'findFirst', 'findFirstOrThrow', 'findMany', 'findUnique', 'findUniqueOrThrow', 'groupBy', 'update', 'updateMany', 'updateManyAndReturn', 'upsert']);
const RAW_SQL_TAGS = /^(\$queryRaw|\$executeRaw|sql)$/;

const ownership = JSON.parse(readFileSync(new URL('./server/src/modules/table-owners.json', import.meta.url), 'utf8'));
const schema = readFileSync(new URL('./prisma/schema.prisma', import.meta.url), 'utf8');
/** model (as Prisma's client names it: `leadTouch`) → its table (`lead_touches`). */
const tableOf = new Map(
  [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].map(([, model, body]) => [
    model[0].toLowerCase() + model.slice(1),
    body.match(/@@map\("(\w+)"\)/)?.[1] ?? model,
  ]),
);
const ownerOf = new Map();
for (const [owner, models] of Object.entries(ownership.owners)) {
  for (const model of models) {
    if (!tableOf.has(model)) throw new Error(`table-owners.json: ${model} is not a model in prisma/schema.prisma`);
    if (ownerOf.has(model)) throw new Error(`table-owners.json: ${model} is owned by both ${ownerOf.get(model)} and ${owner}`);
    ownerOf.set(model, owner);
  }
}
for (const model of tableOf.keys()) if (!ownerOf.has(model)) throw new Error(`table-owners.json: no module owns ${model}`);

const moduleOwnsItsTables = {
  meta: { type: 'problem', schema: [{ type: 'object' }] },
  create(context) {
    const { module: self, allowed } = context.options[0];
    const foreign = (model) => ownerOf.has(model) && ownerOf.get(model) !== self && !allowed.includes(model);
    const foreignTables = new Map([...ownerOf].filter(([model]) => foreign(model)).map(([model]) => [tableOf.get(model), model]));
    const sqlNamesTable = foreignTables.size ? new RegExp(`\\b(?:FROM|JOIN|UPDATE|INTO)\\s+\`?(${[...foreignTables.keys()].join('|')})\\b`, 'gi') : null;
    const report = (node, model) =>
      context.report({ node, message: `modules/${self} uses the ${ownerOf.get(model)} module's table (${model}): go through that module's exported service or functions.` });
    return {
      MemberExpression(node) {
        const delegate = node.object;
        if (node.property.type !== 'Identifier' || !PRISMA_CALLS.has(node.property.name)) return;
        if (delegate.type !== 'MemberExpression' || delegate.property.type !== 'Identifier') return;
        if (foreign(delegate.property.name)) report(delegate.property, delegate.property.name);
      },
      TaggedTemplateExpression(node) {
        const tag = node.tag.type === 'MemberExpression' ? node.tag.property : node.tag;
        if (!sqlNamesTable || tag.type !== 'Identifier' || !RAW_SQL_TAGS.test(tag.name)) return;
        for (const quasi of node.quasi.quasis) {
          for (const [, table] of quasi.value.raw.matchAll(sqlNamesTable)) report(quasi, foreignTables.get(table.toLowerCase()));
        }
      },
    };
  },
};
const ownershipPlugin = { rules: { 'module-owns-its-tables': moduleOwnsItsTables } };
const tableOwnershipConfigs = Object.keys(ownership.owners)
  .filter((module) => module !== 'core' && ownership.exceptions[module]?.models !== '*')
  .map((module) => ({
    files: [`server/src/modules/${module}/**/*.ts`],
    plugins: { ownership: ownershipPlugin },
    rules: { 'ownership/module-owns-its-tables': ['error', { module, allowed: ownership.exceptions[module]?.models ?? [] }] },
  }));

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      '**/dist/**',
      '**/.swc/**',
      'server/src/generated/**',
      'miniapp/.taro-cache/**',
      'test/artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    files: ['admin/src/**/*.{ts,tsx}', 'miniapp/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
    },
  },
  {
    // The weapp main package has a 1 MB budget: the mini-program takes the contracts' types (free at run time) and
    // their dependency-free *.rules, never a zod schema at run time.
    files: ['miniapp/src/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'zod', message: 'Types only (import type) in the mini-program.', allowTypeImports: true }],
          patterns: [{ group: ['server/contracts/*.contract'], message: 'Types only (import type): zod schemas stay out of the weapp.', allowTypeImports: true }],
        },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest } },
  },
  ...tableOwnershipConfigs,
);
