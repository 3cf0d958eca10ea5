-- Choosing among overloads as PostgreSQL does: exact matches, preferred types, unknown
-- literals read as text first, then as the other arguments' type; otherwise "not unique"
SELECT pg_typeof(round(1)), pg_typeof(round(1.5)), pg_typeof(round('1.5')), pg_typeof(abs('1')), pg_typeof(abs(1::int2));
SELECT generate_series(1, '3');
SELECT pg_typeof(a), pg_typeof(b) FROM generate_series('1', 3::int8) a, generate_series(1, 2.5) b LIMIT 1;
SELECT pg_typeof(a), pg_typeof(b) FROM generate_series('2020-01-01'::date, '2020-01-02', '1 day') a, generate_series('2020-01-01'::timestamp, '2020-01-02', '1 day') b LIMIT 1;
SELECT lcm(4, '6'), gcd(12, '18'), mod(7, '3'), mod(7.5, 2), power('2', 3), pg_typeof(power('2', 3)), trunc(1.5::float4), left('abc', '2');
SELECT pg_typeof(gcd(1::int2, 2)), pg_typeof(gcd(1::int8, 2)), pg_typeof(mod(1::int2, 2::int2)), pg_typeof(div('7', '2'));
SELECT concat('a', 1, NULL, 2.5), length('abc'), substring('hello', '2'), substring('hello', 2, '2'), substr('hello', '2');
-- errors
SELECT generate_series('2020-01-01', '2020-01-03', '1 day');
SELECT lcm('4', '6');
SELECT generate_series('a', 'b');
SELECT generate_series('1', '3');
SELECT gcd(1::int2, 2::int2);
SELECT gcd('1', '2');
SELECT mod('5', '3');
SELECT lcm(1::int2, '2');
SELECT round('1', '2');
SELECT generate_series(1, 'x');
