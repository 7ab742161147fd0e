// The baseline: the same vehicle-models query on a bare Fastify + mysql2 route, nothing else.
import Fastify from 'fastify';
import mysql from 'mysql2/promise';

const pool = mysql.createPool({ uri: process.env.DATABASE_URL, connectionLimit: 10 });
const app = Fastify();

app.get('/bare/vehicle-models', async () => {
  const [rows] = await pool.query(
    `SELECT m.id, m.code, m.name, m.brand, m.energy_type, m.body_type, m.image_url, m.description,
            t.id AS trim_id, t.code AS trim_code, t.name AS trim_name, t.msrp_fen
       FROM vehicle_models m LEFT JOIN vehicle_trims t ON t.model_id = m.id
      WHERE m.active = 1 ORDER BY m.sort_order, m.id, t.msrp_fen`,
  );
  const models = new Map();
  for (const row of rows) {
    if (!models.has(row.id)) {
      models.set(row.id, {
        id: row.id, code: row.code, name: row.name, brand: row.brand, energyType: row.energy_type,
        bodyType: row.body_type, imageUrl: row.image_url, description: row.description, trims: [],
      });
    }
    if (row.trim_id) models.get(row.id).trims.push({ id: row.trim_id, code: row.trim_code, name: row.trim_name, msrpFen: row.msrp_fen });
  }
  return [...models.values()];
});

await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
