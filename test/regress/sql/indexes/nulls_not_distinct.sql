-- UNIQUE NULLS NOT DISTINCT: NULLs count as equal in a unique index or constraint (PostgreSQL 15)
CREATE TABLE nnd (a int, b text, UNIQUE NULLS NOT DISTINCT (a));
INSERT INTO nnd VALUES (1, 'x'), (NULL, 'y');
INSERT INTO nnd VALUES (NULL, 'z');
INSERT INTO nnd VALUES (1, 'w');
SELECT * FROM nnd ORDER BY a NULLS FIRST;
-- the default still lets NULLs repeat
CREATE TABLE nd (a int UNIQUE);
INSERT INTO nd VALUES (NULL), (NULL);
SELECT count(*) FROM nd;
-- a unique index over two columns: equal when every column is equal or both NULL
CREATE TABLE nnd2 (a int, b int);
CREATE UNIQUE INDEX nnd2_ab ON nnd2 (a, b) NULLS NOT DISTINCT;
INSERT INTO nnd2 VALUES (1, NULL), (NULL, NULL), (NULL, 1);
INSERT INTO nnd2 VALUES (1, NULL);
INSERT INTO nnd2 VALUES (NULL, NULL);
UPDATE nnd2 SET b = NULL WHERE a IS NULL AND b = 1;
-- building the index over rows that repeat a NULL fails
CREATE TABLE nnd3 (a int);
INSERT INTO nnd3 VALUES (NULL), (NULL);
CREATE UNIQUE INDEX nnd3_a ON nnd3 (a) NULLS NOT DISTINCT;
CREATE UNIQUE INDEX nnd3_a ON nnd3 (a) NULLS DISTINCT;
-- ON CONFLICT finds the NULL row
INSERT INTO nnd VALUES (NULL, 'again') ON CONFLICT (a) DO UPDATE SET b = excluded.b;
SELECT * FROM nnd ORDER BY a NULLS FIRST;
INSERT INTO nnd VALUES (NULL, 'skipped') ON CONFLICT DO NOTHING;
SELECT count(*) FROM nnd;
-- how the catalogs show it
SELECT indexrelid::regclass, indnullsnotdistinct FROM pg_index WHERE indrelid IN ('nnd'::regclass, 'nnd2'::regclass, 'nd'::regclass) ORDER BY 1::text;
SELECT pg_get_indexdef('nnd2_ab'::regclass), pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'nnd_a_key';
\d nnd
\d nnd2
ALTER TABLE nd ADD CONSTRAINT nd_a_nnd UNIQUE NULLS NOT DISTINCT (a);
