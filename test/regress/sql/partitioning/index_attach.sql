-- Partitioned indexes: each partition's index is a partition of its parent's (pg_inherits,
-- relkind 'I'), CREATE INDEX ... ON ONLY, ALTER INDEX ... ATTACH PARTITION, keys added to a
-- partitioned table with and without ONLY, and the DROP INDEX rules, as pg_dump relies on.
CREATE TABLE ia (a int, b int, c text) PARTITION BY RANGE (a);
CREATE TABLE ia1 PARTITION OF ia FOR VALUES FROM (0) TO (10);
CREATE TABLE ia2 PARTITION OF ia FOR VALUES FROM (10) TO (20) PARTITION BY RANGE (a);
CREATE TABLE ia21 PARTITION OF ia2 FOR VALUES FROM (10) TO (15);
CREATE INDEX ia_b ON ia (b);
SELECT c.relname, c.relkind, i.indisvalid FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid
WHERE c.relname LIKE 'ia%' ORDER BY 1;
SELECT inhrelid::regclass, inhparent::regclass, inhseqno FROM pg_inherits
WHERE inhparent IN (SELECT oid FROM pg_class WHERE relname LIKE 'ia%') ORDER BY 1::text;
-- ON ONLY: the parent's index alone, invalid until each partition's is attached
CREATE INDEX ia_c ON ONLY ia (c);
SELECT indisvalid FROM pg_index WHERE indexrelid = 'ia_c'::regclass;
SELECT count(*) FROM pg_indexes WHERE indexname LIKE 'ia%c%';
CREATE INDEX ia1_b2 ON ia1 (b, c);
CREATE TABLE ia_other (a int, c text);
CREATE INDEX ia_other_c ON ia_other (c);
ALTER INDEX ia_c ATTACH PARTITION ia1_b2;
ALTER INDEX ia_c ATTACH PARTITION ia_other_c;
ALTER INDEX ia1_b2 ATTACH PARTITION ia_other_c;
ALTER INDEX ia_c ATTACH PARTITION ia1;
ALTER INDEX ia1 ATTACH PARTITION ia1_b2;
ALTER INDEX ia_c ATTACH PARTITION ia_nope;
CREATE INDEX ia1_c ON ia1 (c);
ALTER INDEX ia_c ATTACH PARTITION ia1_c;
ALTER INDEX ia_c ATTACH PARTITION ia1_c;
CREATE INDEX ia1_c2 ON ia1 (c);
ALTER INDEX ia_c ATTACH PARTITION ia1_c2;
CREATE INDEX ia2_c ON ONLY ia2 (c);
ALTER INDEX ia_c ATTACH PARTITION ia2_c;
SELECT indisvalid FROM pg_index WHERE indexrelid = 'ia2_c'::regclass;
CREATE INDEX ia21_c ON ia21 (c);
ALTER INDEX ia2_c ATTACH PARTITION ia21_c;
SELECT c.relname, i.indisvalid, (SELECT inhparent::regclass FROM pg_inherits WHERE inhrelid = c.oid) AS parent
FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname LIKE 'ia%c%' ORDER BY 1;
-- an attached index goes only with its parent, and takes its partitions with it
DROP INDEX ia1_c;
DROP INDEX ia21_b_idx;
DROP INDEX ia_c;
SELECT indexname FROM pg_indexes WHERE tablename LIKE 'ia%' ORDER BY 1;
-- a table attached with an equal index keeps it as the partition's
CREATE TABLE ia3 (a int, b int, c text);
CREATE INDEX ia3_b ON ia3 (b);
ALTER TABLE ia ATTACH PARTITION ia3 FOR VALUES FROM (20) TO (30);
SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'ia_b'::regclass ORDER BY 1::text;
ALTER TABLE ia DETACH PARTITION ia3;
SELECT inhrelid::regclass FROM pg_inherits WHERE inhparent = 'ia_b'::regclass ORDER BY 1::text;
DROP TABLE ia3, ia_other;
-- keys added to a partitioned table
ALTER TABLE ONLY ia ADD PRIMARY KEY (a);
ALTER TABLE ONLY ia ADD UNIQUE (b);
ALTER TABLE ia ADD UNIQUE (b);
ALTER TABLE ia ADD PRIMARY KEY (a, b);
\d ia
\d ia1
\d ia21
INSERT INTO ia VALUES (1, 1, 'x'), (11, 2, 'y');
INSERT INTO ia VALUES (1, 1, 'z');
CREATE TABLE ia4 PARTITION OF ia FOR VALUES FROM (30) TO (40);
\d ia4
SELECT inhrelid::regclass, inhparent::regclass FROM pg_inherits
WHERE inhparent IN ('ia_pkey'::regclass, 'ia2_pkey'::regclass) ORDER BY 1::text;
-- ONLY: the parent's key alone; partitions' NOT NULL columns first
CREATE TABLE ib (a int, b int) PARTITION BY LIST (a);
CREATE TABLE ib1 PARTITION OF ib FOR VALUES IN (1);
ALTER TABLE ONLY ib ADD PRIMARY KEY (a);
ALTER TABLE ONLY ib ADD UNIQUE (a, b);
SELECT indisvalid FROM pg_index WHERE indexrelid = 'ib_a_b_key'::regclass;
ALTER TABLE ONLY ib1 ADD UNIQUE (a, b);
ALTER INDEX ib_a_b_key ATTACH PARTITION ib1_a_b_key;
SELECT indisvalid FROM pg_index WHERE indexrelid = 'ib_a_b_key'::regclass;
INSERT INTO ib VALUES (1, 1);
INSERT INTO ib VALUES (1, 1);
DROP TABLE ia, ib;
