-- FOREIGN KEY added to a partitioned table by ALTER TABLE: the partitions, at every level, get it
-- under the parent's name and check their rows; ONLY and NOT VALID are refused as in PostgreSQL.
CREATE TABLE fka_cust (id int PRIMARY KEY);
INSERT INTO fka_cust VALUES (1);
CREATE TABLE fka_ord (id int, cust_id int, region text, PRIMARY KEY (id, region)) PARTITION BY LIST (region);
CREATE TABLE fka_ord_eu PARTITION OF fka_ord FOR VALUES IN ('eu');
CREATE TABLE fka_ord_us PARTITION OF fka_ord FOR VALUES IN ('us') PARTITION BY RANGE (id);
CREATE TABLE fka_ord_us_1 PARTITION OF fka_ord_us FOR VALUES FROM (0) TO (100);
INSERT INTO fka_ord VALUES (1, 1, 'eu'), (2, 5, 'us');
-- ONLY cannot leave the partitions without it; a partition's row that has no match fails it
ALTER TABLE ONLY fka_ord ADD CONSTRAINT fka_ord_cust_fk FOREIGN KEY (cust_id) REFERENCES fka_cust;
ALTER TABLE fka_ord ADD FOREIGN KEY (cust_id) REFERENCES fka_cust;
DELETE FROM fka_ord WHERE id = 2;
ALTER TABLE fka_ord ADD FOREIGN KEY (cust_id) REFERENCES fka_cust;
SELECT conname, conrelid::regclass FROM pg_constraint WHERE contype = 'f' ORDER BY 2;
-- enforced in every partition, through the parent or not, and on the referenced side
INSERT INTO fka_ord VALUES (3, 9, 'us');
INSERT INTO fka_ord_eu VALUES (4, 9, 'eu');
DELETE FROM fka_cust;
-- a partition cannot drop its copy; a partition made later gets it; dropping it on the parent drops all
ALTER TABLE fka_ord_eu DROP CONSTRAINT fka_ord_cust_id_fkey;
CREATE TABLE fka_ord_asia PARTITION OF fka_ord FOR VALUES IN ('asia');
INSERT INTO fka_ord VALUES (5, 9, 'asia');
ALTER TABLE fka_ord DROP CONSTRAINT fka_ord_cust_id_fkey;
SELECT conname, conrelid::regclass FROM pg_constraint WHERE contype = 'f' ORDER BY 2;
INSERT INTO fka_ord VALUES (5, 9, 'asia');
-- NOT VALID is refused; an action runs through the partitions
ALTER TABLE fka_ord ADD CONSTRAINT fka_ord_cust FOREIGN KEY (cust_id) REFERENCES fka_cust ON DELETE CASCADE NOT VALID;
DELETE FROM fka_ord WHERE cust_id = 9;
ALTER TABLE fka_ord ADD CONSTRAINT fka_ord_cust FOREIGN KEY (cust_id) REFERENCES fka_cust ON DELETE CASCADE;
DELETE FROM fka_cust;
SELECT * FROM fka_ord ORDER BY id;
DROP TABLE fka_ord, fka_cust;
