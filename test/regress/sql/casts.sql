-- explicit casts and implicit coercion rules
SELECT CAST('42' AS integer), '42'::bigint, 42::text, 42::numeric(5,1), 3.7::int, '3.7'::numeric::int, true::int, 0::boolean;
SELECT 1::int = 1.0, 1 + 1.5, 1 + 1.5::float8, pg_typeof(1::int2 + 1::int4), pg_typeof(1 + '1'), pg_typeof('1' + 1.5);
SELECT '2024-01-01'::date::timestamp, '2024-01-01 12:00'::timestamp::date, 12.5::text, 'abc'::varchar::text, 1::bigint::smallint;
SELECT 100000::int::text::int, '1e3'::float8::int, CAST(NULL AS int), NULL::text IS NULL;
CREATE TABLE c (i int, t text, n numeric, d date);
INSERT INTO c VALUES ('5', 5, 5, '2024-01-01');
INSERT INTO c VALUES (5.6, 1.5, '1.25', '2024-02-01'::timestamp);
SELECT * FROM c ORDER BY i;
-- errors
SELECT 'abc'::int;
SELECT 70000::smallint;
SELECT 1 + 'abc';
SELECT true + 1;
SELECT 'x'::text::int;
INSERT INTO c (i) VALUES ('5'::text);
INSERT INTO c (d) VALUES (5);
SELECT CAST(1 AS nosuchtype);
SELECT 1::int = 'a'::text;
SELECT date '2024-01-01' + true;
