-- Set-returning calls inside the arguments of set-returning calls, and in ORDER BY: each call
-- runs in a ProjectSet step one above the deepest call among its arguments; the calls of one
-- step run in lockstep.
SELECT generate_series(1, generate_series(1, 3));
SELECT generate_series(1, generate_series(1, 3)) + 1 AS x;
SELECT generate_series(1, 2) AS a, generate_series(1, generate_series(1, 3)) AS b;
SELECT generate_series(generate_series(1, 2), generate_series(3, 4)) AS c, generate_series(1, 3) AS d;
SELECT unnest(ARRAY[generate_series(1, 2), 10]);
SELECT generate_series(1, generate_series(1, generate_series(1, 2)));
SELECT generate_series(1, 3 + generate_series(1, 2) * 0);
SELECT jsonb_array_elements(jsonb_array_elements('[[1, 2], [3]]'));
SELECT generate_series(1, generate_series(1, 3)) ORDER BY 1 DESC LIMIT 3;
SELECT DISTINCT generate_series(1, generate_series(1, 3)) ORDER BY 1;
SELECT coalesce(generate_series(1, generate_series(1, 2)), 0);
SELECT row_number() OVER (), generate_series(1, generate_series(1, 2));
EXPLAIN (COSTS OFF) SELECT generate_series(1, generate_series(1, 3));
EXPLAIN (COSTS OFF) SELECT generate_series(1, generate_series(1, 3)) + 1;
EXPLAIN (COSTS OFF) SELECT generate_series(1, 2), generate_series(1, generate_series(1, 3));

CREATE TABLE srf_nested (n int, a int[]);
INSERT INTO srf_nested VALUES (1, '{1,2}'), (2, '{3}'), (3, NULL);
SELECT n, generate_series(1, unnest(a)) FROM srf_nested ORDER BY 1, 2;
SELECT n, unnest(a), generate_series(1, unnest(a)) FROM srf_nested ORDER BY 1, 2, 3;
SELECT count(*), generate_series(1, generate_series(1, 2)) FROM srf_nested;
SELECT generate_series(1, generate_series(1, 3)) AS g, count(*) FROM srf_nested GROUP BY 1 ORDER BY 1;
SELECT count(*) FROM srf_nested GROUP BY generate_series(1, generate_series(1, 2)) ORDER BY 1;
SELECT x, generate_series(1, x) FROM (SELECT generate_series(1, 3) AS x) s;
SELECT generate_series(1, (SELECT max(n) FROM srf_nested));

-- ORDER BY: a set-returning call there runs with the select list's.
SELECT 1 AS one ORDER BY generate_series(1, generate_series(1, 2));
SELECT n FROM srf_nested ORDER BY generate_series(1, n), n;
SELECT n, generate_series(1, 2) FROM srf_nested ORDER BY generate_series(1, 2) DESC, n;
SELECT n FROM srf_nested GROUP BY n ORDER BY generate_series(1, n), n;

-- INSERT's VALUES of one row: the rows the calls return are inserted.
INSERT INTO srf_nested VALUES (generate_series(4, 5), ARRAY[generate_series(1, 3)]);
INSERT INTO srf_nested (n) VALUES (10 * generate_series(1, generate_series(1, 2)));
SELECT * FROM srf_nested ORDER BY n, a;
DELETE FROM srf_nested WHERE n > 3;

-- Output-column names in DISTINCT ON, and window aggregates over aggregates.
SELECT DISTINCT ON (g) n, generate_series(1, 2) AS g FROM srf_nested ORDER BY g, n;
SELECT DISTINCT ON (n, g) n, generate_series(1, 2) AS g FROM srf_nested ORDER BY n, g;
SELECT sum(count(*)) OVER () AS total, count(*) FROM srf_nested GROUP BY n ORDER BY 2;
SELECT n, count(*), sum(count(*)) OVER (ORDER BY n) FROM srf_nested GROUP BY n ORDER BY n;
SELECT sum(count(*)) OVER (PARTITION BY generate_series(1, 3) ORDER BY generate_series(1, 3)), generate_series(1, 3) AS g
FROM srf_nested GROUP BY g ORDER BY g;

-- Where PostgreSQL refuses them.
SELECT sum(generate_series(1, 3));
SELECT CASE WHEN true THEN generate_series(1, generate_series(1, 2)) END;
SELECT 1 WHERE generate_series(1, 2) > 0;
SELECT n FROM srf_nested GROUP BY n HAVING generate_series(1, n) > 1;
SELECT DISTINCT n FROM srf_nested ORDER BY generate_series(1, n);
INSERT INTO srf_nested VALUES (4) RETURNING n, generate_series(1, n);
INSERT INTO srf_nested VALUES (generate_series(4, 5)), (6);
VALUES (generate_series(1, 2));
SELECT * FROM (VALUES (1), (generate_series(1, 2))) v;
UPDATE srf_nested SET n = generate_series(1, 2);
UPDATE srf_nested SET n = sum(n);
INSERT INTO srf_nested VALUES (sum(1));
SELECT * FROM generate_series(1, generate_series(1, 3));
SELECT * FROM abs(generate_series(1, 3));
SELECT * FROM generate_series(1, sum(2));
UPDATE srf_nested SET n = n + 1 RETURNING generate_series(1, n) AS g;
DELETE FROM srf_nested RETURNING unnest(a);
SELECT generate_series(1, generate_series(1, 2)) OVER ();
SELECT 1 WHERE lower('a') OVER () = 'a';
SELECT no_such_function(1) OVER ();
SELECT sum(generate_series(1, 2)) OVER ();
SELECT count(*) OVER (ROWS generate_series(1, 2) PRECEDING);

-- A window's PARTITION BY and ORDER BY: their calls run below the window, the select list's
-- above it.
SELECT count(*) OVER (ORDER BY generate_series(1, 2));
SELECT count(*) OVER (PARTITION BY generate_series(1, 4) % 2) AS c ORDER BY 1;
SELECT generate_series(1, 3) AS g, count(*) OVER (ORDER BY generate_series(1, 2)) AS c ORDER BY 2, 1;
SELECT n, sum(n) OVER (PARTITION BY unnest(a) ORDER BY n) FROM srf_nested ORDER BY 1, 2;
SELECT n, rank() OVER (ORDER BY n, generate_series(1, n)) FROM srf_nested GROUP BY n ORDER BY 2;
DROP TABLE srf_nested;
