-- Multi-tenant RLS keyed on current_setting('app.current_tenant_id', true)::uuid: SET, SET LOCAL, set_config, DML, ON CONFLICT, joins, subqueries, CTEs
CREATE ROLE regress_app;
CREATE TABLE items (id int PRIMARY KEY, tenant_id uuid NOT NULL, name text NOT NULL, qty int NOT NULL DEFAULT 0);
CREATE TABLE notes (id int PRIMARY KEY, item_id int NOT NULL, tenant_id uuid NOT NULL, note text);
INSERT INTO items VALUES
  (1, 'aaaaaaaa-0000-0000-0000-000000000001', 'apple', 10), (2, 'aaaaaaaa-0000-0000-0000-000000000001', 'apricot', 20),
  (3, 'aaaaaaaa-0000-0000-0000-000000000001', 'avocado', 30), (4, 'bbbbbbbb-0000-0000-0000-000000000002', 'banana', 40),
  (5, 'bbbbbbbb-0000-0000-0000-000000000002', 'blueberry', 50), (6, 'cccccccc-0000-0000-0000-000000000003', 'cherry', 60);
INSERT INTO notes VALUES
  (1, 1, 'aaaaaaaa-0000-0000-0000-000000000001', 'red'), (2, 3, 'aaaaaaaa-0000-0000-0000-000000000001', 'ripe'),
  (3, 4, 'bbbbbbbb-0000-0000-0000-000000000002', 'yellow'), (4, 6, 'cccccccc-0000-0000-0000-000000000003', 'dark'),
  (5, 1, 'cccccccc-0000-0000-0000-000000000003', 'foreign note on item 1');
ALTER TABLE items ENABLE ROW LEVEL SECURITY;
ALTER TABLE notes ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON items FOR ALL
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);
CREATE POLICY tenant_isolation ON notes FOR ALL
  USING (tenant_id = current_setting('app.current_tenant_id', true)::uuid)
  WITH CHECK (tenant_id = current_setting('app.current_tenant_id', true)::uuid);
GRANT SELECT, INSERT, UPDATE, DELETE ON items, notes TO regress_app;
SELECT tablename, policyname, cmd, qual, with_check FROM pg_policies WHERE tablename IN ('items', 'notes') ORDER BY 1, 2;
SET ROLE regress_app;
-- never set: current_setting(..., true) is NULL and nothing is visible or insertable
SELECT current_setting('app.current_tenant_id', true) IS NULL AS unset;
SELECT count(*) FROM items;
INSERT INTO items VALUES (10, 'aaaaaaaa-0000-0000-0000-000000000001', 'acai', 1);
-- tenant a
SET app.current_tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001';
SELECT id, name, qty FROM items ORDER BY id;
SELECT count(*), sum(qty) FROM items;
SELECT * FROM items WHERE id = 4;
-- tenant b sees only its rows; updates and deletes touch only them
SET app.current_tenant_id TO 'bbbbbbbb-0000-0000-0000-000000000002';
SELECT id, name, qty FROM items ORDER BY id;
WITH u AS (UPDATE items SET qty = qty + 1 RETURNING id, qty) SELECT * FROM u ORDER BY id;
UPDATE items SET qty = 0 WHERE id = 1 RETURNING id;
DELETE FROM items WHERE id IN (1, 6) RETURNING id;
UPDATE items SET tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001' WHERE id = 4;
INSERT INTO items VALUES (11, 'bbbbbbbb-0000-0000-0000-000000000002', 'blackberry', 5) RETURNING id, name;
INSERT INTO items VALUES (12, 'aaaaaaaa-0000-0000-0000-000000000001', 'sneaky', 5);
DELETE FROM items WHERE id = 11 RETURNING id, name;
-- SET LOCAL lasts for the transaction only
BEGIN;
SET LOCAL app.current_tenant_id = 'cccccccc-0000-0000-0000-000000000003';
SELECT id, name FROM items ORDER BY id;
COMMIT;
SELECT current_setting('app.current_tenant_id', true);
SELECT id, name FROM items ORDER BY id;
BEGIN;
SELECT set_config('app.current_tenant_id', 'aaaaaaaa-0000-0000-0000-000000000001', true);
SELECT count(*) FROM items;
ROLLBACK;
SELECT count(*) FROM items;
-- set_config(..., false) is a session-level SET
SELECT set_config('app.current_tenant_id', 'cccccccc-0000-0000-0000-000000000003', false);
SELECT id, name FROM items ORDER BY id;
-- after RESET the setting is an empty string, not NULL: the cast fails (22P02)
RESET app.current_tenant_id;
SELECT current_setting('app.current_tenant_id', true) = '' AS empty;
SELECT count(*) FROM items;
SET app.current_tenant_id = '42';
SELECT count(*) FROM items;
INSERT INTO items VALUES (13, 'aaaaaaaa-0000-0000-0000-000000000001', 'x', 1);
-- ON CONFLICT under RLS (tenant a)
SET app.current_tenant_id = 'aaaaaaaa-0000-0000-0000-000000000001';
INSERT INTO items VALUES (1, 'aaaaaaaa-0000-0000-0000-000000000001', 'apple', 5)
  ON CONFLICT (id) DO UPDATE SET qty = items.qty + excluded.qty RETURNING id, name, qty;
INSERT INTO items VALUES (14, 'aaaaaaaa-0000-0000-0000-000000000001', 'almond', 7)
  ON CONFLICT (id) DO UPDATE SET qty = items.qty + excluded.qty RETURNING id, name, qty;
INSERT INTO items VALUES (4, 'aaaaaaaa-0000-0000-0000-000000000001', 'banana?', 1)
  ON CONFLICT (id) DO UPDATE SET qty = excluded.qty;
INSERT INTO items VALUES (4, 'aaaaaaaa-0000-0000-0000-000000000001', 'banana?', 1)
  ON CONFLICT (id) DO NOTHING RETURNING id;
INSERT INTO items VALUES (2, 'aaaaaaaa-0000-0000-0000-000000000001', 'apricot', 1)
  ON CONFLICT (id) DO UPDATE SET tenant_id = 'bbbbbbbb-0000-0000-0000-000000000002';
-- joins, subqueries and CTEs see only the tenant's rows of each table
SELECT i.id, i.name, n.note FROM items i JOIN notes n ON n.item_id = i.id ORDER BY i.id, n.id;
SELECT i.id, i.name, n.note FROM items i LEFT JOIN notes n ON n.item_id = i.id ORDER BY i.id, n.id;
SELECT name FROM items WHERE id IN (SELECT item_id FROM notes) ORDER BY name;
SELECT name, (SELECT count(*) FROM notes n WHERE n.item_id = i.id) AS notes FROM items i ORDER BY name;
WITH heavy AS (SELECT id, name FROM items WHERE qty >= 15) SELECT h.name, n.note FROM heavy h LEFT JOIN notes n ON n.item_id = h.id ORDER BY 1;
SELECT count(*) FROM items i, notes n WHERE n.tenant_id <> i.tenant_id;
-- UPDATE ... FROM and DELETE ... USING
WITH u AS (UPDATE items SET qty = qty * 2 FROM notes WHERE notes.item_id = items.id RETURNING items.id, items.qty)
  SELECT * FROM u ORDER BY id;
WITH d AS (DELETE FROM notes USING items WHERE items.id = notes.item_id AND items.name = 'avocado' RETURNING notes.id)
  SELECT * FROM d ORDER BY id;
-- tenant c still has its own data; the foreign note on item 1 joins to nothing
SET app.current_tenant_id = 'cccccccc-0000-0000-0000-000000000003';
SELECT n.id, n.note, i.name FROM notes n LEFT JOIN items i ON i.id = n.item_id ORDER BY n.id;
RESET ROLE;
RESET app.current_tenant_id;
-- the table owner (a superuser here) sees the whole picture
SELECT tenant_id, count(*), sum(qty) FROM items GROUP BY tenant_id ORDER BY tenant_id;
SELECT id, item_id, note FROM notes ORDER BY id;
DROP TABLE items, notes;
DROP ROLE regress_app;
