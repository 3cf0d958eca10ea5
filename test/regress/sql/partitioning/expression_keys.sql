-- Partition keys that are expressions: bounds typed by the expression, rows routed by its
-- value, the errors (and their DETAIL) when a row or a key does not fit, the catalog's view
-- of such keys, and pruning on conditions that name the expression.

-- RANGE on an operator expression; the bounds are compared with (a + 1), not with a
CREATE TABLE pexpr_r (a int, b text) PARTITION BY RANGE ((a + 1));
CREATE TABLE pexpr_r1 PARTITION OF pexpr_r FOR VALUES FROM (MINVALUE) TO (10);
CREATE TABLE pexpr_r2 PARTITION OF pexpr_r FOR VALUES FROM (10) TO (20);
INSERT INTO pexpr_r VALUES (0, 'a'), (8, 'b'), (9, 'c'), (18, 'd');
SELECT tableoid::regclass, * FROM pexpr_r ORDER BY a;
-- no partition for (a + 1) = 20, nor for a NULL key
INSERT INTO pexpr_r VALUES (19, 'e');
INSERT INTO pexpr_r VALUES (NULL, 'n');

-- LIST on a function call, with text bounds matching lower()'s result, and a DEFAULT
CREATE TABLE pexpr_l (id int, name text) PARTITION BY LIST (lower(name));
CREATE TABLE pexpr_l_ab PARTITION OF pexpr_l FOR VALUES IN ('abc', 'bcd');
CREATE TABLE pexpr_l_x PARTITION OF pexpr_l FOR VALUES IN ('xyz');
INSERT INTO pexpr_l VALUES (1, 'ABC'), (2, 'abc'), (3, 'Bcd'), (4, 'XyZ');
INSERT INTO pexpr_l VALUES (5, 'Zed');
CREATE TABLE pexpr_l_def PARTITION OF pexpr_l DEFAULT;
INSERT INTO pexpr_l VALUES (5, 'Zed'), (6, NULL);
SELECT tableoid::regclass, * FROM pexpr_l ORDER BY id;

-- RANGE on extract(): the key is numeric, so are the bounds
CREATE TABLE pexpr_y (d date, v int) PARTITION BY RANGE ((extract(year from d)));
CREATE TABLE pexpr_y23 PARTITION OF pexpr_y FOR VALUES FROM (2023) TO (2024);
CREATE TABLE pexpr_y24 PARTITION OF pexpr_y FOR VALUES FROM (2024) TO (2025);
CREATE TABLE pexpr_y25 PARTITION OF pexpr_y FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
INSERT INTO pexpr_y VALUES ('2023-12-31', 1), ('2024-01-01', 2), ('2024-06-15', 3);
INSERT INTO pexpr_y VALUES ('2025-03-01', 4);
SELECT tableoid::regclass, * FROM pexpr_y ORDER BY d;

-- a key mixing a column and an expression: rows compare as (a, b * 2)
CREATE TABLE pexpr_m (a int, b int) PARTITION BY RANGE (a, (b * 2));
CREATE TABLE pexpr_m1 PARTITION OF pexpr_m FOR VALUES FROM (0, 0) TO (10, 10);
CREATE TABLE pexpr_m2 PARTITION OF pexpr_m FOR VALUES FROM (10, 10) TO (20, 20);
INSERT INTO pexpr_m VALUES (0, 0), (5, 100), (10, 4), (10, 5), (19, 9);
SELECT tableoid::regclass, a, b, b * 2 AS b2 FROM pexpr_m ORDER BY a, b;
-- (20, 1) gives (20, 2), below the upper bound (20, 20); (20, 10) gives (20, 20), not below it
INSERT INTO pexpr_m VALUES (20, 1) RETURNING tableoid::regclass, *;
INSERT INTO pexpr_m VALUES (20, 10);
INSERT INTO pexpr_m VALUES (-1, 50);

-- writes straight into a partition must fit its bound, on the expression's value
INSERT INTO pexpr_l_x VALUES (7, 'abc');
INSERT INTO pexpr_l_x VALUES (7, 'XYZ');
INSERT INTO pexpr_r2 VALUES (9, 'x');
INSERT INTO pexpr_l_def VALUES (8, 'Abc');
UPDATE pexpr_l_x SET name = 'abc' WHERE id = 7;

-- UPDATE: a new value whose expression leaves the partition moves the row; one that keeps
-- the same lower() stays where it is
UPDATE pexpr_l SET name = 'xyz' WHERE id = 1;
UPDATE pexpr_l SET name = 'ABC' WHERE id = 2;
UPDATE pexpr_l SET name = 'new' WHERE id = 4 RETURNING tableoid::regclass, *;
UPDATE pexpr_r SET a = a + 1 WHERE b = 'b';
UPDATE pexpr_r SET a = 50 WHERE b = 'a';
SELECT tableoid::regclass, * FROM pexpr_l ORDER BY id;
SELECT tableoid::regclass, * FROM pexpr_r ORDER BY a, b;

-- the catalog's view of the keys: with or without extra parentheses in CREATE
CREATE TABLE pexpr_p1 (name text) PARTITION BY LIST ((lower(name)));
CREATE TABLE pexpr_p2 (a int, b int) PARTITION BY RANGE ((a+1), b, ((a * b) - 1));
-- an operator expression needs its own parentheses
CREATE TABLE pexpr_p3 (a int) PARTITION BY RANGE (a + 1);
SELECT pg_get_partkeydef('pexpr_r'::regclass) AS r, pg_get_partkeydef('pexpr_l'::regclass) AS l,
       pg_get_partkeydef('pexpr_p1'::regclass) AS p1;
SELECT pg_get_partkeydef('pexpr_y'::regclass) AS y, pg_get_partkeydef('pexpr_m'::regclass) AS m,
       pg_get_partkeydef('pexpr_p2'::regclass) AS p2;
SELECT partrelid::regclass, partstrat, partnatts, partattrs FROM pg_partitioned_table
 WHERE partrelid::regclass::text LIKE 'pexpr\_%' ORDER BY partrelid::regclass::text;
SELECT c.relname, pg_get_expr(c.relpartbound, c.oid) AS bound FROM pg_class c
 WHERE c.relname LIKE 'pexpr\_%' AND c.relispartition ORDER BY 1;
SELECT pg_get_partition_constraintdef('pexpr_l_ab'::regclass), pg_get_partition_constraintdef('pexpr_r1'::regclass);
SELECT pg_get_partition_constraintdef('pexpr_m2'::regclass);
-- renaming a column used by the expression renames it in the key
ALTER TABLE pexpr_p1 RENAME COLUMN name TO label;
SELECT pg_get_partkeydef('pexpr_p1'::regclass);
DROP TABLE pexpr_p1, pexpr_p2;

-- keys that cannot be
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE ((1));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE ((random()));
CREATE TABLE pexpr_bad (a int, t timestamptz) PARTITION BY RANGE ((extract(year from t)));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE ((count(*)));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE ((row_number() OVER ()));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE (((SELECT 1)));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE ((generate_series(1, a)));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE (xmin);
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE ((xmin::text));
CREATE TABLE pexpr_bad (a int) PARTITION BY LIST ((tableoid::int + a));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE ((nope + 1));
CREATE TABLE pexpr_bad (a int, g int GENERATED ALWAYS AS (a * 2) STORED) PARTITION BY RANGE (g);
CREATE TABLE pexpr_bad (a int, g int GENERATED ALWAYS AS (a * 2) STORED) PARTITION BY RANGE ((g + 1));
CREATE TABLE pexpr_bad (a int) PARTITION BY RANGE (((a::text)::json));
CREATE TABLE pexpr_bad (a int) PARTITION BY LIST ((a + 1), a);

-- PRIMARY KEY and UNIQUE cannot include an expression key
CREATE TABLE pexpr_pk (a int PRIMARY KEY) PARTITION BY RANGE ((a + 1));
CREATE TABLE pexpr_pk (a int, b int, UNIQUE (a, b)) PARTITION BY RANGE (a, (b * 2));
ALTER TABLE pexpr_l ADD PRIMARY KEY (id, name);
CREATE UNIQUE INDEX pexpr_l_uq ON pexpr_l (lower(name));

-- a column used in a key expression can be neither dropped nor retyped
ALTER TABLE pexpr_l DROP COLUMN name;
ALTER TABLE pexpr_l ALTER COLUMN name TYPE varchar(20);
ALTER TABLE pexpr_m DROP COLUMN b;
ALTER TABLE pexpr_m ALTER COLUMN b TYPE bigint;
ALTER TABLE pexpr_l_x DROP COLUMN name;
-- pruning: a condition on the expression prunes, one on the bare column does not
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_l WHERE lower(name) = 'abc';
SELECT tableoid::regclass, * FROM pexpr_l WHERE lower(name) IN ('abc', 'xyz') ORDER BY id;
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_l WHERE name = 'abc';
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_r WHERE (a + 1) < 10;
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_r WHERE a + 1 >= 10;
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_r WHERE a < 5;
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_y WHERE extract(year from d) = 2024;
SELECT * FROM pexpr_l WHERE lower(name) = 'abc' ORDER BY id;
SELECT * FROM pexpr_r WHERE (a + 1) < 10 ORDER BY a;
PREPARE pexpr_q(text) AS SELECT id, name FROM pexpr_l WHERE lower(name) = $1 ORDER BY id;
EXECUTE pexpr_q('xyz');
DEALLOCATE pexpr_q;

-- HASH on expressions: rows with the same key value share a partition
CREATE TABLE pexpr_h (a int) PARTITION BY HASH ((a / 2));
CREATE TABLE pexpr_h0 PARTITION OF pexpr_h FOR VALUES WITH (MODULUS 3, REMAINDER 0);
CREATE TABLE pexpr_h1 PARTITION OF pexpr_h FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE pexpr_h2 PARTITION OF pexpr_h FOR VALUES WITH (MODULUS 3, REMAINDER 2);
INSERT INTO pexpr_h SELECT g FROM generate_series(1, 20) g;
SELECT tableoid::regclass::text AS part, count(*) FROM pexpr_h GROUP BY 1 ORDER BY 1;
SELECT tableoid::regclass::text AS part, string_agg(a::text, ',' ORDER BY a) AS rows FROM pexpr_h GROUP BY 1 ORDER BY 1;
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_h WHERE (a / 2) = 5;
CREATE TABLE pexpr_hc (code text) PARTITION BY HASH (upper(code));
CREATE TABLE pexpr_hc0 PARTITION OF pexpr_hc FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE pexpr_hc1 PARTITION OF pexpr_hc FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO pexpr_hc VALUES ('abc'), ('ABC'), ('aBc'), ('k'), ('K'), ('x'), ('X'), ('y'), (NULL);
SELECT tableoid::regclass::text AS part, code FROM pexpr_hc ORDER BY 1, 2;

-- an index on the parent reaches every partition
CREATE INDEX pexpr_l_lower ON pexpr_l (lower(name));
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'pexpr\_l%' ORDER BY 1, 2;

-- ATTACH checks the table's rows (and the DEFAULT partition's) against the expression bound
CREATE TABLE pexpr_l_q (id int, name text);
INSERT INTO pexpr_l_q VALUES (10, 'Qq'), (11, 'Abc');
ALTER TABLE pexpr_l ATTACH PARTITION pexpr_l_q FOR VALUES IN ('qq');
DELETE FROM pexpr_l_q WHERE id = 11;
ALTER TABLE pexpr_l ATTACH PARTITION pexpr_l_q FOR VALUES IN ('qq');
CREATE TABLE pexpr_l_z (id int, name text);
ALTER TABLE pexpr_l ATTACH PARTITION pexpr_l_z FOR VALUES IN ('zed');
SELECT tableoid::regclass, * FROM pexpr_l ORDER BY id;
SELECT tablename, indexname FROM pg_indexes WHERE tablename = 'pexpr_l_q' ORDER BY 2;

-- two levels: LIST on an expression, one partition sub-partitioned by RANGE on a column
CREATE TABLE pexpr_ml (code text, n int) PARTITION BY LIST (upper(code));
CREATE TABLE pexpr_ml_a PARTITION OF pexpr_ml FOR VALUES IN ('A') PARTITION BY RANGE (n);
CREATE TABLE pexpr_ml_a_lo PARTITION OF pexpr_ml_a FOR VALUES FROM (MINVALUE) TO (100);
CREATE TABLE pexpr_ml_a_hi PARTITION OF pexpr_ml_a FOR VALUES FROM (100) TO (MAXVALUE);
CREATE TABLE pexpr_ml_b PARTITION OF pexpr_ml FOR VALUES IN ('B');
INSERT INTO pexpr_ml VALUES ('a', 5), ('A', 500), ('b', 1), ('B', 1000);
SELECT tableoid::regclass, * FROM pexpr_ml ORDER BY code, n;
INSERT INTO pexpr_ml VALUES ('c', 1);
INSERT INTO pexpr_ml VALUES ('a', NULL);
INSERT INTO pexpr_ml_a_lo VALUES ('b', 1);
UPDATE pexpr_ml SET n = 50 WHERE n = 500;
UPDATE pexpr_ml SET code = 'b' WHERE n = 5;
SELECT tableoid::regclass, * FROM pexpr_ml ORDER BY code, n;
SELECT pg_get_partkeydef('pexpr_ml'::regclass) AS ml, pg_get_partkeydef('pexpr_ml_a'::regclass) AS ml_a;
SELECT pg_get_partition_constraintdef('pexpr_ml_a_lo'::regclass);
EXPLAIN (COSTS OFF) SELECT * FROM pexpr_ml WHERE n < 50 AND upper(code) = 'A';

DROP TABLE pexpr_r, pexpr_l, pexpr_l_z, pexpr_y, pexpr_m, pexpr_h, pexpr_hc, pexpr_ml;
SELECT count(*) FROM pg_class WHERE relname LIKE 'pexpr\_%';
