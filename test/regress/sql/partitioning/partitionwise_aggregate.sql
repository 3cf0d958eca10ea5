-- Partition-wise aggregation (enable_partitionwise_aggregate = on): a GROUP BY holding the
-- partition key aggregates each partition apart and appends the results; HAVING filters each.
CREATE TABLE pwa (id int, r text, v int, d numeric) PARTITION BY LIST (r);
CREATE TABLE pwa_a PARTITION OF pwa FOR VALUES IN ('a');
CREATE TABLE pwa_b PARTITION OF pwa FOR VALUES IN ('b');
CREATE TABLE pwa_c PARTITION OF pwa FOR VALUES IN ('c');
INSERT INTO pwa SELECT g, CASE g % 3 WHEN 0 THEN 'a' WHEN 1 THEN 'b' ELSE 'c' END, g % 7, g / 10.0 FROM generate_series(1, 300) g;
ANALYZE pwa;
-- off (the default): one aggregate over the partitions
EXPLAIN (COSTS OFF) SELECT r, count(*) FROM pwa GROUP BY r ORDER BY r;
SET enable_partitionwise_aggregate = on;
EXPLAIN (COSTS OFF) SELECT r, count(*) FROM pwa GROUP BY r ORDER BY r;
SELECT r, count(*) FROM pwa GROUP BY r ORDER BY r;
EXPLAIN (COSTS OFF) SELECT r, v, count(*), avg(d) FROM pwa GROUP BY r, v HAVING avg(d) < 15 ORDER BY 1, 2;
SELECT r, v, count(*), avg(d) FROM pwa GROUP BY r, v HAVING avg(d) < 15 ORDER BY 1, 2;
-- every kind of aggregate works per partition (each group is in one)
SELECT r, count(DISTINCT v), string_agg(id::text, ',' ORDER BY id) FILTER (WHERE id < 10), max(d) - min(d)
  FROM pwa GROUP BY r ORDER BY r;
SELECT r, sum(v) FROM pwa WHERE id < 100 GROUP BY r ORDER BY r;
-- a GROUP BY without the key is aggregated whole: the same groups
SELECT v, count(*) FROM pwa GROUP BY v ORDER BY v;
-- an expression key: the GROUP BY must hold the expression
CREATE TABLE pwe (id int, name text) PARTITION BY LIST (lower(name));
CREATE TABLE pwe_x PARTITION OF pwe FOR VALUES IN ('x');
CREATE TABLE pwe_y PARTITION OF pwe FOR VALUES IN ('y');
INSERT INTO pwe SELECT g, CASE WHEN g % 2 = 0 THEN 'X' ELSE 'y' END FROM generate_series(1, 20) g;
EXPLAIN (COSTS OFF) SELECT lower(name), count(*) FROM pwe GROUP BY lower(name) ORDER BY 1;
SELECT lower(name), count(*) FROM pwe GROUP BY lower(name) ORDER BY 1;
SELECT name, count(*) FROM pwe GROUP BY name ORDER BY 1;
-- two levels: a group spans the leaves of a partitioned partition unless its key is grouped too
CREATE TABLE pwm (id int, r text, n int) PARTITION BY LIST (r);
CREATE TABLE pwm_a PARTITION OF pwm FOR VALUES IN ('a') PARTITION BY RANGE (n);
CREATE TABLE pwm_a_lo PARTITION OF pwm_a FOR VALUES FROM (0) TO (5);
CREATE TABLE pwm_a_hi PARTITION OF pwm_a FOR VALUES FROM (5) TO (10);
CREATE TABLE pwm_b PARTITION OF pwm FOR VALUES IN ('b');
INSERT INTO pwm SELECT g, CASE WHEN g % 2 = 0 THEN 'a' ELSE 'b' END, g % 10 FROM generate_series(1, 40) g;
SELECT r, count(*), sum(n) FROM pwm GROUP BY r ORDER BY r;
SELECT r, n, count(*) FROM pwm GROUP BY r, n ORDER BY r, n;
RESET enable_partitionwise_aggregate;
DROP TABLE pwa, pwe, pwm;
