-- real and double precision: shortest round-trip output, special values
SELECT 0.1::float8, 1.5::float8, 1e15::float8, 1e16::float8, 123456789012345::float8, 0.0001::float8, 0.00001::float8;
SELECT 1e100::float8, 2.5e-10::float8, -0.0::float8, 3.0::float8;
SELECT 0.1::real, 1000000::real, 123456::real, 1.17549435e-38::real, 3.4e38::real;
SELECT 'NaN'::float8, 'Infinity'::float8, '-Infinity'::float8, 'inf'::float8;
SELECT 0.1::float8 + 0.2::float8, 1::float8 / 3, 2::float8 * 3.5, sqrt(2::float8), power(2, 10);
SELECT 'NaN'::float8 = 'NaN'::float8, 'NaN'::float8 > 'Infinity'::float8;
SELECT round(2.5::float8), round(3.5::float8), round(-2.5::float8), trunc(2.7::float8), ceil(2.1::float8), floor(-2.1::float8);
SELECT 1.5::float8::int, 2.5::float8::int, (-2.5)::float8::int, 3.7::real::bigint;
CREATE TABLE measurements (v double precision, r real);
INSERT INTO measurements VALUES (1.1, 1.1), (2.2, 2.2), (NULL, 3.3);
SELECT v, r, v * 2, r + 1 FROM measurements ORDER BY v NULLS LAST;
SELECT sum(v), avg(v), min(r), max(r), count(v) FROM measurements;
-- errors
SELECT 'abc'::float8;
SELECT '1e400'::float8;
SELECT 1e300::float8 * 1e300::float8;
SELECT 1::float8 / 0;
SELECT 'NaN'::float8::int;
SELECT 1e20::float8::int;
SELECT sqrt(-1::float8);
