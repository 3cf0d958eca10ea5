-- The planner reads ANALYZE's statistics: an index condition that keeps most of a table's
-- rows is answered by a sequential scan, a selective one through the index.
SET enable_bitmapscan = off;
CREATE TABLE orders (id int PRIMARY KEY, status text, qty int, note text);
CREATE INDEX orders_status ON orders (status);
CREATE INDEX orders_qty ON orders (qty);
INSERT INTO orders
SELECT i, CASE WHEN i % 100 = 0 THEN 'new' WHEN i % 100 = 1 THEN 'held' ELSE 'done' END, i % 1000, repeat('n', 50)
FROM generate_series(1, 20000) i;
ANALYZE orders;
SELECT attname, most_common_vals, most_common_freqs FROM pg_stats WHERE tablename = 'orders' AND attname = 'status';
-- a common value, and a rare one
EXPLAIN (COSTS OFF) SELECT count(*) FROM orders WHERE status = 'done';
EXPLAIN (COSTS OFF) SELECT count(*) FROM orders WHERE status = 'new';
SELECT count(*) FROM orders WHERE status = 'done';
SELECT count(*) FROM orders WHERE status = 'new';
-- a value that is not among the most common ones
EXPLAIN (COSTS OFF) SELECT * FROM orders WHERE status = 'lost';
-- ranges, from the histogram
EXPLAIN (COSTS OFF) SELECT count(*) FROM orders WHERE qty < 900;
EXPLAIN (COSTS OFF) SELECT count(*) FROM orders WHERE qty < 5;
EXPLAIN (COSTS OFF) SELECT count(*) FROM orders WHERE qty > 100;
EXPLAIN (COSTS OFF) SELECT count(*) FROM orders WHERE qty >= 995;
SELECT count(*) FROM orders WHERE qty < 900;
SELECT count(*) FROM orders WHERE qty >= 995;
-- both conditions together keep few rows
EXPLAIN (COSTS OFF) SELECT count(*) FROM orders WHERE status = 'done' AND qty = 7;
SELECT count(*) FROM orders WHERE status = 'done' AND qty = 7;
DROP TABLE orders;
