-- casts between every pair of core types that PostgreSQL allows
SELECT 1::int2::int4::int8::numeric::float8::float4::text;
SELECT '3.7'::numeric::int, '-3.5'::numeric::int, 2.5::float8::int, 3.5::float4::int2, '12'::text::int;
SELECT 'true'::text::boolean, 1::boolean, false::int, 'yes'::varchar::bool;
SELECT '2024-03-01 12:34:56.789'::timestamp::date, '2024-03-01'::date::timestamptz, '12:34'::time::interval, '1 day 02:00'::interval::time;
SELECT 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11'::uuid::text, '\x6869'::bytea::text, 'abc'::char(5)::varchar || '|';
SELECT '{1,2}'::text::int[], ARRAY[1.5, 2.5]::int[], ARRAY['1', '2']::int[];
SELECT 12.345::numeric(5,1), 12.345::real, 99999::numeric(5,0), '1e-3'::float8::numeric;
-- errors
SELECT 'abc'::int;
SELECT 3.5::int2 * 10000;
SELECT '1'::date;
SELECT true::date;
SELECT 1::uuid;
SELECT 123456::numeric(5,0);
