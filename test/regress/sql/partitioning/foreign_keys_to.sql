-- Foreign keys referencing a partitioned table: the referenced key (which holds the partition
-- key) is looked up in the partition it routes to; deleting or changing a referenced row, in
-- the partitioned table or in a partition directly, runs the key's action. Errors about a
-- partition's row name the copy of the constraint PostgreSQL makes for that partition.
CREATE TABLE fk_orders (id int, region text, note text, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE fk_orders_eu PARTITION OF fk_orders FOR VALUES IN ('eu');
CREATE TABLE fk_orders_us PARTITION OF fk_orders FOR VALUES IN ('us');
INSERT INTO fk_orders VALUES (1, 'eu', 'a'), (2, 'us', 'b'), (3, 'eu', 'c'), (4, 'us', 'd');
CREATE TABLE fk_items (n int, order_id int, region text, FOREIGN KEY (order_id, region) REFERENCES fk_orders);
CREATE TABLE fk_items_c (n int, order_id int, region text,
  FOREIGN KEY (order_id, region) REFERENCES fk_orders ON DELETE CASCADE ON UPDATE CASCADE);
CREATE TABLE fk_orders_other PARTITION OF fk_orders DEFAULT;
INSERT INTO fk_items VALUES (1, 1, 'eu'), (2, 2, 'us'), (3, NULL, 'zz');
INSERT INTO fk_items VALUES (4, 9, 'eu');
INSERT INTO fk_items VALUES (4, 1, 'xx');
INSERT INTO fk_items VALUES (4, 1, NULL);
INSERT INTO fk_items_c VALUES (1, 1, 'eu'), (2, 3, 'eu'), (3, 4, 'us');
UPDATE fk_items SET order_id = 3 WHERE n = 1;
UPDATE fk_items SET order_id = 5 WHERE n = 1;
-- NO ACTION: through the parent and in the partition directly.
DELETE FROM fk_orders WHERE id = 1;
DELETE FROM fk_orders_eu WHERE id = 1;
UPDATE fk_orders SET id = 20 WHERE id = 2;
UPDATE fk_orders_us SET id = 20 WHERE id = 2;
-- A row moving to another partition is an update of the partitioned table's row.
UPDATE fk_orders SET region = 'xx' WHERE id = 2;
UPDATE fk_orders SET note = 'b2' WHERE id = 2;
-- CASCADE.
DELETE FROM fk_orders WHERE id = 3;
DELETE FROM fk_orders_us WHERE id = 4;
SELECT * FROM fk_items_c ORDER BY n;
INSERT INTO fk_orders VALUES (5, 'eu', 'e');
INSERT INTO fk_items_c VALUES (5, 5, 'eu');
UPDATE fk_orders SET id = 50 WHERE id = 5;
SELECT * FROM fk_items_c ORDER BY n;
UPDATE fk_orders SET region = 'zz' WHERE id = 50;
SELECT * FROM fk_items_c ORDER BY n;
SELECT tableoid::regclass, * FROM fk_orders ORDER BY id;
-- Added later: the existing rows are checked.
CREATE TABLE fk_items_late (order_id int, region text);
INSERT INTO fk_items_late VALUES (5, 'eu');
ALTER TABLE fk_items_late ADD FOREIGN KEY (order_id, region) REFERENCES fk_orders;
DELETE FROM fk_items_late;
ALTER TABLE fk_items_late ADD FOREIGN KEY (order_id, region) REFERENCES fk_orders;
INSERT INTO fk_items_late VALUES (1, 'eu');
INSERT INTO fk_items_late VALUES (2, 'eu');
-- The referenced columns need a unique constraint of the partitioned table.
CREATE TABLE fk_bad (id int REFERENCES fk_orders (id));
-- Single-column keys, RANGE partitions, several levels.
CREATE TABLE fk_o2 (id int PRIMARY KEY, r int) PARTITION BY RANGE (id);
CREATE TABLE fk_o2_1 PARTITION OF fk_o2 FOR VALUES FROM (0) TO (10);
CREATE TABLE fk_o2_2 PARTITION OF fk_o2 FOR VALUES FROM (10) TO (100) PARTITION BY RANGE (id);
CREATE TABLE fk_o2_2a PARTITION OF fk_o2_2 FOR VALUES FROM (10) TO (50);
CREATE TABLE fk_o2_2b PARTITION OF fk_o2_2 FOR VALUES FROM (50) TO (100);
CREATE TABLE fk_ref2 (id int REFERENCES fk_o2 ON DELETE SET NULL);
INSERT INTO fk_o2 VALUES (1, 1), (20, 2), (60, 3);
INSERT INTO fk_ref2 VALUES (1), (20), (60), (NULL);
INSERT INTO fk_ref2 VALUES (500);
DELETE FROM fk_o2_2b;
DELETE FROM fk_o2 WHERE id = 20;
SELECT * FROM fk_ref2 ORDER BY id;
CREATE TABLE fk_ref3 (id int REFERENCES fk_o2);
INSERT INTO fk_ref3 VALUES (1);
DELETE FROM fk_o2 WHERE id = 1;
DELETE FROM fk_o2_1;
-- A partition's rows stay referenced: TRUNCATE, DETACH and DROP of it are refused.
TRUNCATE fk_orders_us;
TRUNCATE fk_orders;
TRUNCATE fk_o2_2;
ALTER TABLE fk_orders DETACH PARTITION fk_orders_us;
ALTER TABLE fk_o2 DETACH PARTITION fk_o2_1;
ALTER TABLE fk_o2 DETACH PARTITION fk_o2_2;
DROP TABLE fk_orders_us;
DROP TABLE fk_o2_2a;
SELECT count(*) FROM fk_items;
DELETE FROM fk_ref3;
DELETE FROM fk_ref2 WHERE id < 10;
ALTER TABLE fk_o2 DETACH PARTITION fk_o2_1;
DROP TABLE fk_o2_1;
TRUNCATE fk_o2_2 CASCADE;
SELECT count(*) FROM fk_ref2;
DROP TABLE fk_orders_other CASCADE;
DROP TABLE fk_ref3, fk_ref2, fk_o2, fk_items_late, fk_items, fk_items_c, fk_orders;
