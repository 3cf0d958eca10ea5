// node-postgres (npm's pg, installed into node_modules/ here by run.sh from package.json) as its
// users use it: parameters (extended protocol, text format), type parsing, named prepared
// statements, transactions, error codes, notices, multi-statement simple queries, a pool,
// LISTEN/NOTIFY.
//   node node_pg_test.js PORT
'use strict';
const assert = require('assert');
const pg = require('pg');

const PORT = parseInt(process.argv[2] || '5433', 10);
const T = 'drv_node_' + process.pid;
const CONFIG = { host: '127.0.0.1', port: PORT, user: 'postgres', database: 'postgres',
                 connectionTimeoutMillis: 10000, query_timeout: 30000 };
let passed = 0, failed = 0;

async function withClient(fn) {
  const c = new pg.Client(CONFIG);
  c.on('error', () => {});
  await c.connect();
  try { return await fn(c); } finally { await c.end().catch(() => {}); }
}

function oneLine(e) {
  let s = (e && e.name ? e.name + ': ' : '') + (e && e.message !== undefined ? e.message : String(e));
  if (e && e.code) s += ' [SQLSTATE ' + e.code + ']';
  return s.split('\n').map((x) => x.trim()).filter(Boolean).join(' | ').slice(0, 600);
}

async function check(name, fn) {
  let timer;
  const timeout = new Promise((_, rej) => { timer = setTimeout(() => rej(new Error('timed out after 40s (no answer from the server?)')), 40000); });
  try {
    await Promise.race([withClient(fn), timeout]);
    console.log('ok node_pg.' + name);
    passed++;
  } catch (e) {
    console.log('FAIL node_pg.' + name + ': ' + oneLine(e));
    if (process.env.DRIVERS_VERBOSE) console.log(e.stack);
    failed++;
  } finally {
    clearTimeout(timer);
  }
}

async function expectError(p, code, what) {
  try { await p; } catch (e) { assert.strictEqual(e.code, code, what + ': ' + e.message); return e; }
  throw new Error(what + ': no error');
}

async function main() {
  await check('connect', async (c) => {
    const r = await c.query('SELECT 1 AS one, current_user AS u, version() AS v');
    assert.deepStrictEqual([r.rows[0].one, r.rows[0].u], [1, 'postgres']);
    assert.match(r.rows[0].v, /^PostgreSQL 15/);
    assert.strictEqual(r.rowCount, 1);
    assert.strictEqual(r.fields[0].dataTypeID, 23, 'int4 field oid');
  });

  await check('setup', async (c) => {
    await c.query(`DROP TABLE IF EXISTS ${T}_items`);
    await c.query(`CREATE TABLE ${T}_items (id serial PRIMARY KEY, name text UNIQUE NOT NULL, qty int8,
                   price numeric(10,2), tags text[], doc jsonb, at timestamptz DEFAULT now())`);
  });

  await check('params', async (c) => {
    const r = await c.query('SELECT $1::int + $2::int AS s, $3::text AS t, $4::text IS NULL AS n, $5::bool AS b',
                            [40, 2, "it's \u00e9", null, true]);
    assert.deepStrictEqual(r.rows[0], { s: 42, t: "it's \u00e9", n: true, b: true });
    const ins = await c.query(`INSERT INTO ${T}_items (name, qty, price, tags, doc) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
                              ['first', '9007199254740993', '12.34', ['a', 'b c', 'd"e'], { k: [1, 2], s: 'v' }]);
    assert.strictEqual(ins.rowCount, 1);
    assert.strictEqual(typeof ins.rows[0].id, 'number');
  });

  await check('types', async (c) => {
    const r = await c.query(`SELECT qty, price, tags, doc, at, 9007199254740993::int8 AS big, ARRAY[1,2,NULL]::int[] AS ia,
                             '\\x00ff'::bytea AS by, DATE '2024-02-29' AS d, TIMESTAMPTZ '2024-01-02 03:04:05+02' AS tz,
                             1.5::float8 AS f, '{"x": [true, null]}'::json AS js, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid AS u
                             FROM ${T}_items WHERE name = 'first'`);
    const row = r.rows[0];
    assert.strictEqual(row.qty, '9007199254740993', 'int8 is a string');
    assert.strictEqual(row.big, '9007199254740993', 'int8 literal is a string');
    assert.strictEqual(row.price, '12.34', 'numeric is a string');
    assert.deepStrictEqual(row.tags, ['a', 'b c', 'd"e'], 'text[]');
    assert.deepStrictEqual(row.doc, { k: [1, 2], s: 'v' }, 'jsonb parsed');
    assert.ok(row.at instanceof Date && Math.abs(Date.now() - row.at.getTime()) < 3600e3, 'timestamptz default now()');
    assert.deepStrictEqual(row.ia, [1, 2, null], 'int[]');
    assert.deepStrictEqual([...row.by], [0, 255], 'bytea');
    assert.ok(row.d instanceof Date && row.d.getFullYear() === 2024 && row.d.getMonth() === 1 && row.d.getDate() === 29, 'date');
    assert.strictEqual(row.tz.toISOString(), '2024-01-02T01:04:05.000Z', 'timestamptz');
    assert.strictEqual(row.f, 1.5, 'float8');
    assert.deepStrictEqual(row.js, { x: [true, null] }, 'json parsed');
    assert.strictEqual(row.u, 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 'uuid');
    // a Date parameter and an array parameter
    const r2 = await c.query('SELECT $1::timestamptz AS t, $2::int[] AS a, array_length($2::int[], 1) AS n',
                             [new Date(Date.UTC(2020, 0, 1, 12)), [3, 4, 5]]);
    assert.strictEqual(r2.rows[0].t.toISOString(), '2020-01-01T12:00:00.000Z', 'Date parameter');
    assert.deepStrictEqual([r2.rows[0].a, r2.rows[0].n], [[3, 4, 5], 3], 'array parameter');
  });

  await check('named_prepared_reuse', async (c) => {
    for (let i = 0; i < 8; i++) {
      const r = await c.query({ name: 'drv-add', text: 'SELECT $1::int * 2 AS d, $2::text AS t', values: [i, 's' + i] });
      assert.deepStrictEqual(r.rows[0], { d: i * 2, t: 's' + i }, 'run ' + (i + 1));
    }
    const ins = { name: 'drv-ins', text: `INSERT INTO ${T}_items (name, qty) VALUES ($1, $2)` };
    for (let i = 0; i < 6; i++) await c.query({ ...ins, values: ['prep' + i, i] });
    const r = await c.query(`SELECT count(*)::int AS n, sum(qty)::int AS s FROM ${T}_items WHERE name LIKE 'prep%'`);
    assert.deepStrictEqual(r.rows[0], { n: 6, s: 15 });
    const arr = await c.query({ name: 'drv-arr', text: 'SELECT $1::int[] AS a', values: [[1, 2]], rowMode: 'array' });
    assert.deepStrictEqual(arr.rows, [[[1, 2]]], 'rowMode array');
  });

  await check('transaction', async (c) => {
    await c.query('BEGIN');
    await c.query(`INSERT INTO ${T}_items (name) VALUES ('rolled back')`);
    await c.query('ROLLBACK');
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    assert.strictEqual((await c.query('SHOW transaction_isolation')).rows[0].transaction_isolation, 'repeatable read');
    await c.query(`INSERT INTO ${T}_items (name) VALUES ('committed')`);
    await c.query('SAVEPOINT s1');
    await expectError(c.query(`INSERT INTO ${T}_items (name) VALUES ('committed')`), '23505', 'duplicate in transaction');
    await expectError(c.query('SELECT 1'), '25P02', 'aborted transaction');
    await c.query('ROLLBACK TO SAVEPOINT s1');
    await c.query('COMMIT');
    const r = await c.query(`SELECT name FROM ${T}_items WHERE name IN ('rolled back', 'committed')`);
    assert.deepStrictEqual(r.rows, [{ name: 'committed' }]);
  });

  await check('error_codes', async (c) => {
    const e = await expectError(c.query(`INSERT INTO ${T}_items (name) VALUES ($1)`, ['first']), '23505', 'unique violation');
    assert.strictEqual(e.constraint, `${T}_items_name_key`, 'constraint');
    assert.strictEqual(e.table, `${T}_items`, 'table');
    await expectError(c.query('SELECT * FROM drv_no_such_table'), '42P01', 'undefined table');
    await expectError(c.query('SELECT $1::int', ['x']), '22P02', 'invalid input');
    await expectError(c.query(`INSERT INTO ${T}_items (qty) VALUES (1)`), '23502', 'not null violation');
    await expectError(c.query('SELEC 1'), '42601', 'syntax error');
    assert.strictEqual((await c.query('SELECT 3 AS x')).rows[0].x, 3, 'usable after errors');
  });

  await check('multi_statement_simple_query', async (c) => {
    const rs = await c.query('SELECT 1 AS a; SELECT 2 AS b, 3 AS c; UPDATE ' + T + '_items SET qty = qty WHERE false');
    assert.ok(Array.isArray(rs) && rs.length === 3, 'three results');
    assert.deepStrictEqual([rs[0].rows, rs[1].rows, rs[2].command, rs[2].rowCount],
                           [[{ a: 1 }], [{ b: 2, c: 3 }], 'UPDATE', 0]);
  });

  await check('notice', async (c) => {
    const notices = [];
    c.on('notice', (n) => notices.push(n.message));
    await c.query('DROP TABLE IF EXISTS drv_node_no_such_table');
    assert.ok(notices.some((m) => m.includes('does not exist, skipping')), 'notices: ' + JSON.stringify(notices));
  });

  await check('pool', async () => {
    const pool = new pg.Pool({ ...CONFIG, max: 4 });
    try {
      const rs = await Promise.all(Array.from({ length: 20 }, (_, i) => pool.query('SELECT $1::int * $1::int AS sq', [i])));
      assert.deepStrictEqual(rs.map((r) => r.rows[0].sq), Array.from({ length: 20 }, (_, i) => i * i));
    } finally {
      await pool.end();
    }
  });

  await check('listen_notify', async (c) => {
    const got = new Promise((resolve, reject) => {
      c.on('notification', resolve);
      setTimeout(() => reject(new Error('no notification within 5s')), 5000);
    });
    await c.query(`LISTEN ${T}_chan`);
    await withClient((o) => o.query(`SELECT pg_notify('${T}_chan', 'hello')`));
    const n = await got;
    assert.deepStrictEqual([n.channel, n.payload], [`${T}_chan`, 'hello']);
  });

  await check('teardown', async (c) => {
    await c.query(`DROP TABLE ${T}_items`);
  });
}

main().then(() => process.exit(failed ? 3 : 0), (e) => { console.log('FAIL node_pg.main: ' + oneLine(e)); process.exit(1); });
