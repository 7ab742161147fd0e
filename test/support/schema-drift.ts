import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getDMMF } from '@prisma/internals';
import mysql from 'mysql2/promise';
import { repoRoot } from './test-server';

/** A table as both sides describe it: column → "type [NULL]", and index signatures. */
interface TableShape {
  columns: Map<string, string>;
  indexes: Set<string>;
}

type SchemaShape = Map<string, TableShape>;

type Dmmf = Awaited<ReturnType<typeof getDMMF>>;
type DmmfField = Dmmf['datamodel']['models'][number]['fields'][number];

const INTEGER_TYPES = /^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/;

function nativeColumnType(field: DmmfField, enums: Map<string, string[]>): string {
  if (field.kind === 'enum') return `enum(${enums.get(field.type)!.map((value) => `'${value}'`).join(',')})`;
  const [nativeName, nativeArgs] = (field.nativeType as [string, string[]] | null) ?? [undefined, []];
  if (nativeName) {
    const name = nativeName.toLowerCase();
    if (['tinyint', 'smallint', 'mediumint', 'int', 'bigint', 'text', 'mediumtext', 'longtext', 'tinytext', 'date', 'json'].includes(name)) {
      return name === 'json' ? 'longtext' : name;
    }
    return nativeArgs.length ? `${name}(${nativeArgs.join(',')})` : name;
  }
  switch (field.type) {
    case 'String':
      return 'varchar(191)';
    case 'Int':
      return 'int';
    case 'BigInt':
      return 'bigint';
    case 'Boolean':
      return 'boolean';
    case 'DateTime':
      return 'datetime(3)';
    case 'Float':
      return 'double';
    case 'Decimal':
      return 'decimal(65,30)';
    case 'Json':
      return 'longtext';
    default:
      throw new Error(`No MySQL type known for Prisma type ${field.type}`);
  }
}

/** What schema.prisma says the database must look like. */
export async function expectedSchema(): Promise<SchemaShape> {
  const dmmf = await getDMMF({ datamodel: readFileSync(join(repoRoot, 'prisma', 'schema.prisma'), 'utf8') });
  const enums = new Map(dmmf.datamodel.enums.map((enumType) => [enumType.name, enumType.values.map((value) => value.dbName ?? value.name)]));
  const shape: SchemaShape = new Map();
  for (const model of dmmf.datamodel.models) {
    const columnOf = new Map<string, string>();
    const columns = new Map<string, string>();
    for (const field of model.fields) {
      if (field.kind === 'object') continue;
      const column = field.dbName ?? field.name;
      columnOf.set(field.name, column);
      columns.set(column, `${nativeColumnType(field, enums)}${field.isRequired ? '' : ' NULL'}`);
    }
    const indexes = new Set(
      dmmf.datamodel.indexes
        .filter((index) => index.model === model.name)
        .map((index) => `${index.type === 'id' ? 'primary' : index.type === 'unique' ? 'unique' : 'index'}(${index.fields.map((field) => columnOf.get(field.name)).join(',')})`),
    );
    shape.set(model.dbName ?? model.name, { columns, indexes });
  }
  return shape;
}

/** What the migrated database looks like. */
export async function actualSchema(databaseUrl: string): Promise<SchemaShape> {
  const connection = await mysql.createConnection(databaseUrl);
  try {
    const database = new URL(databaseUrl).pathname.slice(1);
    const [columnRows] = await connection.query(
      `SELECT TABLE_NAME AS tableName, COLUMN_NAME AS columnName, COLUMN_TYPE AS columnType, IS_NULLABLE AS nullable
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> '_prisma_migrations' ORDER BY ORDINAL_POSITION`,
      [database],
    );
    const [indexRows] = await connection.query(
      `SELECT TABLE_NAME AS tableName, INDEX_NAME AS indexName, NON_UNIQUE AS nonUnique, GROUP_CONCAT(COLUMN_NAME ORDER BY SEQ_IN_INDEX) AS columns
         FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> '_prisma_migrations'
         GROUP BY TABLE_NAME, INDEX_NAME, NON_UNIQUE`,
      [database],
    );
    const shape: SchemaShape = new Map();
    const table = (name: string) => {
      if (!shape.has(name)) shape.set(name, { columns: new Map(), indexes: new Set() });
      return shape.get(name)!;
    };
    for (const row of columnRows as Array<{ tableName: string; columnName: string; columnType: string; nullable: string }>) {
      const type = row.columnType === 'tinyint(1)' ? 'boolean' : row.columnType.replace(INTEGER_TYPES, '$1').replace(/ unsigned$/, '');
      table(row.tableName).columns.set(row.columnName, `${type}${row.nullable === 'YES' ? ' NULL' : ''}`);
    }
    for (const row of indexRows as Array<{ tableName: string; indexName: string; nonUnique: number; columns: string }>) {
      const kind = row.indexName === 'PRIMARY' ? 'primary' : Number(row.nonUnique) === 0 ? 'unique' : 'index';
      table(row.tableName).indexes.add(`${kind}(${row.columns})`);
    }
    return shape;
  } finally {
    await connection.end();
  }
}

/** Every disagreement between the two, as readable lines; empty when they match. */
export function schemaDifferences(expected: SchemaShape, actual: SchemaShape): string[] {
  const differences: string[] = [];
  for (const tableName of new Set([...expected.keys(), ...actual.keys()])) {
    const want = expected.get(tableName);
    const have = actual.get(tableName);
    if (!want || !have) {
      differences.push(`table ${tableName}: ${want ? 'missing in the database' : 'not in schema.prisma'}`);
      continue;
    }
    for (const column of new Set([...want.columns.keys(), ...have.columns.keys()])) {
      if (want.columns.get(column) !== have.columns.get(column)) {
        differences.push(`${tableName}.${column}: schema.prisma says ${want.columns.get(column) ?? '(absent)'}, database has ${have.columns.get(column) ?? '(absent)'}`);
      }
    }
    for (const index of want.indexes) if (!have.indexes.has(index)) differences.push(`${tableName}: index ${index} missing in the database`);
    for (const index of have.indexes) if (!want.indexes.has(index)) differences.push(`${tableName}: index ${index} not in schema.prisma`);
  }
  return differences;
}
