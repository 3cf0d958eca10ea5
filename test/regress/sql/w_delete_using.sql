-- DELETE ... USING
CREATE TABLE items (id int, list_id int, done boolean);
CREATE TABLE lists (id int, archived boolean);
INSERT INTO lists VALUES (1, false), (2, true), (3, true);
INSERT INTO items VALUES (1, 1, false), (2, 2, false), (3, 2, true), (4, 3, false), (5, NULL, true);
DELETE FROM items USING lists WHERE items.list_id = lists.id AND lists.archived AND NOT items.done RETURNING items.id;
DELETE FROM items i USING lists l WHERE i.list_id = l.id AND l.id = 1;
SELECT * FROM items ORDER BY id;
DELETE FROM items USING (VALUES (3), (5)) AS v(id) WHERE items.id = v.id;
SELECT count(*) FROM items;
-- errors
DELETE FROM items USING lists WHERE list_id = id;
DELETE FROM items USING nosuch;
