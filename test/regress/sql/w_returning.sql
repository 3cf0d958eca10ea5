-- RETURNING with expressions and *
CREATE TABLE r (id serial PRIMARY KEY, name text, qty int DEFAULT 1);
INSERT INTO r (name) VALUES ('a'), ('b') RETURNING *;
INSERT INTO r (name, qty) VALUES ('c', 5) RETURNING id, upper(name) AS shout, qty * 2 AS twice;
UPDATE r SET qty = qty + 10 WHERE name <> 'a' RETURNING name, qty, qty > 12 AS big;
DELETE FROM r WHERE id = 1 RETURNING *, 'deleted' AS status;
INSERT INTO r (name) SELECT 'copy ' || name FROM r RETURNING name;
SELECT count(*) FROM r;
-- errors
INSERT INTO r (name) VALUES ('x') RETURNING nosuch;
UPDATE r SET qty = 1 RETURNING count(*);
