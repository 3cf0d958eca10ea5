-- How EXPLAIN shows row comparisons: ordering ones as ROW(...) op ROW(...), = and <> per column
CREATE TABLE rc (a int, b int);
INSERT INTO rc VALUES (1, 1), (1, 2), (2, NULL);
EXPLAIN (COSTS OFF) SELECT * FROM rc WHERE (a, b) < (1, 2);
EXPLAIN (COSTS OFF) SELECT * FROM rc WHERE (a, b) = (1, 2);
EXPLAIN (COSTS OFF) SELECT * FROM rc WHERE (a, b) >= (b, a + 1);
EXPLAIN (COSTS OFF) SELECT * FROM rc WHERE (a, b) <> (1, 2);
SELECT a, b, (a, b) < (1, 2) AS lt, (a, b) = (1, 2) AS eq, (a, b) <> (1, 2) AS ne FROM rc ORDER BY a, b;
-- errors
SELECT * FROM rc WHERE (a, b) < (1, 2, 3);
