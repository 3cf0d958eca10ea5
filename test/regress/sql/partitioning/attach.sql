-- ALTER TABLE ... ATTACH PARTITION and DETACH PARTITION.
CREATE TABLE att (a int NOT NULL, b text, c date, CHECK (a >= 0)) PARTITION BY RANGE (a);
CREATE TABLE att1 PARTITION OF att FOR VALUES FROM (0) TO (10);
CREATE TABLE attd PARTITION OF att DEFAULT;
CREATE INDEX att_b ON att (b);
CREATE TABLE att_plain (a int);
CREATE TABLE cand (a int NOT NULL, b text, c date, CONSTRAINT att_a_check CHECK (a >= 0));
INSERT INTO cand VALUES (15, 'x', NULL), (25, 'y', NULL);
ALTER TABLE att_plain ATTACH PARTITION cand FOR VALUES FROM (10) TO (20);
ALTER TABLE att ATTACH PARTITION cand FOR VALUES FROM (10) TO (20);
ALTER TABLE att ATTACH PARTITION cand FOR VALUES FROM (5) TO (30);
ALTER TABLE att ATTACH PARTITION att1 FOR VALUES FROM (50) TO (60);
ALTER TABLE att ATTACH PARTITION att FOR VALUES FROM (50) TO (60);
ALTER TABLE att ATTACH PARTITION cand FOR VALUES IN (1);
-- the columns, NOT NULLs and CHECK constraints must be the parent's
CREATE TABLE cand2 (a int, b text, c date, CONSTRAINT att_a_check CHECK (a >= 0));
ALTER TABLE att ATTACH PARTITION cand2 FOR VALUES FROM (100) TO (200);
CREATE TABLE cand3 (a int NOT NULL, b text, CONSTRAINT att_a_check CHECK (a >= 0));
ALTER TABLE att ATTACH PARTITION cand3 FOR VALUES FROM (100) TO (200);
CREATE TABLE cand4 (a int NOT NULL, b text, c date, d int, CONSTRAINT att_a_check CHECK (a >= 0));
ALTER TABLE att ATTACH PARTITION cand4 FOR VALUES FROM (100) TO (200);
CREATE TABLE cand5 (a int NOT NULL, b int, c date, CONSTRAINT att_a_check CHECK (a >= 0));
ALTER TABLE att ATTACH PARTITION cand5 FOR VALUES FROM (100) TO (200);
CREATE TABLE cand6 (a int NOT NULL, b text, c date);
ALTER TABLE att ATTACH PARTITION cand6 FOR VALUES FROM (100) TO (200);
CREATE TABLE cand8 (a int NOT NULL, b text, c date, CONSTRAINT att_a_check CHECK (a > 0));
ALTER TABLE att ATTACH PARTITION cand8 FOR VALUES FROM (100) TO (200);
-- the DEFAULT partition may not hold rows the new partition would take
INSERT INTO att VALUES (150, 'q', NULL);
CREATE TABLE cand7 (a int NOT NULL, b text, c date, CONSTRAINT att_a_check CHECK (a >= 0));
ALTER TABLE att ATTACH PARTITION cand7 FOR VALUES FROM (100) TO (200);
DELETE FROM att WHERE a = 150;
ALTER TABLE att ATTACH PARTITION cand7 FOR VALUES FROM (100) TO (200);
ALTER TABLE att ATTACH PARTITION cand FOR VALUES FROM (10) TO (30);
SELECT * FROM att WHERE a >= 10 ORDER BY a;
INSERT INTO att VALUES (20, 'routed', NULL);
SELECT * FROM cand ORDER BY a;
SELECT c.relname, c.relispartition, pg_get_expr(c.relpartbound, c.oid) FROM pg_class c
WHERE c.relname IN ('cand', 'cand7', 'att1', 'attd') ORDER BY 1;
\d cand
-- DETACH
ALTER TABLE att DETACH PARTITION cand CONCURRENTLY;
ALTER TABLE att DETACH PARTITION att_plain;
ALTER TABLE att DETACH PARTITION cand FINALIZE;
BEGIN;
ALTER TABLE att DETACH PARTITION cand CONCURRENTLY;
ROLLBACK;
BEGIN;
ALTER TABLE att DETACH PARTITION cand;
SELECT count(*) FROM att WHERE a BETWEEN 10 AND 29;
ROLLBACK;
SELECT count(*) FROM att WHERE a BETWEEN 10 AND 29;
ALTER TABLE att DETACH PARTITION cand;
SELECT relispartition FROM pg_class WHERE relname = 'cand';
INSERT INTO cand VALUES (99, 'free', NULL);
SELECT count(*) FROM att WHERE a BETWEEN 10 AND 29;
INSERT INTO att VALUES (21, 'nowhere', NULL);
SELECT * FROM attd;
ALTER TABLE att DETACH PARTITION cand;
DROP TABLE attd;
ALTER TABLE att DETACH PARTITION att1 CONCURRENTLY;
SELECT relispartition FROM pg_class WHERE relname = 'att1';
ALTER TABLE att DETACH PARTITION att1 FINALIZE;
-- a migration: a live table becomes a partition of a new partitioned table
CREATE TABLE logs (id bigint NOT NULL, at timestamptz NOT NULL, msg text);
INSERT INTO logs SELECT g, timestamptz '2024-01-01' + g * interval '1 hour', 'm' || g FROM generate_series(1, 100) g;
CREATE TABLE logs_p (id bigint NOT NULL, at timestamptz NOT NULL, msg text) PARTITION BY RANGE (at);
ALTER TABLE logs_p ATTACH PARTITION logs FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE logs_2024_02 PARTITION OF logs_p FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
INSERT INTO logs_p VALUES (101, '2024-02-02', 'new');
SELECT count(*), min(id), max(id) FROM logs_p;
SELECT count(*) FROM logs;
DROP TABLE att, att_plain, cand, cand2, cand3, cand4, cand5, cand6, cand8, att1, logs_p;
