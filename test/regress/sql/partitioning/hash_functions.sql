-- PostgreSQL's hash functions of integers and text, which hash partitioning routes rows by:
-- the same values as PostgreSQL 15 for every width, sign, length and seed.
SELECT v, hashint2(v::smallint), hashint4(v), hashint8(v::bigint)
FROM (VALUES (0), (1), (-1), (7), (32767), (-32768), (12345)) AS t(v) ORDER BY v;
SELECT hashint4(2147483647), hashint4(-2147483648);
-- int8 folds to 32 bits so that equal values of every width hash alike
SELECT v, hashint8(v) FROM (VALUES (0::bigint), (1), (-1), (4294967296), (-4294967296),
  (9223372036854775807), (-9223372036854775808), (1234567890123)) AS t(v) ORDER BY v;
SELECT hashint8(42::bigint) = hashint4(42) AS same_as_int4, hashint2(42::smallint) = hashint4(42) AS same_as_int2;
-- text of every tail length (0-11 bytes past a multiple of 12), multibyte characters
SELECT n, hashtext(repeat('x', n)), hashtextextended(repeat('x', n), 0), hashtextextended(repeat('x', n), 1)
FROM generate_series(0, 25) AS n ORDER BY n;
SELECT hashtext('héllo wörld'), hashtext('日本語のテキスト'), hashtext(''), hashtext('a'::varchar), hashtext('abc'::char(5));
-- seeds: none (0), small, negative, and hash partitioning's own
SELECT s, hashint4extended(17, s), hashint2extended(17::smallint, s), hashint8extended(17::bigint, s),
       hashint8extended(-5000000000, s), hashtextextended('partition key', s)
FROM (VALUES (0::bigint), (1), (-1), (8816678312871386365), (5305509591434766563)) AS t(s) ORDER BY s;
-- strict: NULL in, NULL out
SELECT hashint4(NULL), hashtext(NULL), hashint8extended(NULL, 0), hashint8extended(1, NULL);
-- the smallest int4 written as a literal is an int4 (a negated float constant that fits)
SELECT pg_typeof(-2147483648), pg_typeof(2147483648), pg_typeof(-2147483649);
-- timestamps hash as their microseconds, uuids as their bytes
SELECT timestamp_hash('2026-12-07 10:30:00'), timestamp_hash('1999-12-31 23:59:59.999999'),
       timestamp_hash_extended('2026-12-07 10:30:00', 0), timestamp_hash_extended('2026-01-01', 8816678312871386365);
SELECT uuid_hash('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'), uuid_hash('00000000-0000-0000-0000-000000000000'),
       uuid_hash_extended('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', 0), uuid_hash_extended('a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', -7);
