-- A join inside a correlated subquery: the hash table of an inner side that reads no outer row
-- is built once per statement, one that does is built again for each outer row.
CREATE TABLE words (k int PRIMARY KEY, w text NOT NULL);
INSERT INTO words SELECT k, 'w' || k FROM generate_series(0, 999) AS k;
CREATE TABLE docs (d int PRIMARY KEY, lo int, hi int);
INSERT INTO docs SELECT d, d % 7, d % 7 + 3 FROM generate_series(1, 200) AS d;

-- the inner side (words) reads no outer row: its table is kept
SELECT count(*), sum(length(s)) FROM (
  SELECT d, (SELECT string_agg(v.w, ' ' ORDER BY j)
               FROM generate_series(1, 10) AS j
               JOIN words v ON v.k = (d * 31 + j * 17) % 1000) AS s
  FROM docs) q;
SELECT d, (SELECT string_agg(v.w, ',' ORDER BY j) FROM generate_series(1, 3) AS j JOIN words v ON v.k = d * j)
  FROM docs WHERE d <= 5 ORDER BY d;

-- an inner side filtered by the outer row: built again for each
SELECT d, (SELECT string_agg(v.w, ',' ORDER BY j)
             FROM generate_series(1, 20) AS j
             JOIN (SELECT * FROM words WHERE k BETWEEN docs.lo AND docs.hi) v ON v.k = j)
  FROM docs WHERE d <= 9 ORDER BY d;
SELECT d, (SELECT count(*) FROM generate_series(1, 20) AS j JOIN words v ON v.k = j AND v.k > docs.d)
  FROM docs WHERE d <= 12 ORDER BY d;
-- an inner side whose key reads the outer row
SELECT d, (SELECT string_agg(v.w, ',' ORDER BY j) FROM generate_series(1, 3) AS j JOIN words v ON v.k + docs.d = j + 10)
  FROM docs WHERE d <= 6 ORDER BY d;
-- an inner side that is itself a correlated derived table over a function
SELECT d, (SELECT sum(g.x) FROM generate_series(1, 4) AS j JOIN generate_series(docs.lo, docs.hi) AS g(x) ON g.x = j)
  FROM docs WHERE d <= 8 ORDER BY d;
-- the same statement prepared and executed twice keeps nothing from the first execution
PREPARE inner_join(int) AS
  SELECT d, (SELECT string_agg(v.w, ',' ORDER BY j) FROM generate_series(1, 2) AS j JOIN words v ON v.k = d + j + $1)
    FROM docs WHERE d <= 3 ORDER BY d;
EXECUTE inner_join(0);
UPDATE words SET w = upper(w) WHERE k < 10;
EXECUTE inner_join(0);
EXECUTE inner_join(100);
DROP TABLE docs, words;
