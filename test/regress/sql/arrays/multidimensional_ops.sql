-- Multidimensional arrays: constructors, subscripts and slices, dimension functions,
-- concatenation, comparison, aggregation, JSON, storage.
SELECT ARRAY[ARRAY[1,2], ARRAY[3,4]];
SELECT ARRAY[[1,2],[3,4]];
SELECT ARRAY[[[1,2],[3,4]],[[5,6],[7,8]]];
SELECT ARRAY[ARRAY['a','b'], ARRAY[NULL,'d']];
SELECT ARRAY[ARRAY[1,2], NULL::int[]];
SELECT ARRAY[NULL::int[], NULL::int[]];
SELECT ARRAY['{}'::int[], '{}'::int[]];
SELECT ARRAY[ARRAY[1,2], ARRAY[3]];
SELECT ARRAY[ARRAY[1,2], '{}'];
SELECT ARRAY['[0:1]={1,2}'::int[], '[0:1]={3,4}'::int[]];
SELECT ARRAY['[0:1]={1,2}'::int[], '{3,4}'::int[]];
SELECT pg_typeof(ARRAY[ARRAY[1,2]]);
-- subscripts
SELECT a[1][2], a[2][1], a[2][2], a[3][1], a[1], a[1][1][1], a[NULL][1]
FROM (SELECT '{{1,2},{3,4}}'::int[] AS a) t;
SELECT a[1:1], a[2:2][2:2], a[1:2][1:1], a[:1][2:], a[2][1:2], a[1:2][2], a[0:9][0:9], a[3:4]
FROM (SELECT '{{1,2},{3,4}}'::int[] AS a) t;
SELECT a[1:1][1:1][1:1], a[1:1][2:1] FROM (SELECT '{{1,2},{3,4}}'::int[] AS a) t;
SELECT a[0][1], a[1][2], a[0:0][2:3] FROM (SELECT '[0:1][2:3]={{1,2},{3,4}}'::int[] AS a) t;
SELECT a[1][1][1][1][1][1][1] FROM (SELECT '{1}'::int[] AS a) t;
SELECT pg_typeof(a[1][1]), pg_typeof(a[1:1][1]) FROM (SELECT '{{1}}'::int[] AS a) t;
-- dimension functions
SELECT array_ndims(a), array_dims(a), cardinality(a),
       array_length(a, 1), array_length(a, 2), array_length(a, 3),
       array_lower(a, 1), array_lower(a, 2), array_upper(a, 1), array_upper(a, 2)
FROM (VALUES ('{{1,2,3},{4,5,6}}'::int[]), ('[0:1][-1:0]={{1,2},{3,4}}'), ('{7}'), ('{}')) v(a);
SELECT generate_subscripts('{{1,2,3},{4,5,6}}'::int[], 2);
SELECT generate_subscripts('[3:4][0:1]={{1,2},{3,4}}'::int[], 1, true);
-- elements in order, whatever the shape
SELECT unnest('{{1,2},{3,4}}'::int[]);
SELECT 3 = ANY('{{1,2},{3,4}}'::int[]), 5 = ANY('{{1,2},{3,4}}'::int[]), 0 < ALL('{{1,2},{3,4}}'::int[]);
SELECT array_to_string('{{1,2},{NULL,4}}'::int[], ',', '*');
SELECT '{{1,2},{3,4}}'::int[] @> '{4,1}'::int[], '{1,4}'::int[] <@ '{{1,2},{3,4}}'::int[], '{{1,2}}'::int[] && '{2}'::int[];
SELECT array_replace('{{1,2},{2,4}}'::int[], 2, 9);
SELECT array_remove('{{1,2},{3,4}}'::int[], 2);
SELECT array_position('{{1,2},{3,4}}'::int[], 2);
SELECT array_positions('{{1,2},{3,4}}'::int[], 2);
-- concatenation
SELECT '{{1,2},{3,4}}'::int[] || '{{5,6}}'::int[];
SELECT '{{1,2},{3,4}}'::int[] || '{5,6}'::int[];
SELECT '{5,6}'::int[] || '{{1,2},{3,4}}'::int[];
SELECT '{1,2}'::int[] || '{3,4}'::int[], '{}'::int[] || '{{1}}'::int[], '{{1}}'::int[] || '{}'::int[];
SELECT array_cat('{{1,2}}'::int[], '{{3,4}}'::int[]);
SELECT '[0:0][2:3]={{1,2}}'::int[] || '[5:5][2:3]={{3,4}}'::int[];
SELECT '{1,2}'::int[] || '[0:1]={3,4}'::int[], '[0:1]={3,4}'::int[] || '{1,2}'::int[];
SELECT '{{1,2},{3,4}}'::int[] || '{5}'::int[];
SELECT '{{1,2},{3,4}}'::int[] || '{{5}}'::int[];
SELECT '{{{1}}}'::int[] || '{1}'::int[];
SELECT '{{1,2},{3,4}}'::int[] || 5;
SELECT 5 || '{{1,2},{3,4}}'::int[];
SELECT array_append('{{1}}'::int[], 2);
SELECT array_prepend(0, '[3:4]={1,2}'::int[]), array_append('[3:4]={1,2}'::int[], 3);
-- comparison: elements first, then the shape
SELECT '{{1,2},{3,4}}'::int[] = '{{1,2},{3,4}}'::int[], '{{1,2},{3,4}}'::int[] = '{1,2,3,4}'::int[],
       '{{1,2},{3,4}}'::int[] = '[0:1][1:2]={{1,2},{3,4}}'::int[];
SELECT '{1,2,3,4}'::int[] < '{{1,2},{3,4}}'::int[], '{{1,2,3,4}}'::int[] < '{{1,2},{3,4}}'::int[],
       '{{1,2},{3,4}}'::int[] < '{{1,2},{3,5}}'::int[], '{{1,2}}'::int[] < '{1,2,3}'::int[];
SELECT DISTINCT a FROM (VALUES ('{{1,2},{3,4}}'::int[]), ('{1,2,3,4}'), ('{{1,2},{3,4}}'), ('{{1,2,3,4}}')) v(a) ORDER BY a;
-- aggregation and subqueries of arrays add a dimension
SELECT array_agg(a ORDER BY a) FROM (VALUES ('{1,2}'::int[]), ('{3,4}'), ('{0,9}')) v(a);
SELECT array_agg(a) FROM (VALUES ('{{1,2}}'::int[]), ('{{3,4}}')) v(a);
SELECT array_agg(a) FROM (VALUES ('{1,2}'::int[]), ('{3}')) v(a);
SELECT array_agg(a) FROM (VALUES ('{1,2}'::int[]), (NULL)) v(a);
SELECT array_agg(a) FROM (VALUES ('{1,2}'::int[]), ('{}')) v(a);
SELECT array_agg(a) FROM (VALUES ('{}'::int[]), ('{1,2}')) v(a);
SELECT array_agg(a) FROM (VALUES ('{1,2}'::int[])) v(a) WHERE false;
SELECT ARRAY(SELECT ARRAY[i, i * 10] FROM generate_series(1, 3) i);
SELECT ARRAY(SELECT ARRAY[i] FROM generate_series(1, 3) i WHERE false);
SELECT ARRAY(SELECT CASE WHEN i = 2 THEN NULL ELSE ARRAY[i] END FROM generate_series(1, 3) i);
-- JSON
SELECT to_jsonb('{{1,2},{3,4}}'::int[]), to_jsonb('{{"a",null}}'::text[]), to_jsonb('[0:0][5:6]={{1,2}}'::int[]);
-- stored in a table, read back, updated, copied, cast
CREATE TABLE md (id int PRIMARY KEY, m int[], t text[][]);
INSERT INTO md VALUES (1, '{{1,2},{3,4}}', ARRAY[['a','b'],['c',NULL]]), (2, '[0:0][0:2]={{7,8,9}}', NULL),
  (3, '{5}', '{}');
SELECT id, m, t, array_dims(m) FROM md ORDER BY id;
UPDATE md SET m = m || ARRAY[[5,6]] WHERE id = 1;
SELECT m, m[3][2] FROM md WHERE id = 1;
SELECT id FROM md WHERE m = '{{1,2},{3,4},{5,6}}';
SELECT m::text[]::bigint[] FROM md ORDER BY id;
COPY (SELECT * FROM md ORDER BY id) TO STDOUT;
CREATE TABLE md2 (id int PRIMARY KEY, m int[], t text[][]);
COPY md2 FROM STDIN;
1	{{1,2},{3,4}}	{{"x y",z}}
2	[2:3][1:1]={{1},{2}}	\N
\.
SELECT * FROM md2 ORDER BY id;
ALTER TABLE md ALTER COLUMN m TYPE bigint[];
SELECT id, m FROM md ORDER BY id;
DROP TABLE md, md2;
