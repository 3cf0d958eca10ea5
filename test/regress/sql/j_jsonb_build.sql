-- Building jsonb from SQL values: jsonb_build_object and to_jsonb
SELECT jsonb_build_object('n', 1, 'ok', 2 % 2 = 0, 'f', 1.50::numeric, 'x', 1.5::float8, 'nan', 'NaN'::float8, 's', 'a"b\c', 'nul', NULL, 'j', '{"b":1, "a":[1,2]}'::jsonb, 'e', '', 'i8', 9007199254740993::int8);
SELECT jsonb_build_object();
SELECT jsonb_build_object(1, 2), jsonb_build_object('a', 1, 'a', 2), pg_typeof(jsonb_build_object('a', 1));
SELECT jsonb_build_object('t', '2026-01-01 10:20:30+02'::timestamptz, 'ts', '2026-01-01 10:20:30'::timestamp, 'd', '2026-01-01'::date);
SELECT jsonb_build_object('arr', ARRAY[1, 2], 'texts', ARRAY['a', NULL], 'k', 'text'::varchar, 'u', 'x'::unknown, 'uuid', '00000000-0000-0000-0000-000000000001'::uuid);
SELECT jsonb_build_object('n', i, 'ok', i % 2 = 0) FROM generate_series(1, 3) AS i;
SELECT to_jsonb(1), to_jsonb('x'::text), to_jsonb(ARRAY[1.5, NULL]), to_jsonb(true), to_jsonb(NULL::int), to_jsonb('{"a": 1}'::jsonb);
-- errors
SELECT jsonb_build_object('a');
SELECT jsonb_build_object(NULL, 1);
SELECT to_jsonb('x');
