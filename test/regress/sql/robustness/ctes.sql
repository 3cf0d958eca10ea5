-- WITH queries that read their enclosing query's row (with.sql killed the server with the
-- first one), and recursive queries read lazily: LIMIT stops a recursion without end.
CREATE TABLE int4_tbl (f1 int4);
INSERT INTO int4_tbl VALUES (0), (123456), (-123456), (2147483647), (-2147483647);
SELECT (WITH cte(foo) AS (VALUES (f1)) SELECT (SELECT foo FROM cte)) FROM int4_tbl;
SELECT (WITH cte(foo) AS (SELECT f1 / 2) SELECT foo FROM cte) FROM int4_tbl ORDER BY 1;
SELECT f1, (WITH cte AS (SELECT f1 AS v) SELECT count(*) FROM cte a, cte b WHERE a.v = b.v) FROM int4_tbl ORDER BY 1;
SELECT f1 FROM int4_tbl o WHERE EXISTS (WITH c AS (SELECT o.f1 AS v) SELECT 1 FROM c WHERE v > 0) ORDER BY 1;
SELECT (SELECT (SELECT o.f1)) FROM int4_tbl o ORDER BY 1;
-- an uncorrelated CTE is computed once and shared by its references
WITH c AS (SELECT f1 FROM int4_tbl WHERE f1 > 0) SELECT a.f1, b.f1 FROM c a JOIN c b ON a.f1 = b.f1 ORDER BY 1;
-- lazily read recursion
WITH RECURSIVE t(n) AS (VALUES (1) UNION ALL SELECT n + 1 FROM t) SELECT * FROM t LIMIT 10;
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT n + 1 FROM t) SELECT * FROM t LIMIT 10;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT sum(n) FROM (SELECT n FROM t LIMIT 100) s;
WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t WHERE n < 5) SELECT * FROM t a, t b WHERE a.n = b.n;
WITH RECURSIVE t(n) AS (SELECT 1 UNION SELECT (n % 3) + 1 FROM t) SELECT * FROM t ORDER BY n;
WITH RECURSIVE fib(a, b) AS (SELECT 0::numeric, 1::numeric UNION ALL SELECT b, a + b FROM fib)
SELECT a FROM fib LIMIT 12;
-- what PostgreSQL rejects
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x ORDER BY 1) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x LIMIT 10) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM x OFFSET 10) SELECT * FROM x;
WITH RECURSIVE x(n) AS (SELECT n FROM x UNION ALL SELECT 1) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL SELECT (SELECT * FROM x) FROM x WHERE id < 5) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL SELECT a.id FROM x a, x b) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL SELECT x.id FROM int4_tbl left join x on true) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL SELECT x.id FROM x full join int4_tbl on true) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL (SELECT 1 INTERSECT ALL SELECT id FROM x)) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL (SELECT 1 EXCEPT SELECT id FROM x)) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL (SELECT id + 1 FROM x EXCEPT ALL SELECT 5)) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL (SELECT id + 1 FROM x WHERE id < 4 EXCEPT SELECT 3)) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL SELECT id + 1 FROM (SELECT * FROM x) s WHERE id < 3) SELECT * FROM x;
WITH RECURSIVE x(id) AS (values (1) UNION ALL SELECT id + 1 FROM x WHERE id < 3 AND EXISTS (SELECT 1 FROM int4_tbl)) SELECT * FROM x;
