-- An index built inside a transaction block: the transaction's later statements find its
-- entries (including those of rows it wrote itself), and a rollback of the transaction, a
-- savepoint or the failed statement takes the index away with its entries.
SET enable_seqscan = off;
SET enable_bitmapscan = off;
CREATE TABLE items (id int PRIMARY KEY, a int, doc jsonb);
INSERT INTO items SELECT i, i % 10, jsonb_build_object('k', i % 7, 'tags', jsonb_build_array('t' || i % 3))
  FROM generate_series(1, 500) i;

-- READ COMMITTED: each statement reads a new snapshot
BEGIN;
INSERT INTO items SELECT i, i % 10, jsonb_build_object('k', i % 7) FROM generate_series(501, 600) i;
CREATE INDEX items_a ON items (a);
CREATE INDEX items_doc ON items USING gin (doc jsonb_path_ops);
EXPLAIN (COSTS OFF) SELECT doc FROM items WHERE a = 3;
SELECT count(*), min(id), max(id) FROM items WHERE a = 3;
SELECT count(*) FROM items WHERE doc @> '{"k": 2}';
SELECT count(*) FROM items WHERE doc @> '{"tags": ["t1"]}';
UPDATE items SET a = 42, doc = doc || '{"k": 99}' WHERE id <= 5;
DELETE FROM items WHERE id BETWEEN 590 AND 600;
SELECT count(*) FROM items WHERE a = 42;
SELECT count(*) FROM items WHERE a = 3;
SELECT count(*) FROM items WHERE doc @> '{"k": 99}';
COMMIT;
SELECT count(*) FROM items WHERE a = 3;
SELECT count(*) FROM items WHERE a = 42;
SELECT count(*) FROM items WHERE doc @> '{"k": 2}';
SELECT count(*) FROM items WHERE doc @> '{"k": 99}';

-- a rolled-back index is gone; one of the same name built later sees the rows of then
BEGIN;
CREATE INDEX items_ab ON items (a, id);
SELECT count(*) FROM items WHERE a = 42 AND id > 2;
ROLLBACK;
SELECT count(*) FROM pg_indexes WHERE indexname = 'items_ab';
UPDATE items SET a = 7 WHERE id = 1;
CREATE INDEX items_ab ON items (a, id);
EXPLAIN (COSTS OFF) SELECT doc FROM items WHERE a = 42 AND id > 2;
SELECT id FROM items WHERE a = 42 AND id > 2 ORDER BY id;
SELECT id FROM items WHERE a = 7 AND id < 10 ORDER BY id;

-- a savepoint rolled back takes its index; the transaction's others stay
BEGIN;
CREATE INDEX items_a_desc ON items (a DESC);
SAVEPOINT s;
CREATE INDEX items_id_a ON items (id, a);
ROLLBACK TO SAVEPOINT s;
CREATE INDEX items_id_a ON items (id, a);
SELECT count(*) FROM items WHERE id = 300 AND a = 0;
COMMIT;
SELECT indexname FROM pg_indexes WHERE tablename = 'items' ORDER BY indexname;
SELECT count(*) FROM items WHERE id = 300 AND a = 0;

-- a unique index whose build fails midway leaves nothing behind
INSERT INTO items VALUES (1001, 5, '{}'), (1002, 5, '{}');
CREATE UNIQUE INDEX items_u ON items ((id % 1001));
SELECT count(*) FROM pg_indexes WHERE indexname = 'items_u';
BEGIN;
SAVEPOINT s;
CREATE UNIQUE INDEX items_u ON items ((id % 1001));
ROLLBACK TO SAVEPOINT s;
CREATE UNIQUE INDEX items_u ON items ((id % 1002));
SELECT id FROM items WHERE id % 1002 = 0;
COMMIT;

-- REPEATABLE READ: the snapshot taken at the first query also reads the new index
BEGIN ISOLATION LEVEL REPEATABLE READ;
SELECT count(*) FROM items;
CREATE INDEX items_rr ON items (a, doc);
SELECT count(*) FROM items WHERE a = 4;
ROLLBACK;

-- a function's statements share their caller's snapshot
DO $$
DECLARE n bigint;
BEGIN
  CREATE INDEX items_plus ON items ((a + 1));
  SELECT count(*) INTO n FROM items WHERE a + 1 = 4;
  RAISE NOTICE 'rows: %', n;
END $$;
SELECT count(*) FROM items WHERE a + 1 = 4;
DROP TABLE items;
