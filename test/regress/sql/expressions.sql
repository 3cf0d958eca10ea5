-- operators and functions on mixed types, NULL propagation
SELECT 2 + 3 * 4, (2 + 3) * 4, 2 ^ 10, 10 - -2, -2 * -3, 7.0 / 2, 7 / 2.0;
SELECT NULL + 1, NULL || 'x', 1 = NULL, NULL = NULL, NULL IS NULL, NULL::int IS DISTINCT FROM NULL;
SELECT 1 IS DISTINCT FROM 2, 1 IS NOT DISTINCT FROM 1, NULL IS NOT DISTINCT FROM NULL;
SELECT 1 < 2 AND 2 < 3, NOT (1 > 2), 1 = 1 OR 1 / 0 = 1;
SELECT 'a' IN ('a', NULL), 'b' IN ('a', NULL), 'b' NOT IN ('a', NULL), 1 IN (1.0, 2);
SELECT CASE WHEN NULL THEN 'yes' ELSE 'no' END, CASE 1 WHEN 2 THEN 'two' END;
SELECT COALESCE(NULL, NULL, 3), COALESCE(NULL::text, 'd'), NULLIF(1, 1), NULLIF(1, 2), NULLIF('a', 'b');
SELECT length(NULL::text), upper(NULL), round(NULL::numeric, 2), abs(NULL::int);
SELECT pg_typeof(1), pg_typeof(1.5), pg_typeof('a'::text), pg_typeof(1::bigint * 2), pg_typeof(1.5::float8 + 1), pg_typeof(now());
SELECT 1 BETWEEN 0 AND 2, 5 BETWEEN SYMMETRIC 10 AND 1, 'b' BETWEEN 'a' AND 'c';
SELECT version() LIKE 'PostgreSQL 15%', current_database() IS NOT NULL;
-- errors
SELECT 'a' + 'b';
SELECT nosuchfunction(1);
SELECT length(1, 2);
SELECT 1 = 'x';
SELECT CASE WHEN 1 THEN 2 END;
SELECT COALESCE(1, 'x');
SELECT 1 AND true;
