-- WITH RECURSIVE: hierarchies and series
CREATE TABLE org (id int PRIMARY KEY, parent int REFERENCES org, name text);
INSERT INTO org VALUES (1, NULL, 'root'), (2, 1, 'eng'), (3, 1, 'ops'), (4, 2, 'db'), (5, 4, 'storage'), (6, 3, 'sre');
WITH RECURSIVE sub(id, name, depth) AS (
  SELECT id, name, 0 FROM org WHERE id = 2
  UNION ALL
  SELECT o.id, o.name, s.depth + 1 FROM org o JOIN sub s ON o.parent = s.id
) SELECT * FROM sub ORDER BY depth, id;
WITH RECURSIVE path(id, trail) AS (
  SELECT id, name FROM org WHERE parent IS NULL
  UNION ALL
  SELECT o.id, p.trail || '/' || o.name FROM org o, path p WHERE o.parent = p.id
) SELECT trail FROM path ORDER BY trail;
WITH RECURSIVE up(id, parent) AS (
  SELECT id, parent FROM org WHERE name = 'storage'
  UNION
  SELECT o.id, o.parent FROM org o JOIN up ON o.id = up.parent
) SELECT count(*) FROM up;
WITH RECURSIVE fib(n, a, b) AS (SELECT 1, 0::numeric, 1::numeric UNION ALL SELECT n + 1, b, a + b FROM fib WHERE n < 90)
SELECT a FROM fib WHERE n = 90;
WITH RECURSIVE cycle(x) AS (SELECT 1 UNION SELECT (x % 5) + 1 FROM cycle) SELECT array_agg(x) FROM cycle;
WITH RECURSIVE dates(d) AS (SELECT date '2024-02-27' UNION ALL SELECT d + 1 FROM dates WHERE d < date '2024-03-02') SELECT d FROM dates;
-- errors
WITH RECURSIVE bad(x) AS (SELECT x FROM bad) SELECT * FROM bad;
WITH RECURSIVE bad(x) AS (SELECT 1 UNION ALL SELECT 'a'::text FROM bad) SELECT * FROM bad;
