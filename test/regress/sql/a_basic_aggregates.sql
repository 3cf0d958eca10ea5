-- count/sum/avg/min/max over every numeric type, with DISTINCT and FILTER
CREATE TABLE v (i2 smallint, i4 int, i8 bigint, n numeric(6,2), f4 real, f8 float8, t text, d date, iv interval);
INSERT INTO v VALUES (1, 10, 100, 1.50, 1.5, 2.5, 'b', '2024-01-01', '1 hour'), (2, 20, 200, 2.25, 2.5, 3.5, 'a', '2024-02-01', '2 hours'),
  (2, NULL, 300, NULL, NULL, NULL, NULL, NULL, NULL);
SELECT sum(i2), sum(i4), sum(i8), sum(n), sum(f4), sum(f8), sum(iv) FROM v;
SELECT avg(i2), avg(i4), avg(i8), avg(n), avg(f4), avg(f8), avg(iv) FROM v;
SELECT min(i2), max(i4), min(n), max(f8), min(t), max(t), min(d), max(iv) FROM v;
SELECT count(*), count(i4), count(DISTINCT i2), sum(DISTINCT i2), count(*) FILTER (WHERE i2 = 2) FROM v;
SELECT pg_typeof(sum(i2)), pg_typeof(sum(i4)), pg_typeof(sum(i8)), pg_typeof(avg(i4)), pg_typeof(sum(f4)), pg_typeof(avg(f4));
SELECT sum(x) FROM (VALUES (9223372036854775807::bigint), (1)) s(x);
SELECT avg(x) FROM (VALUES (1), (2)) s(x);
-- errors
SELECT sum(t) FROM v;
SELECT avg(d) FROM v;
SELECT sum(*) FROM v;
SELECT count(i2, i4) FROM v;
