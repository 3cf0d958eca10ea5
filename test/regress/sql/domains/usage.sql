-- Domain-typed columns: stored and compared as their base type, checked on every way in
-- (INSERT, UPDATE, COPY, parameters, casts), with the domain's default.
CREATE DOMAIN posint AS integer CHECK (VALUE > 0);
CREATE DOMAIN label AS varchar(5) NOT NULL DEFAULT 'none';
CREATE TABLE items (id posint PRIMARY KEY, name label, qty posint DEFAULT 1, note text);
INSERT INTO items (id) VALUES (1);
INSERT INTO items VALUES (2, 'two', 5, 'x');
INSERT INTO items (id, name) VALUES (3, DEFAULT);
SELECT * FROM items ORDER BY id;
INSERT INTO items (id) VALUES (0);
INSERT INTO items (id, name) VALUES (4, NULL);
INSERT INTO items (id, name) VALUES (4, 'toolong');
INSERT INTO items (id, qty) VALUES (4, -1);
INSERT INTO items SELECT 10, 'ten', -3, NULL;
UPDATE items SET qty = 0 WHERE id = 2;
UPDATE items SET name = NULL WHERE id = 2;
UPDATE items SET qty = qty + 1 RETURNING id, qty;
-- operators and functions work on the base type
SELECT id + 1, qty * 2, name || '!', upper(name), length(name) FROM items ORDER BY id;
SELECT pg_typeof(id), pg_typeof(id + 1), pg_typeof(name), pg_typeof(name || '') FROM items WHERE id = 1;
SELECT * FROM items WHERE id = 2 AND name = 'two';
SELECT sum(qty), max(name) FROM items;
SELECT id::text, id::bigint, name::text FROM items ORDER BY id;
SELECT a.id FROM items a JOIN items b ON a.id = b.qty ORDER BY 1;
CREATE INDEX ON items (name);
SELECT id FROM items WHERE name = 'none' ORDER BY id;
-- COPY
COPY items (id, name, qty) FROM stdin;
20	twenty	3
21	\N	3
\.
COPY items (id, name, qty) FROM stdin;
20	twenty	-3
\.
COPY items (id) FROM stdin;
22
\.
SELECT * FROM items WHERE id >= 20 ORDER BY id;
COPY items TO stdout;
-- parameters
PREPARE ins(posint, label) AS INSERT INTO items (id, name) VALUES ($1, $2);
EXECUTE ins(30, 'p');
EXECUTE ins(-30, 'p');
EXECUTE ins(31, NULL);
PREPARE q(int) AS SELECT $1::posint;
EXECUTE q(5);
EXECUTE q(-5);
-- ALTER TABLE with domains
ALTER TABLE items ADD COLUMN extra posint;
ALTER TABLE items ADD COLUMN lbl label;
SELECT DISTINCT lbl FROM items;
ALTER TABLE items ALTER COLUMN note TYPE posint USING 7;
ALTER TABLE items ALTER COLUMN note TYPE label USING 'muchtoolong';
SELECT id, note FROM items ORDER BY id LIMIT 2;
-- a domain over a domain, in a column
CREATE DOMAIN even_posint AS posint CHECK (VALUE % 2 = 0);
CREATE TABLE e (v even_posint);
INSERT INTO e VALUES (2), (4);
INSERT INTO e VALUES (3);
INSERT INTO e VALUES (-2);
SELECT v, v + 1 FROM e ORDER BY v;
-- set operations and CASE fall back to the base type
SELECT v FROM e UNION SELECT -1 ORDER BY 1;
SELECT CASE WHEN v > 2 THEN v ELSE -v END FROM e ORDER BY 1;
