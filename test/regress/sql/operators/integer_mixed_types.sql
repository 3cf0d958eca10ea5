-- + - * / between integers of different widths, as PostgreSQL's cross-type operators (int48pl,
-- int24mul, ...): the result has the wider type, overflow is checked in it, and EXPLAIN shows
-- no cast; % exists only for equal types, so the narrower argument is cast.
SELECT 2147483647::int4 + 1::int8, pg_typeof(2147483647::int4 + 1::int8);
SELECT 32767::int2 * 2::int4, pg_typeof(32767::int2 * 2::int4);
SELECT 5::int8 / 2::int2, -7::int2 / 2::int8, 7::int4 - 9::int2, pg_typeof(7::int4 - 9::int2);
SELECT -9223372036854775808::int8 / -1::int4;
SELECT 9223372036854775807::int8 + 1::int4;
SELECT 2147483647::int4 + 1::int2;
SELECT -32768::int2 - 1::int2;
SELECT 7::int8 % 3::int4, pg_typeof(7::int8 % 3::int4), -7::int2 % 3::int8;
SELECT 1::int4 / 0::int8;
SELECT 1::int8 % 0::int2;
CREATE TABLE mixed_ints (a int8, b int4, c int2);
INSERT INTO mixed_ints VALUES (9223372036854775000, 2000000000, 30000), (-5, 3, -2), (NULL, 1, 1);
SELECT a + b, b * c, c - a, a / c, a % b FROM mixed_ints WHERE b > 2 ORDER BY b;
SELECT b + c FROM mixed_ints ORDER BY b;
SELECT a + b * 1000 FROM mixed_ints ORDER BY b;
EXPLAIN (COSTS OFF) SELECT a + b, b * c, a % b FROM mixed_ints WHERE a + c > 0 AND b - c < 10;
DROP TABLE mixed_ints;
