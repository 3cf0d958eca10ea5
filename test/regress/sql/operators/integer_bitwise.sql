-- The integer bitwise operators: & | # << >> and prefix ~, for smallint, integer and bigint.
SELECT 12 & 10 AS and_, 12 | 10 AS or_, 12 # 10 AS xor_, ~12 AS not_, 1 << 4 AS shl, -64 >> 3 AS shr;
SELECT 12::int2 & 10::int2, pg_typeof(12::int2 & 10::int2), pg_typeof(12::int2 & 10), pg_typeof(12::int8 | 1);
SELECT pg_typeof(1::int2 << 2), pg_typeof(1::int8 << 2), 1::int8 << 40, (1::int8 << 40) >> 38;
SELECT ~0::int2, ~0::int8, ~(-1), pg_typeof(~5::int2);
-- the shift count wraps as in C on x86 (as PostgreSQL's does there)
SELECT 1 << 31, 1 << 32, 1 << 33, 1::int8 << 63, 1::int8 << 64;
SELECT 30000::int2 << 1, (-30000)::int2 >> 1;
SELECT '6' & 3, 6 & '3', pg_typeof('6' | 3);
SELECT x, x & 1 AS odd, x >> 1 AS half FROM generate_series(1, 5) x ORDER BY x;
-- catalog queries like this one (Django's introspection) test option bits
SELECT 5::int2 & 1::smallint, CASE (3::int2 & 1) WHEN 1 THEN 'DESC' ELSE 'ASC' END;
SELECT NULL::int & 1, 1 | NULL::int8;
SELECT 1.5 & 1;
SELECT 'a'::text | 'b';
SELECT ~1.5;
