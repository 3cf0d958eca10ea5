-- GIN build (issue 16): 1M jsonb documents for CREATE INDEX ... USING gin (doc jsonb_path_ops),
-- timed by bench.py's gin_build (the index is dropped and built again each run).
DROP TABLE IF EXISTS docs1m;
CREATE TABLE docs1m (id int PRIMARY KEY, doc jsonb NOT NULL);
INSERT INTO docs1m
SELECT i, jsonb_build_object('type', (ARRAY['task','note','event'])[1 + i % 3],
                             'user', jsonb_build_object('id', i % 5000),
                             'tags', jsonb_build_array('t' || (i % 7), 't' || (i % 11)),
                             'n', i)
FROM generate_series(1, 1000000) AS i;
