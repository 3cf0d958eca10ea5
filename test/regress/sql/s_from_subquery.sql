-- subqueries in FROM
CREATE TABLE m (k text, v int);
INSERT INTO m VALUES ('a', 1), ('a', 2), ('b', 5);
SELECT * FROM (SELECT k, sum(v) AS s FROM m GROUP BY k) t ORDER BY k;
SELECT t.s * 2 FROM (SELECT sum(v) AS s FROM m) t;
SELECT x.k, y.total FROM (SELECT DISTINCT k FROM m) x JOIN (SELECT k, sum(v) total FROM m GROUP BY k) y ON x.k = y.k ORDER BY 1;
SELECT * FROM (SELECT * FROM (SELECT k, v FROM m WHERE v > 1) a) b ORDER BY v;
SELECT * FROM (VALUES (1)) v(x), (SELECT count(*) FROM m) c(n);
-- errors
SELECT * FROM (SELECT 1);
SELECT t.nosuch FROM (SELECT 1 AS x) t;
