-- smallint, integer, bigint: I/O, arithmetic, overflow
SELECT 32767::smallint, -32768::smallint, 2147483647::int, -2147483648::int, 9223372036854775807::bigint;
SELECT '  42  '::int, '-0'::int, '+7'::bigint;
SELECT 7 / 2, -7 / 2, 7 % 3, -7 % 3, 2 * 3 + 4, (2 + 3) * 4;
SELECT 1::smallint + 1::smallint, pg_typeof(1::smallint + 1), pg_typeof(1 + 1::bigint), pg_typeof(1 + 1.5);
SELECT abs(-5), abs(-5::bigint), mod(10, 3), -(-3);
CREATE TABLE nums (a smallint, b integer, c bigint);
INSERT INTO nums VALUES (1, 2, 3), (-4, 5000000, 9000000000);
SELECT a + b, b * c, c / a FROM nums ORDER BY a;
SELECT sum(a), sum(b), sum(c), avg(b), min(c), max(a) FROM nums;
-- errors
SELECT 2147483647 + 1;
SELECT (-2147483648)::int * -1;
SELECT 9223372036854775807 + 1;
SELECT 32767::smallint + 1::smallint;
SELECT '99999999999'::int;
SELECT 'abc'::int;
SELECT '12abc'::bigint;
SELECT ''::int;
SELECT 1 / 0;
SELECT 5 % 0;
INSERT INTO nums VALUES (40000, 1, 1);
INSERT INTO nums (b) VALUES ('x');
INSERT INTO nums (b) VALUES (3000000000);
SELECT * FROM nums ORDER BY a;
