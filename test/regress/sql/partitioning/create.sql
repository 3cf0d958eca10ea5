-- CREATE TABLE ... PARTITION BY / PARTITION OF: keys, bounds of every strategy, PostgreSQL's
-- errors, and the catalogs and psql output that describe them.
CREATE TABLE part_plain (a int);
-- keys
CREATE TABLE part_bad (a int) PARTITION BY foo (a);
CREATE TABLE part_bad (a int, b text) PARTITION BY LIST (a, b);
CREATE TABLE part_bad (a int) PARTITION BY RANGE (z);
CREATE TABLE part_bad (a int PRIMARY KEY, b int) PARTITION BY RANGE (b);
CREATE TABLE part_bad (a int, b int, UNIQUE (a)) PARTITION BY RANGE (b);
CREATE TABLE part_bad (a int, b int GENERATED ALWAYS AS (a * 2) STORED) PARTITION BY RANGE (b);
CREATE TABLE part_bad PARTITION OF part_plain FOR VALUES FROM (1) TO (2);
CREATE TABLE part_bad PARTITION OF part_missing FOR VALUES FROM (1) TO (2);
-- range partitions
CREATE TABLE part_m (id int, ts timestamp, note text) PARTITION BY RANGE (ts);
CREATE TABLE part_m1 PARTITION OF part_m FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE part_m2 PARTITION OF part_m FOR VALUES FROM ('2024-01-15') TO ('2024-03-01');
CREATE TABLE part_m2 PARTITION OF part_m FOR VALUES FROM ('2023-12-01') TO ('2024-01-02');
CREATE TABLE part_m3 PARTITION OF part_m FOR VALUES FROM ('2024-03-01') TO ('2024-03-01');
CREATE TABLE part_m3 PARTITION OF part_m FOR VALUES FROM ('2024-04-01') TO ('2024-03-01');
CREATE TABLE part_m4 PARTITION OF part_m FOR VALUES IN (1);
CREATE TABLE part_m5 PARTITION OF part_m FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE part_m6 PARTITION OF part_m FOR VALUES FROM (1) TO (2);
CREATE TABLE part_m7 PARTITION OF part_m FOR VALUES FROM (NULL) TO ('2025-01-01');
CREATE TABLE part_m8 PARTITION OF part_m FOR VALUES FROM (now()) TO (5);
CREATE TABLE part_m9 PARTITION OF part_m FOR VALUES FROM (id) TO ('2025-01-01');
CREATE TABLE part_m10 PARTITION OF part_m FOR VALUES FROM ('2024-02-01') TO (MAXVALUE);
CREATE TABLE part_md PARTITION OF part_m DEFAULT;
CREATE TABLE part_md2 PARTITION OF part_m DEFAULT;
-- a new partition may not take rows the DEFAULT partition holds
INSERT INTO part_md VALUES (1, '2023-05-01', 'old');
CREATE TABLE part_m0 PARTITION OF part_m FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
DELETE FROM part_md;
CREATE TABLE part_m0 PARTITION OF part_m FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');
-- multi-column range bounds, MINVALUE and MAXVALUE
CREATE TABLE part_r2 (a int, b int) PARTITION BY RANGE (a, b);
CREATE TABLE part_r21 PARTITION OF part_r2 FOR VALUES FROM (1, MINVALUE) TO (1, MAXVALUE);
CREATE TABLE part_r22 PARTITION OF part_r2 FOR VALUES FROM (MINVALUE, 1) TO (1, 2);
CREATE TABLE part_r23 PARTITION OF part_r2 FOR VALUES FROM (2, MAXVALUE) TO (3, 5);
CREATE TABLE part_r24 PARTITION OF part_r2 FOR VALUES FROM (1) TO (2);
CREATE TABLE part_r25 PARTITION OF part_r2 FOR VALUES FROM (5, 'x') TO (6, 1);
CREATE TABLE part_r26 PARTITION OF part_r2 FOR VALUES FROM (0, 5) TO (1, 0);
CREATE TABLE part_r27 PARTITION OF part_r2 FOR VALUES FROM (0, 1) TO (1, 3);
-- list partitions, NULL among the values
CREATE TABLE part_l (a int, b text) PARTITION BY LIST (b);
CREATE TABLE part_l1 PARTITION OF part_l FOR VALUES IN ('x', 'y', NULL, 'x');
CREATE TABLE part_l2 PARTITION OF part_l FOR VALUES IN ('z', 'y');
CREATE TABLE part_l3 PARTITION OF part_l FOR VALUES IN (NULL);
CREATE TABLE part_l4 PARTITION OF part_l FOR VALUES FROM ('a') TO ('b');
-- hash partitions
CREATE TABLE part_h (a int) PARTITION BY HASH (a);
CREATE TABLE part_h1 PARTITION OF part_h FOR VALUES WITH (MODULUS 0, REMAINDER 0);
CREATE TABLE part_h1 PARTITION OF part_h FOR VALUES WITH (MODULUS 4, REMAINDER -1);
CREATE TABLE part_h1 PARTITION OF part_h FOR VALUES WITH (MODULUS 4, REMAINDER 4);
CREATE TABLE part_h1 PARTITION OF part_h FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE part_h2 PARTITION OF part_h FOR VALUES WITH (MODULUS 3, REMAINDER 1);
CREATE TABLE part_h2 PARTITION OF part_h FOR VALUES WITH (MODULUS 2, REMAINDER 1);
CREATE TABLE part_h3 PARTITION OF part_h FOR VALUES WITH (MODULUS 8, REMAINDER 1);
CREATE TABLE part_h3 PARTITION OF part_h FOR VALUES WITH (MODULUS 8, REMAINDER 5);
CREATE TABLE part_h3 PARTITION OF part_h FOR VALUES WITH (MODULUS 8, REMAINDER 2);
CREATE TABLE part_h4 PARTITION OF part_h FOR VALUES WITH (MODULUS 6, REMAINDER 3);
CREATE TABLE part_h5 PARTITION OF part_h FOR VALUES FROM (1) TO (2);
CREATE TABLE part_h6 PARTITION OF part_h DEFAULT;
-- bound values are cast to the key's type, and printed as pg_get_expr prints them
CREATE TABLE part_i4 (a int) PARTITION BY LIST (a);
CREATE TABLE part_i41 PARTITION OF part_i4 FOR VALUES IN (1, -2, NULL, 2.6);
CREATE TABLE part_i8 (a bigint) PARTITION BY LIST (a);
CREATE TABLE part_i81 PARTITION OF part_i8 FOR VALUES IN (1, -2);
CREATE TABLE part_n (a numeric) PARTITION BY LIST (a);
CREATE TABLE part_n1 PARTITION OF part_n FOR VALUES IN (1, -2, 1.5, 'NaN');
CREATE TABLE part_f (a float8) PARTITION BY LIST (a);
CREATE TABLE part_f1 PARTITION OF part_f FOR VALUES IN (1, -2, 1.5);
CREATE TABLE part_b (a bool) PARTITION BY LIST (a);
CREATE TABLE part_b1 PARTITION OF part_b FOR VALUES IN (true);
CREATE TABLE part_t (a text) PARTITION BY LIST (a);
CREATE TABLE part_t1 PARTITION OF part_t FOR VALUES IN ('it''s', 'a\b');
CREATE TABLE part_tz (a timestamptz) PARTITION BY RANGE (a);
CREATE TABLE part_tz1 PARTITION OF part_tz FOR VALUES FROM ('2024-01-01') TO ('2024-02-01 00:00:00+05');
CREATE TABLE part_d (a date) PARTITION BY RANGE (a);
CREATE TABLE part_d1 PARTITION OF part_d FOR VALUES FROM ('2024-01-01') TO (MAXVALUE);
CREATE TABLE part_x (a int) PARTITION BY RANGE (a);
CREATE TABLE part_x1 PARTITION OF part_x FOR VALUES FROM (1 + 1) TO (abs(-10));
CREATE TABLE part_x2 PARTITION OF part_x FOR VALUES FROM ('x') TO (5);
CREATE TABLE part_x3 PARTITION OF part_x FOR VALUES FROM (1.5) TO (5);
CREATE TABLE part_x4 PARTITION OF part_x FOR VALUES FROM (20) TO (30) PARTITION BY LIST (a);
CREATE TABLE part_x41 PARTITION OF part_x4 FOR VALUES IN (21, 22);
-- the catalogs
SELECT c.relname, c.relkind, c.relispartition, c.relhassubclass, pg_get_expr(c.relpartbound, c.oid) AS bound
FROM pg_class c WHERE c.relname LIKE 'part\_%' AND c.relkind IN ('r', 'p') ORDER BY c.relname;
SELECT partrelid::regclass, partstrat, partnatts, partdefid::regclass, partattrs, partclass, partcollation, partexprs
FROM pg_partitioned_table ORDER BY partrelid::regclass::text;
SELECT inhrelid::regclass, inhparent::regclass, inhseqno, inhdetachpending FROM pg_inherits ORDER BY inhrelid::regclass::text;
SELECT pg_get_partkeydef('part_r2'::regclass), pg_get_partkeydef('part_l'::regclass), pg_get_partkeydef('part_h'::regclass),
       pg_get_partkeydef('part_plain'::regclass);
SELECT * FROM pg_partition_ancestors('part_x41');
SELECT * FROM pg_partition_tree('part_x');
SELECT relid, parentrelid, isleaf, level FROM pg_partition_tree('part_x4');
SELECT * FROM pg_partition_tree('part_plain');
SELECT pg_partition_root('part_x41'), pg_partition_root('part_x'), pg_partition_root('part_plain'), pg_partition_root(0);
SELECT tablename FROM pg_tables WHERE tablename LIKE 'part\_x%' ORDER BY 1;
-- bounds print in the session's time zone
SET TimeZone = 'America/New_York';
SELECT pg_get_expr(relpartbound, oid) FROM pg_class WHERE relname = 'part_tz1';
RESET TimeZone;
\d part_m
\d part_m1
\d part_x
-- a partition takes its parent's columns, NOT NULLs, defaults and CHECK constraints
CREATE TABLE part_c (id int NOT NULL, v text DEFAULT 'none', CHECK (id > 0)) PARTITION BY LIST (id);
CREATE TABLE part_c1 PARTITION OF part_c FOR VALUES IN (1, 2);
\d part_c1
INSERT INTO part_c1 (id) VALUES (1);
INSERT INTO part_c1 VALUES (NULL, 'x');
SELECT * FROM part_c1;
-- dropping a partitioned table drops its partitions
DROP TABLE part_m1;
DROP TABLE part_m, part_r2, part_l, part_h, part_i4, part_i8, part_n, part_f, part_b, part_t, part_tz, part_d, part_x, part_c, part_plain;
SELECT count(*) FROM pg_class WHERE relname LIKE 'part\_%';
