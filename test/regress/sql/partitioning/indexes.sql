-- Indexes and keys of partitioned tables: made on every partition, used by scans of each.
CREATE TABLE pidx (id int NOT NULL, grp text NOT NULL, at date, PRIMARY KEY (id, grp)) PARTITION BY LIST (grp);
CREATE TABLE pidx_a PARTITION OF pidx FOR VALUES IN ('a');
CREATE TABLE pidx_b PARTITION OF pidx FOR VALUES IN ('b') PARTITION BY RANGE (id);
CREATE TABLE pidx_b1 PARTITION OF pidx_b FOR VALUES FROM (0) TO (100);
CREATE INDEX pidx_at ON pidx (at);
CREATE UNIQUE INDEX pidx_u ON pidx (at);
CREATE UNIQUE INDEX pidx_u ON pidx (at, grp);
CREATE TABLE pidx_u (a int, b int, UNIQUE (a, b)) PARTITION BY RANGE (a);
CREATE TABLE pidx_u1 PARTITION OF pidx_u FOR VALUES FROM (1) TO (10);
\d pidx_u1
DROP TABLE pidx_u;
CREATE TABLE pidx_c PARTITION OF pidx FOR VALUES IN ('c');
SELECT tablename, indexname, indexdef FROM pg_indexes WHERE tablename LIKE 'pidx%' ORDER BY 1, 2;
INSERT INTO pidx SELECT g, CASE WHEN g % 3 = 0 THEN 'a' WHEN g % 3 = 1 THEN 'b' ELSE 'c' END, date '2024-01-01' + g
FROM generate_series(1, 90) g;
INSERT INTO pidx VALUES (3, 'a', '2030-01-01');
INSERT INTO pidx VALUES (300, 'a', '2024-01-04');
SELECT * FROM pidx WHERE id = 4 AND grp = 'b';
SELECT count(*) FROM pidx WHERE at BETWEEN '2024-02-01' AND '2024-02-10';
EXPLAIN (COSTS OFF) SELECT * FROM pidx WHERE id = 4 AND grp = 'b';
\d pidx_c
-- a foreign key from a partitioned table is checked in every partition
CREATE TABLE pidx_ref (code text PRIMARY KEY);
INSERT INTO pidx_ref VALUES ('x');
CREATE TABLE pidx_fk (id int, code text REFERENCES pidx_ref) PARTITION BY HASH (id);
CREATE TABLE pidx_fk0 PARTITION OF pidx_fk FOR VALUES WITH (MODULUS 2, REMAINDER 0);
CREATE TABLE pidx_fk1 PARTITION OF pidx_fk FOR VALUES WITH (MODULUS 2, REMAINDER 1);
INSERT INTO pidx_fk VALUES (1, 'x'), (2, 'x');
INSERT INTO pidx_fk VALUES (3, 'y');
DELETE FROM pidx_ref;
-- what partitions cannot change
ALTER TABLE pidx_a ADD COLUMN extra int;
ALTER TABLE pidx_a DROP COLUMN at;
ALTER TABLE pidx_a ALTER COLUMN at TYPE timestamp;
ALTER TABLE pidx_a RENAME COLUMN at TO at2;
ALTER TABLE pidx_a ALTER COLUMN at SET DEFAULT '2024-01-01';
INSERT INTO pidx_a (id, grp) VALUES (999, 'a');
SELECT at FROM pidx_a WHERE id = 999;
ALTER TABLE pidx_a RENAME TO pidx_a2;
SELECT count(*) FROM pidx WHERE grp = 'a';
DROP INDEX pidx_at;
DROP TABLE pidx, pidx_fk, pidx_ref;
