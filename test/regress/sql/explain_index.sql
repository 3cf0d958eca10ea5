-- the planner uses btree indexes for equality, ranges and ORDER BY ... LIMIT
SET enable_bitmapscan = off;
CREATE TABLE t (id int PRIMARY KEY, a int, b text, c int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b_lower ON t (lower(b));
CREATE INDEX t_c_partial ON t (c) WHERE c > 100;
INSERT INTO t SELECT x.n * 100 + y.n * 10 + z.n, x.n, 'row ' || y.n, z.n * 50
  FROM (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) x(n),
       (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) y(n),
       (VALUES (0),(1),(2),(3),(4),(5),(6),(7),(8),(9)) z(n);
SELECT count(*), min(id), max(id) FROM t;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id = 5;
SELECT * FROM t WHERE id = 5;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a > 5 ORDER BY a LIMIT 5;
SELECT count(*) FROM t WHERE a = 3;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE lower(b) = 'row 7';
SELECT count(*) FROM t WHERE lower(b) = 'row 7';
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE b = 'x';
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE c = 5;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id > 990 ORDER BY id LIMIT 2;
SELECT id FROM t WHERE id > 995 ORDER BY id LIMIT 2;
EXPLAIN (COSTS OFF) SELECT * FROM t ORDER BY id DESC LIMIT 3;
SELECT id FROM t ORDER BY id DESC LIMIT 3;
-- errors
EXPLAIN (NOSUCH) SELECT 1;
EXPLAIN (COSTS OFF) SELECT * FROM nosuch;
