-- CLUSTER remembers the table's cluster index (pg_index.indisclustered, psql's \d), a later
-- CLUSTER without USING takes it, and ALTER TABLE ... CLUSTER ON / SET WITHOUT CLUSTER set it.
CREATE TABLE cl (id int PRIMARY KEY, k int, t text);
CREATE INDEX cl_k ON cl (k);
CREATE INDEX cl_t ON cl (t);
CREATE INDEX cl_part ON cl (k) WHERE k > 10;
CREATE TABLE other_cl (id int PRIMARY KEY);
INSERT INTO cl SELECT g, (g * 37) % 100, 't' || g FROM generate_series(1, 500) g;
DELETE FROM cl WHERE id % 4 = 0;

CLUSTER cl;
CLUSTER cl USING cl_k;
SELECT indexrelid::regclass, indisclustered FROM pg_index WHERE indrelid = 'cl'::regclass ORDER BY indexrelid::regclass::text;
CLUSTER cl;
CLUSTER (VERBOSE false) cl USING cl_t;
SELECT indexrelid::regclass, indisclustered FROM pg_index WHERE indrelid = 'cl'::regclass ORDER BY indexrelid::regclass::text;
\d cl
CLUSTER;
BEGIN;
CLUSTER cl USING cl_pkey;
ROLLBACK;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'cl'::regclass AND indisclustered;
ALTER TABLE cl CLUSTER ON cl_k;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid = 'cl'::regclass AND indisclustered;
ALTER TABLE cl SET WITHOUT CLUSTER;
SELECT count(*) FROM pg_index WHERE indrelid = 'cl'::regclass AND indisclustered;
CLUSTER cl;
SELECT count(*), sum(k) FROM cl;
SELECT id, t FROM cl WHERE k = 37 ORDER BY id;

-- errors
CLUSTER cl USING cl_part;
CLUSTER cl USING other_cl_pkey;
CLUSTER cl USING nosuch;
CLUSTER nosuch;
CLUSTER (nosuch) cl;
ALTER TABLE cl CLUSTER ON nosuch;
BEGIN;
CLUSTER;
ROLLBACK;
DROP TABLE cl, other_cl;
