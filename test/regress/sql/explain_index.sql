-- the planner uses btree indexes for equality, ranges and ORDER BY ... LIMIT
SET enable_bitmapscan = off;
CREATE TABLE t (id int PRIMARY KEY, a int, b text, c int);
CREATE INDEX t_a ON t (a);
CREATE INDEX t_b_lower ON t (lower(b));
CREATE INDEX t_c_partial ON t (c) WHERE c > 100;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE id = 5;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE a = 3;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE b = 'x';
EXPLAIN (COSTS OFF) SELECT * FROM t;
EXPLAIN (COSTS OFF) SELECT * FROM t WHERE c = 5;
EXPLAIN (COSTS OFF) SELECT id FROM t ORDER BY b;
-- errors

EXPLAIN (NOSUCH) SELECT 1;
EXPLAIN (COSTS OFF) SELECT * FROM nosuch;
