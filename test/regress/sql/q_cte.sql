-- WITH queries (common table expressions)
CREATE TABLE docs (id int PRIMARY KEY, name text, version int, author text);
INSERT INTO docs VALUES (1, 'guide', 1, 'ann'), (2, 'guide', 2, 'bob'), (3, 'faq', 1, 'ann'), (4, 'guide', 3, 'ann'), (5, 'faq', 2, 'cyd');
WITH latest AS (SELECT name, MAX(version) AS version FROM docs GROUP BY name)
SELECT d.* FROM docs d JOIN latest l ON l.name = d.name AND l.version = d.version ORDER BY d.name;
WITH a AS (SELECT 1 AS x), b AS (SELECT x + 1 AS y FROM a) SELECT * FROM a, b;
WITH counts(author, n) AS (SELECT author, count(*) FROM docs GROUP BY author) SELECT * FROM counts WHERE n > 1;
WITH t AS (SELECT id FROM docs WHERE id < 3) SELECT (SELECT count(*) FROM t), (SELECT max(id) FROM t);
WITH t AS (SELECT * FROM docs) SELECT t1.id, t2.id FROM t t1 JOIN t t2 ON t1.version = t2.version AND t1.id < t2.id ORDER BY 1, 2;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10) SELECT sum(i), count(*) FROM n;
WITH outer_cte AS (SELECT 5 AS v) SELECT * FROM (WITH inner_cte AS (SELECT v * 2 AS w FROM outer_cte) SELECT * FROM inner_cte) s;
WITH stale AS (SELECT id FROM docs WHERE version = 1) UPDATE docs SET version = version + 10 WHERE id IN (SELECT id FROM stale);
WITH gone AS (SELECT id FROM docs WHERE author = 'cyd') DELETE FROM docs WHERE id IN (SELECT id FROM gone) RETURNING id;
WITH src AS (SELECT 9 AS id, 'new' AS name) INSERT INTO docs (id, name, version) SELECT id, name, 1 FROM src;
SELECT * FROM docs ORDER BY id;
-- errors
WITH a AS (SELECT 1), a AS (SELECT 2) SELECT * FROM a;
WITH a(x, y) AS (SELECT 1) SELECT * FROM a;
WITH a AS (SELECT nosuch FROM docs) SELECT * FROM a;
WITH a AS (SELECT 1) SELECT * FROM b;
