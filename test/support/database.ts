import mysql from 'mysql2/promise';

/** Direct SQL for tests that must reach behind the API (to age a task, read a secret). */
export async function sql<Row = Record<string, unknown>>(databaseUrl: string, statement: string, values: unknown[] = []): Promise<Row[]> {
  const connection = await mysql.createConnection(databaseUrl);
  try {
    const [rows] = await connection.query(statement, values);
    return rows as Row[];
  } finally {
    await connection.end();
  }
}
