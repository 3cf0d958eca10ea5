-- INSERT forms: multi-row VALUES, INSERT ... SELECT, DEFAULT, RETURNING
CREATE TABLE src (id int, name text, score numeric);
INSERT INTO src VALUES (1, 'a', 1.5), (2, 'b', NULL), (3, 'c', 3);
CREATE TABLE dst (id serial PRIMARY KEY, name text, score numeric DEFAULT 0, note text DEFAULT 'none');
INSERT INTO dst (name, score) SELECT name, score FROM src WHERE score IS NOT NULL ORDER BY id;
INSERT INTO dst DEFAULT VALUES;
INSERT INTO dst (name) VALUES ('x') RETURNING id, name, score, note;
INSERT INTO dst (name, note) VALUES ('y', DEFAULT), ('z', 'custom') RETURNING *;
INSERT INTO dst (name) VALUES ('w') RETURNING id * 10 AS tenfold, upper(name);
SELECT * FROM dst ORDER BY id;
INSERT INTO dst (name) SELECT 'copy-' || name FROM dst WHERE id < 3;
SELECT count(*) FROM dst;
-- errors
INSERT INTO dst (name) VALUES ('a', 'b');
INSERT INTO dst (name, score) VALUES ('a');
INSERT INTO dst (nosuch) VALUES (1);
INSERT INTO dst (name, name) VALUES ('a', 'b');
INSERT INTO nosuch VALUES (1);
INSERT INTO dst (score) VALUES ('abc');
INSERT INTO dst (name) SELECT id, name FROM src;
INSERT INTO dst (id) VALUES (1);
SELECT count(*) FROM dst;
