-- TRUNCATE and CREATE TABLE AS
CREATE TABLE base (id serial PRIMARY KEY, v text);
INSERT INTO base (v) VALUES ('a'), ('b'), ('c');
CREATE TABLE snapshot AS SELECT * FROM base WHERE id > 1;
CREATE TABLE totals (n, label) AS SELECT count(*), 'rows' FROM base;
SELECT * FROM snapshot ORDER BY id;
SELECT * FROM totals;
TRUNCATE base;
SELECT count(*) FROM base;
INSERT INTO base (v) VALUES ('d') RETURNING id;
TRUNCATE base RESTART IDENTITY;
INSERT INTO base (v) VALUES ('e') RETURNING id;
TRUNCATE snapshot, totals;
-- errors
CREATE TABLE snapshot AS SELECT 1;
CREATE TABLE bad (a, b) AS SELECT 1;
TRUNCATE nosuch;
