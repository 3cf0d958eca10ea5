-- generate_subscripts: the subscripts of an array's dimension, as catalog queries use it.
SELECT generate_subscripts(ARRAY['a', 'b', 'c'], 1);
SELECT generate_subscripts(ARRAY['a', 'b', 'c'], 1, true) AS s;
SELECT generate_subscripts(ARRAY['a', 'b', 'c'], 1, false) AS s;
SELECT generate_subscripts('[3:5]={7,8,9}'::int[], 1);
SELECT * FROM generate_subscripts(ARRAY[10, 20], 1) WITH ORDINALITY AS g(s, n);
SELECT count(*) FROM generate_subscripts(ARRAY[1, 2], 2);
SELECT count(*) FROM generate_subscripts('{}'::int[], 1);
SELECT count(*) FROM generate_subscripts(NULL::int[], 1);
SELECT a[s] AS v, s FROM (SELECT ARRAY[5, 6, 7] AS a) t, generate_subscripts(t.a, 1) s ORDER BY s DESC;
-- over int2vector, lower bound 0 (SQLAlchemy's primary-key reflection)
CREATE TABLE gs_t (a int, b int, c int, PRIMARY KEY (c, a));
SELECT a.attname
FROM pg_attribute a JOIN (
  SELECT unnest(ix.indkey) attnum, generate_subscripts(ix.indkey, 1) ord
  FROM pg_index ix WHERE ix.indrelid = 'gs_t'::regclass AND ix.indisprimary
) k ON a.attnum = k.attnum
WHERE a.attrelid = 'gs_t'::regclass ORDER BY k.ord;
DROP TABLE gs_t;
SELECT generate_subscripts(1, 1);
SELECT generate_subscripts(ARRAY[1], 'x');
