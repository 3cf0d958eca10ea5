-- Correlated subqueries that compare a column with an outer column and have no index: the
-- scan is hashed once per statement (execution/hashed_lookup.hpp) and must answer exactly as
-- a scan per outer row does: scan order, NULLs, duplicates, mixed integer widths, numeric
-- scales, conditions on both levels, the cardinality error, and a table changed between
-- statements.
CREATE TABLE outer_rows (k int, v text);
CREATE TABLE inner_rows (k bigint, w text, n numeric);
INSERT INTO outer_rows VALUES (1, 'x'), (2, 'y'), (NULL, 'z'), (3, 'w');
INSERT INTO inner_rows VALUES (1, 'p', 1.0), (1, 'q', 1.50), (2, 'r', NULL), (NULL, 's', 2), (4, 't', 3), (1, 'a', 7);

SELECT o.k, (SELECT string_agg(w, ',') FROM inner_rows i WHERE i.k = o.k) FROM outer_rows o ORDER BY 1;
SELECT o.k, (SELECT count(*) FROM inner_rows i WHERE i.k = o.k) FROM outer_rows o ORDER BY 1;
SELECT o.k, (SELECT w FROM inner_rows i WHERE i.k = o.k) FROM outer_rows o ORDER BY 1;
SELECT o.k, (SELECT w FROM inner_rows i WHERE i.k = o.k AND i.w > 'p') FROM outer_rows o ORDER BY 1;
SELECT o.k FROM outer_rows o WHERE EXISTS (SELECT 1 FROM inner_rows i WHERE i.k = o.k AND i.w > o.v) ORDER BY 1;
SELECT o.k FROM outer_rows o WHERE NOT EXISTS (SELECT 1 FROM inner_rows i WHERE o.k = i.k) ORDER BY 1;
SELECT o.k FROM outer_rows o WHERE EXISTS (SELECT 1 FROM inner_rows i WHERE i.k = o.k AND i.n = 1.5) ORDER BY 1;
SELECT o.k, (SELECT count(*) FROM inner_rows i WHERE i.n = o.k::numeric) FROM outer_rows o ORDER BY 1;
SELECT o.v, (SELECT max(i.k) FROM inner_rows i WHERE i.w = o.v) FROM outer_rows o ORDER BY 1;
SELECT o.k, o.v IN (SELECT w FROM inner_rows i WHERE i.k = o.k) FROM outer_rows o ORDER BY 1;
-- two levels out
SELECT o.k, (SELECT (SELECT count(*) FROM inner_rows i WHERE i.k = o.k) FROM (VALUES (1)) v(x)) FROM outer_rows o ORDER BY 1;
-- the table changes between statements: no rows kept from the last one
INSERT INTO inner_rows VALUES (3, 'u', 0);
SELECT o.k, (SELECT count(*) FROM inner_rows i WHERE i.k = o.k) FROM outer_rows o ORDER BY 1;
UPDATE inner_rows SET k = (SELECT count(*) FROM inner_rows i2 WHERE i2.k = inner_rows.k) WHERE w IN ('p', 'q') RETURNING *;
DELETE FROM outer_rows o WHERE EXISTS (SELECT 1 FROM inner_rows i WHERE i.k = o.k AND i.w = 'u') RETURNING *;
SELECT * FROM outer_rows ORDER BY 1;
-- x IN (uncorrelated subquery) is hashed once: NULLs on either side, empty sets, NOT IN
SELECT o.k, o.k IN (SELECT k FROM inner_rows) AS is_in, o.k NOT IN (SELECT k FROM inner_rows) AS not_in,
       o.k IN (SELECT k FROM inner_rows WHERE k IS NOT NULL) AS in_non_null,
       o.k IN (SELECT k FROM inner_rows WHERE false) AS in_empty
  FROM outer_rows o ORDER BY 1;
SELECT o.v FROM outer_rows o WHERE o.v IN (SELECT w FROM inner_rows) ORDER BY 1;
SELECT count(*) FROM inner_rows WHERE n IN (SELECT n FROM inner_rows WHERE n > 1);
SELECT 1.50 IN (SELECT n FROM inner_rows), 1.5 = ANY (SELECT n FROM inner_rows WHERE n IS NOT NULL);
-- an uncorrelated EXISTS answers once per statement, and anew in the next
SELECT count(*) FROM outer_rows o WHERE EXISTS (SELECT 1 FROM inner_rows WHERE w = 'zz');
SELECT count(*) FROM outer_rows o WHERE NOT EXISTS (SELECT 1 FROM inner_rows WHERE w = 'zz');
INSERT INTO inner_rows VALUES (9, 'zz', 9);
SELECT count(*) FROM outer_rows o WHERE EXISTS (SELECT 1 FROM inner_rows WHERE w = 'zz');
DROP TABLE outer_rows, inner_rows;
