-- generate_series and unnest
SELECT * FROM generate_series(1, 5);
SELECT x, x * 2 FROM generate_series(1, 10, 3) AS x;
SELECT * FROM generate_series(10, 1, -4) g(n);
SELECT generate_series(1, 3), 'a';
SELECT generate_series(1, 2) AS a, generate_series(1, 3) AS b;
SELECT * FROM generate_series('2024-01-01'::timestamp, '2024-01-03', '1 day');
SELECT * FROM generate_series('2024-01-01 00:00+00'::timestamptz, '2024-01-01 02:00+00', '30 minutes');
SELECT * FROM generate_series(1.5, 3);
SELECT * FROM unnest(ARRAY[1,2,3]) WITH ORDINALITY AS u(v, n);
SELECT unnest('{a,b}'::text[]), 1;
SELECT * FROM unnest('{1,2}'::int[], '{x,y,z}'::text[]);
CREATE TABLE t (id int, tags text[]);
INSERT INTO t VALUES (1, '{a,b}'), (2, '{c}'), (3, NULL);
SELECT t.id, tag FROM t, unnest(t.tags) AS tag ORDER BY 1, 2;
SELECT id, unnest(tags) FROM t ORDER BY 1, 2;
SELECT count(*) FROM generate_series(1, 1000) a, generate_series(1, 10) b WHERE a = b;
SELECT sum(n), avg(n) FROM generate_series(1, 100) n;
INSERT INTO t SELECT n, ARRAY[n::text] FROM generate_series(4, 6) n;
SELECT count(*) FROM t;
-- errors
SELECT * FROM generate_series(1, 3, 0);
SELECT * FROM generate_series(1);
SELECT * FROM unnest(1);
