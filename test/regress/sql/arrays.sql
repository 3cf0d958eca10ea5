-- one-dimensional arrays
SELECT '{1,2,3}'::int[], ARRAY[1,2,3], ARRAY['a','b c',NULL], '{}'::text[], '{"a,b","c\"d"}'::text[];
SELECT ARRAY[1.5, 2]::float8[], '{t,f}'::boolean[], ARRAY['2024-01-01'::date], '{1,NULL}'::varchar[];
SELECT (ARRAY[10,20,30])[2], (ARRAY[10,20,30])[5], (ARRAY[10,20,30])[2:3], array_length(ARRAY[1,2,3], 1), cardinality('{}'::int[]);
SELECT ARRAY[1,2] || 3, 0 || ARRAY[1,2], ARRAY[1] || ARRAY[2,3], ARRAY[1,2] = ARRAY[1,2], ARRAY[1,2] < ARRAY[1,3];
SELECT 3 = ANY(ARRAY[1,2,3]), 5 = ANY('{1,2}'::int[]), 2 <> ALL(ARRAY[1,3]), 1 = ANY(ARRAY[NULL, 1]), 4 = ANY(ARRAY[NULL, 1]);
SELECT array_to_string(ARRAY['a', NULL, 'c'], ','), array_to_string(ARRAY['a', NULL, 'c'], ',', '*'), string_to_array('a,b,,c', ','), array_upper(ARRAY[1,2], 1);
CREATE TABLE tagged (id int PRIMARY KEY, tags varchar[], scores float[]);
INSERT INTO tagged VALUES (1, '{red,green}', '{1.5,2}'), (2, ARRAY['blue'], NULL), (3, '{}', '{0}');
SELECT * FROM tagged ORDER BY id;
SELECT id, tags[1], array_length(tags, 1) FROM tagged ORDER BY id;
SELECT id FROM tagged WHERE 'red' = ANY(tags);
-- errors
SELECT '{1,2'::int[];
SELECT '{1,a}'::int[];
SELECT ARRAY[1, 'x'];
SELECT ARRAY[]::int[] = 1;
