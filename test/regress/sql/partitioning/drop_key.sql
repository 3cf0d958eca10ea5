-- ALTER TABLE ... DROP CONSTRAINT of a partitioned table's PRIMARY KEY or UNIQUE constraint: the
-- partitions' constraints attached to it go too, at every level (ONLY as well: they depend on it).
CREATE TABLE dk (id int, region text, v int, PRIMARY KEY (id, region), UNIQUE (v, region, id)) PARTITION BY LIST (region);
CREATE TABLE dk_eu PARTITION OF dk FOR VALUES IN ('eu');
CREATE TABLE dk_us PARTITION OF dk FOR VALUES IN ('us') PARTITION BY RANGE (id);
CREATE TABLE dk_us_1 PARTITION OF dk_us FOR VALUES FROM (0) TO (100);
INSERT INTO dk VALUES (1, 'eu', 1), (2, 'us', 2);
SELECT conname, conrelid::regclass, contype FROM pg_constraint WHERE conrelid::regclass::text LIKE 'dk%' ORDER BY 2, 1;
-- a partition's own copy cannot go alone; a key referenced by a foreign key cannot go
ALTER TABLE dk_eu DROP CONSTRAINT dk_eu_pkey;
CREATE TABLE dk_ref (id int, region text, FOREIGN KEY (id, region) REFERENCES dk);
-- (PostgreSQL's DETAIL names whichever partition's index it meets first: left out)
\set VERBOSITY terse
ALTER TABLE dk DROP CONSTRAINT dk_pkey;
\set VERBOSITY default
DROP TABLE dk_ref;
ALTER TABLE ONLY dk DROP CONSTRAINT dk_pkey;
ALTER TABLE dk DROP CONSTRAINT dk_pkey;
SELECT conname, conrelid::regclass, contype FROM pg_constraint WHERE conrelid::regclass::text LIKE 'dk%' ORDER BY 2, 1;
ALTER TABLE dk DROP CONSTRAINT dk_v_region_id_key;
SELECT conname, conrelid::regclass, contype FROM pg_constraint WHERE conrelid::regclass::text LIKE 'dk%' ORDER BY 2, 1;
SELECT indexrelid::regclass FROM pg_index WHERE indrelid::regclass::text LIKE 'dk%' ORDER BY 1;
-- the rows stay; duplicates are allowed now, and a new key is checked against them
INSERT INTO dk VALUES (1, 'eu', 1), (2, 'us', 2);
SELECT tableoid::regclass, * FROM dk ORDER BY id, region;
ALTER TABLE dk ADD PRIMARY KEY (id, region);
DELETE FROM dk;
INSERT INTO dk VALUES (1, 'eu', 1), (2, 'us', 2);
ALTER TABLE dk ADD PRIMARY KEY (id, region);
INSERT INTO dk VALUES (1, 'eu', 3);
SELECT conname, conrelid::regclass, contype FROM pg_constraint WHERE conrelid::regclass::text LIKE 'dk%' ORDER BY 2, 1;
DROP TABLE dk;
