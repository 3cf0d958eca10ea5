-- Joins whose inner side is looked up by index per outer row (index nested loop): the same
-- rows as any other join method, including outer-join padding, NULL keys and extra conditions.
CREATE TABLE owners (id int PRIMARY KEY, name text NOT NULL);
CREATE TABLE items (id int PRIMARY KEY, owner_id int, label text, qty int);
CREATE INDEX items_owner ON items (owner_id);
CREATE TABLE tags (item_id int NOT NULL, tag text NOT NULL);
CREATE INDEX tags_item ON tags (item_id);
INSERT INTO owners SELECT i, 'owner' || i FROM generate_series(1, 50) i;
INSERT INTO items SELECT i, CASE WHEN i % 10 = 0 THEN NULL ELSE 1 + i % 50 END, 'item' || i, i % 7 FROM generate_series(1, 400) i;
INSERT INTO tags SELECT 1 + i % 300, CASE WHEN i % 3 = 0 THEN 'red' ELSE 'blue' END FROM generate_series(1, 900) i;

-- restricted outer side, inner join by primary key
SELECT i.id, i.label, o.name FROM items i JOIN owners o ON i.owner_id = o.id WHERE i.qty = 3 AND i.id < 60 ORDER BY i.id;
-- left join: items without tags are padded; NULL owner keys find nothing
SELECT i.id, i.owner_id, count(t.tag) AS tags, count(*) FILTER (WHERE t.tag = 'red') AS red
  FROM items i LEFT JOIN tags t ON t.item_id = i.id
 WHERE i.qty = 6 GROUP BY i.id, i.owner_id ORDER BY i.id;
-- a chain: owner -> items -> tags, with an extra condition on the inner side in ON
SELECT o.id, i.id AS item, t.tag
  FROM owners o JOIN items i ON i.owner_id = o.id LEFT JOIN tags t ON t.item_id = i.id AND t.tag = 'red'
 WHERE o.id = 7 ORDER BY i.id, t.tag;
-- a non-equality part of the join condition
SELECT i.id, o.id FROM items i JOIN owners o ON o.id = i.owner_id AND o.id > i.qty * 5 WHERE i.id BETWEEN 100 AND 120 ORDER BY i.id;
-- outer rows with NULL keys under LEFT JOIN
SELECT i.id, o.name FROM items i LEFT JOIN owners o ON o.id = i.owner_id WHERE i.id IN (10, 20, 21) ORDER BY i.id;
-- a restricted outer side with no match at all
SELECT o.name, count(i.id), sum(i.qty) FROM owners o LEFT JOIN items i ON i.owner_id = o.id WHERE o.id IN (3, 42, 999) GROUP BY o.name ORDER BY 1;
-- whole tables on both sides (no restriction)
SELECT count(*), sum(t.item_id) FROM items i JOIN tags t ON t.item_id = i.id;
