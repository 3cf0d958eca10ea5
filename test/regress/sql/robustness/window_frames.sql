-- Window frames whose offsets reach past the partition (window.sql ran away with memory on the
-- first query: the end offset overflowed).
CREATE TABLE tenk1 AS SELECT g AS unique1, g % 4 AS four FROM generate_series(0, 9) g;
SELECT sum(unique1) over (rows between current row and 9223372036854775807 following exclude current row),
       unique1
FROM tenk1 WHERE unique1 < 10;
SELECT sum(unique1) over (order by unique1 rows between 9223372036854775807 preceding and 9223372036854775807 following),
       unique1
FROM tenk1 ORDER BY unique1;
SELECT sum(unique1) over (order by unique1 rows between 9223372036854775807 following and 9223372036854775807 following),
       unique1
FROM tenk1 ORDER BY unique1;
SELECT sum(unique1) over (order by unique1 rows between 9223372036854775807 preceding and 9223372036854775807 preceding),
       unique1
FROM tenk1 ORDER BY unique1;
SELECT first_value(unique1) over w, last_value(unique1) over w, nth_value(unique1, 3) over w, unique1
FROM tenk1 WINDOW w AS (partition by four order by unique1 rows between 1 preceding and 9223372036854775807 following exclude current row)
ORDER BY four, unique1;
SELECT count(*) over (order by four groups between 9223372036854775807 preceding and 9223372036854775807 following exclude group),
       unique1, four
FROM tenk1 ORDER BY four, unique1;
SELECT sum(unique1) over (order by four groups between current row and 9223372036854775807 following exclude ties), unique1, four
FROM tenk1 ORDER BY four, unique1;
SELECT nth_value(unique1, 2147483647) over (order by unique1 rows between unbounded preceding and unbounded following)
FROM tenk1 LIMIT 1;
SELECT sum(unique1) over (rows between -1 preceding and current row) FROM tenk1;
SELECT sum(unique1) over (rows between current row and null following) FROM tenk1;
-- parameterless aggregate calls (window.sql killed the server with the first)
SELECT count() OVER () FROM tenk1;
SELECT count() FROM tenk1;
SELECT sum() OVER () FROM tenk1;
SELECT count(*) OVER () FROM tenk1 LIMIT 1;
