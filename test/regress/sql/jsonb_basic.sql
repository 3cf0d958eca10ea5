-- json and jsonb values as text: jsonb normalizes key order, spacing and duplicates
SELECT '{"b": 1, "a": [1, 2.50, "x"], "a": null}'::jsonb, '{"b":1,"a":2}'::json, '[]'::jsonb, 'null'::jsonb, '"str"'::jsonb;
SELECT '{"long_key": 1, "k": 2, "kk": {"z": true, "y": false}}'::jsonb, '1e3'::jsonb, '-0.5'::jsonb;
CREATE TABLE docs (id int PRIMARY KEY, body jsonb NOT NULL DEFAULT '{}'::jsonb, raw json);
INSERT INTO docs VALUES (1, '{"name": "a", "tags": ["x"]}', '{"keep":  "spacing"}');
INSERT INTO docs (id) VALUES (2);
SELECT * FROM docs ORDER BY id;
-- errors
SELECT '{"a": 1'::jsonb;
SELECT '{a: 1}'::json;
SELECT '[1, 2,]'::jsonb;
INSERT INTO docs VALUES (3, 'not json');
