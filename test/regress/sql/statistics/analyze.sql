-- ANALYZE gathers per-column statistics (pg_stats, pg_statistic) and the row count
-- (pg_class.reltuples). A table of fewer than 30,000 rows is read whole, so every figure is
-- the one PostgreSQL computes.
CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
CREATE TABLE st (id int PRIMARY KEY, g int, t text, n numeric, b bool, f float8, ts timestamp,
                 nul int, m mood, c char(4), arr int[], u uuid, j json, v varchar(20));
CREATE INDEX st_g ON st (g);
CREATE INDEX st_partial ON st (g) WHERE g > 5;
INSERT INTO st
SELECT i, i % 10, 'val' || (i % 37), (i % 13) * 1.5, i % 3 = 0, i / 7.0,
       timestamp '2020-01-01' + i * interval '1 hour', NULL,
       (ARRAY['sad', 'ok', 'happy'])[1 + i % 3]::mood, (i % 4)::text, ARRAY[i % 3, i % 2],
       ('00000000-0000-0000-0000-' || lpad((i % 50)::text, 12, '0'))::uuid,
       ('{"k": ' || i || '}')::json, CASE WHEN i % 5 = 0 THEN NULL ELSE 'v' || (i % 200) END
FROM generate_series(1, 1000) i;
-- a value too wide for the most common values and the histogram
INSERT INTO st (id, g, t) VALUES (1001, 1, repeat('x', 1500));
SELECT relname, relpages > 0 AS has_pages, reltuples FROM pg_class WHERE relname LIKE 'st%' ORDER BY relname;
SELECT count(*) FROM pg_stats WHERE tablename = 'st';
ANALYZE st;
SELECT relname, relpages > 0 AS has_pages, reltuples FROM pg_class WHERE relname LIKE 'st%' ORDER BY relname;
\x on
SELECT attname, inherited, null_frac, avg_width, n_distinct, most_common_vals, most_common_freqs,
       histogram_bounds, correlation
FROM pg_stats WHERE schemaname = 'public' AND tablename = 'st' AND attname NOT IN ('arr', 'f', 'ts')
ORDER BY attname;
\x off
-- long histograms, checked by their ends
SELECT attname, n_distinct, correlation, array_length(most_common_freqs, 1) AS mcvs,
       substr(histogram_bounds::text, 1, 40) AS histogram_start
FROM pg_stats WHERE tablename = 'st' AND attname IN ('arr', 'f', 'ts') ORDER BY attname;
-- (an array column's element statistics, kinds 4 and 5, are not gathered: docs/compatibility.md)
SELECT staattnum, stainherit, stakind1, stakind2, stakind3, stakind4, staop1, staop2, staop3, stacoll1, stacoll2
FROM pg_statistic WHERE starelid = 'st'::regclass
  AND staattnum <> (SELECT attnum FROM pg_attribute WHERE attrelid = 'st'::regclass AND attname = 'arr')
ORDER BY staattnum;
-- a column list replaces those columns' statistics and keeps the others'
UPDATE st SET g = 7;
ANALYZE st (g);
SELECT attname, n_distinct, most_common_vals FROM pg_stats WHERE tablename = 'st' AND attname IN ('g', 'b') ORDER BY attname;
-- dropped and retyped columns lose theirs
ALTER TABLE st DROP COLUMN nul;
ALTER TABLE st ALTER COLUMN g TYPE bigint;
SELECT attname FROM pg_stats WHERE tablename = 'st' AND attname IN ('g', 'nul');
-- transactional: a rolled-back ANALYZE leaves nothing
CREATE TABLE st2 (a int);
INSERT INTO st2 SELECT generate_series(1, 10);
BEGIN;
ANALYZE st2;
SELECT attname, n_distinct FROM pg_stats WHERE tablename = 'st2';
ROLLBACK;
SELECT attname, n_distinct FROM pg_stats WHERE tablename = 'st2';
SELECT reltuples FROM pg_class WHERE relname = 'st2';
-- an empty table: no rows to take statistics from, zero rows counted
CREATE TABLE empty_t (a int);
ANALYZE empty_t;
SELECT reltuples, relpages FROM pg_class WHERE relname = 'empty_t';
SELECT count(*) FROM pg_stats WHERE tablename = 'empty_t';
-- VACUUM ANALYZE and a database-wide ANALYZE
VACUUM ANALYZE st2;
SELECT attname, n_distinct, histogram_bounds FROM pg_stats WHERE tablename = 'st2';
ANALYZE;
SELECT tablename, count(*) FROM pg_stats WHERE schemaname = 'public' GROUP BY tablename ORDER BY tablename;
-- more rows than the sample: a random sample, whose figures are close to the table's
CREATE TABLE big (k int, s text);
INSERT INTO big SELECT CASE WHEN i % 10 < 8 THEN 1 ELSE i END, CASE WHEN i % 2 = 0 THEN 'even' END
FROM generate_series(1, 50000) i;
ANALYZE big;
SELECT reltuples FROM pg_class WHERE relname = 'big';
SELECT attname, most_common_vals, most_common_freqs[1] BETWEEN 0.77 AND 0.83 AS mcv_freq_close,
       null_frac BETWEEN 0.47 AND 0.53 AS null_frac_close, n_distinct < 0 AS distinct_scales
FROM pg_stats WHERE tablename = 'big' ORDER BY attname;
-- errors
ANALYZE st (g, g);
ANALYZE st (nope);
ANALYZE nope;
DROP TABLE st, st2, empty_t, big;
DROP TYPE mood;
SELECT count(*) FROM pg_statistic WHERE starelid NOT IN (SELECT oid FROM pg_class);
