-- scalar subqueries in the select list and WHERE
CREATE TABLE t (id int PRIMARY KEY, grp int, v int);
INSERT INTO t VALUES (1, 1, 10), (2, 1, 20), (3, 2, 30), (4, 3, NULL);
SELECT id, (SELECT max(v) FROM t t2 WHERE t2.grp = t.grp) AS grp_max FROM t ORDER BY id;
SELECT id FROM t WHERE v > (SELECT avg(v) FROM t) ORDER BY id;
SELECT (SELECT count(*) FROM t) AS n, (SELECT min(id) FROM t WHERE v IS NULL) AS first_null;
SELECT id, v - (SELECT min(v) FROM t) FROM t ORDER BY id;
SELECT (SELECT v FROM t WHERE id = 99) IS NULL;
SELECT id FROM t WHERE (SELECT count(*) FROM t t2 WHERE t2.v < t.v) = 1;
-- errors
SELECT (SELECT id FROM t);
SELECT (SELECT id, v FROM t LIMIT 1);
