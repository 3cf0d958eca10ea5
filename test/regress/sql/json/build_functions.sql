-- json_build_object, json_build_array and to_json: json's own text (" : " between a key and its
-- value, arrays without spaces, nested json kept as written), and their jsonb twins.
SELECT json_build_object('a', 1, 'b', true, 'c', NULL, 'd', ARRAY[1, 2], 'e', 'x"y'::text,
                         'f', '{"k": [1,  2]}'::json, 'g', '{"k": [1,  2]}'::jsonb, 'h', DATE '2024-02-29',
                         3, 4.50, 'i', ARRAY[[1, 2], [3, 4]], 'j', 'NaN'::float8);
SELECT json_build_object(), json_build_array(), pg_typeof(json_build_object('a', 1));
SELECT json_build_array(1, 'a', NULL, ARRAY['x'], '{"a":1}'::json, 2.50, false);
SELECT to_json('x'::text), to_json(1.5), to_json(ARRAY[1, 2]), to_json(true), to_json(NULL::int),
       to_json('2024-01-01 10:00:00+00'::timestamptz), to_json('2024-01-01 10:00:00'::timestamp),
       to_json(ARRAY['a b', NULL]), to_json('{"a":  1}'::json), to_json('tab	and "quote"'::text);
SELECT json_build_object('a', 1)::text = '{"a" : 1}';
SELECT jsonb_build_object('a', 1, 'b', ARRAY[1, 2]), jsonb_build_array(1, 'a', NULL, ARRAY[[1], [2]]), to_jsonb(ARRAY[1, 2]);
-- as SQLAlchemy reads identity options
CREATE TABLE jb_ident (id int GENERATED ALWAYS AS IDENTITY (START 5 INCREMENT 2), v text);
SELECT a.attname, (SELECT json_build_object('always', a.attidentity = 'a', 'start', s.seqstart, 'increment', s.seqincrement,
                                            'minvalue', s.seqmin, 'maxvalue', s.seqmax, 'cache', s.seqcache, 'cycle', s.seqcycle)
                   FROM pg_catalog.pg_sequence s JOIN pg_catalog.pg_class c ON s.seqrelid = c.oid
                   WHERE c.relkind = 'S' AND a.attidentity != ''
                     AND s.seqrelid = pg_catalog.pg_get_serial_sequence(a.attrelid::regclass::text, a.attname)::regclass::oid) AS identity_options
FROM pg_attribute a WHERE a.attrelid = 'jb_ident'::regclass AND a.attnum > 0 ORDER BY a.attnum;
DROP TABLE jb_ident;
-- errors
SELECT json_build_object(NULL, 1);
SELECT json_build_object('a');
SELECT json_build_object(ARRAY[1], 1);
SELECT json_build_object('{}'::json, 1);
SELECT jsonb_build_object(NULL, 1);
SELECT jsonb_build_object(ARRAY[1], 1);
SELECT to_json('x');
