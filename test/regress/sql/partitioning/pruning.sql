-- Plan-time partition pruning: a scan of a partitioned table reads only the partitions whose
-- bounds can hold rows that meet its conditions on the key, as EXPLAIN shows.
CREATE TABLE prune_ev (id int, ts timestamptz NOT NULL, kind text) PARTITION BY RANGE (ts);
CREATE TABLE prune_ev_2024_01 PARTITION OF prune_ev FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE prune_ev_2024_02 PARTITION OF prune_ev FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');
CREATE TABLE prune_ev_2024_03 PARTITION OF prune_ev FOR VALUES FROM ('2024-03-01') TO ('2024-04-01');
CREATE TABLE prune_ev_def PARTITION OF prune_ev DEFAULT;
INSERT INTO prune_ev SELECT g, timestamptz '2023-12-20' + g * interval '1 day', 'k' || (g % 3) FROM generate_series(1, 120) g;
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev;
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE ts >= '2024-02-01';
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE ts < '2024-02-01';
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE ts = '2024-01-05';
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev e WHERE ts = '2024-01-05';
EXPLAIN (COSTS OFF) SELECT count(*) FROM prune_ev WHERE ts >= '2024-02-10' AND ts < '2024-02-20';
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE id = 5;
SELECT count(*) FROM prune_ev WHERE ts >= '2024-02-10' AND ts < '2024-02-20';
SELECT count(*) FROM prune_ev WHERE ts < '2024-01-01';
SELECT id, ts FROM prune_ev WHERE ts = '2024-01-05';
SELECT min(ts), max(ts), count(*) FROM prune_ev WHERE ts > '2024-03-15';
-- list partitions, NULL, and a partition partitioned again
CREATE TABLE prune_lp (a int, b text) PARTITION BY LIST (b);
CREATE TABLE prune_lp_ab PARTITION OF prune_lp FOR VALUES IN ('a', 'b');
CREATE TABLE prune_lp_null PARTITION OF prune_lp FOR VALUES IN (NULL);
CREATE TABLE prune_lp_c PARTITION OF prune_lp FOR VALUES IN ('c') PARTITION BY RANGE (a);
CREATE TABLE prune_lp_c1 PARTITION OF prune_lp_c FOR VALUES FROM (MINVALUE) TO (10);
CREATE TABLE prune_lp_c2 PARTITION OF prune_lp_c FOR VALUES FROM (10) TO (MAXVALUE);
CREATE TABLE prune_lp_def PARTITION OF prune_lp DEFAULT;
INSERT INTO prune_lp VALUES (1, 'a'), (2, NULL), (3, 'c'), (30, 'c'), (4, 'b'), (5, 'zz');
EXPLAIN (COSTS OFF) SELECT * FROM prune_lp;
EXPLAIN (COSTS OFF) SELECT * FROM prune_lp WHERE b = 'c';
EXPLAIN (COSTS OFF) SELECT * FROM prune_lp WHERE a > 20;
EXPLAIN (COSTS OFF) SELECT * FROM prune_lp WHERE b IS NULL;
EXPLAIN (COSTS OFF) SELECT * FROM prune_lp WHERE b = 'zz';
EXPLAIN (COSTS OFF) SELECT * FROM prune_lp WHERE b > 'b';
SELECT * FROM prune_lp WHERE b = 'c' ORDER BY a;
SELECT * FROM prune_lp WHERE b IS NULL;
SELECT * FROM prune_lp WHERE b > 'b' ORDER BY a;
SELECT * FROM prune_lp WHERE b IN ('a', 'zz') ORDER BY a;
-- hash partitions: equality on the key names one partition
CREATE TABLE prune_hp (id int, v text) PARTITION BY HASH (id);
CREATE TABLE prune_hp0 PARTITION OF prune_hp FOR VALUES WITH (MODULUS 4, REMAINDER 0);
CREATE TABLE prune_hp1 PARTITION OF prune_hp FOR VALUES WITH (MODULUS 4, REMAINDER 1);
CREATE TABLE prune_hp2 PARTITION OF prune_hp FOR VALUES WITH (MODULUS 4, REMAINDER 2);
CREATE TABLE prune_hp3 PARTITION OF prune_hp FOR VALUES WITH (MODULUS 4, REMAINDER 3);
INSERT INTO prune_hp SELECT g, 'v' || g FROM generate_series(1, 100) g;
EXPLAIN (COSTS OFF) SELECT * FROM prune_hp WHERE id = 42;
EXPLAIN (COSTS OFF) SELECT * FROM prune_hp WHERE id = 7;
EXPLAIN (COSTS OFF) SELECT * FROM prune_hp WHERE id > 90;
SELECT * FROM prune_hp WHERE id = 42;
SELECT count(*) FROM prune_hp WHERE id > 90;
-- a prepared statement's parameters prune when it runs, with their values
PREPARE prune_q(timestamptz) AS SELECT count(*) FROM prune_ev WHERE ts >= $1;
EXECUTE prune_q('2024-03-25');
EXECUTE prune_q('2023-01-01');
EXECUTE prune_q(NULL);
DEALLOCATE prune_q;
PREPARE prune_r(timestamptz, timestamptz) AS SELECT min(id), max(id), count(*) FROM prune_ev WHERE ts >= $1 AND ts < $2;
EXECUTE prune_r('2024-01-10', '2024-02-10');
EXECUTE prune_r('2024-02-29', '2024-03-02');
EXECUTE prune_r('2023-01-01', '2023-12-31');
EXECUTE prune_r('2024-03-31', '2025-01-01');
DEALLOCATE prune_r;
PREPARE prune_l(text, text) AS SELECT a, b FROM prune_lp WHERE b IN ($1, $2) ORDER BY a;
EXECUTE prune_l('a', 'c');
EXECUTE prune_l('zz', NULL);
EXECUTE prune_l(NULL, NULL);
DEALLOCATE prune_l;
PREPARE prune_h(int) AS SELECT * FROM prune_hp WHERE id = $1;
EXECUTE prune_h(42);
EXECUTE prune_h(7);
EXECUTE prune_h(1000);
DEALLOCATE prune_h;
-- stable calls are evaluated when the scan starts
SELECT count(*) FROM prune_ev WHERE ts < now();
SELECT count(*) FROM prune_ev WHERE ts >= '2024-03-01'::date + 0 AND ts < ('2024-03-01'::date + 7)::timestamptz;
-- joins and subqueries read the partitions the same way
SELECT e.id, l.b FROM prune_ev e JOIN prune_lp l ON l.a = e.id WHERE e.ts < '2024-01-01' ORDER BY e.id;
SELECT count(*) FROM prune_ev WHERE id IN (SELECT id FROM prune_hp WHERE id < 10);
-- EXPLAIN shows the run-time pruning of stable conditions as the executor's start-up does
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE ts < '2024-02-01'::timestamptz + (now() - now());
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE ts < '2024-03-01' AND ts >= '2024-02-10'::timestamptz + (now() - now());
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE ts < '2024-02-15' AND ts >= '2024-01-15'::timestamptz + (now() - now());
EXPLAIN (COSTS OFF) SELECT count(*) FROM prune_lp WHERE b IN ('a', 'zz' || (now() - now())::text);
-- enable_partition_pruning = off reads every partition, at plan time and at run time
SET enable_partition_pruning = off;
EXPLAIN (COSTS OFF) SELECT * FROM prune_ev WHERE ts = '2024-01-05';
SELECT count(*) FROM prune_ev WHERE ts >= '2024-02-01';
PREPARE prune_off(timestamptz) AS SELECT count(*) FROM prune_ev WHERE ts >= $1;
EXECUTE prune_off('2024-03-25');
DEALLOCATE prune_off;
RESET enable_partition_pruning;
-- every partition pruned, or none yet: the empty scan still has the table's columns
CREATE TABLE prune_ids (id int);
INSERT INTO prune_ids VALUES (1), (2), (42);
CREATE TABLE prune_none (a int, b text) PARTITION BY LIST (a);
SELECT * FROM prune_none n JOIN prune_ids i ON n.a = i.id;
UPDATE prune_none n SET b = 'x' FROM prune_ids i WHERE n.a = i.id;
DELETE FROM prune_none n USING prune_ids i WHERE n.a = i.id;
UPDATE prune_hp h SET v = i.id::text FROM prune_ids i WHERE h.id = i.id AND h.id = 1000 RETURNING i.id;
UPDATE prune_hp h SET id = i.id + 1000 FROM prune_ids i WHERE h.id = i.id AND h.id < 3 RETURNING h.id, i.id;
DELETE FROM prune_hp h USING prune_ids i WHERE h.id = i.id + 1000 RETURNING h.id;
DROP TABLE prune_ev, prune_lp, prune_hp, prune_none, prune_ids;
