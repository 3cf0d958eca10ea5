-- ALTER COLUMN ... TYPE on a partitioned table: every partition's column changes with it (rows
-- converted, indexes kept); ONLY, a partition alone, and a column of any level's key are refused.
CREATE TABLE at_p (id int, v int, note varchar(5), at date) PARTITION BY RANGE (at);
CREATE TABLE at_p1 PARTITION OF at_p FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE at_p2 PARTITION OF at_p FOR VALUES FROM ('2024-02-01') TO ('2024-03-01') PARTITION BY LIST (id);
CREATE TABLE at_p2a PARTITION OF at_p2 FOR VALUES IN (1, 2, 3);
CREATE INDEX ON at_p (v);
INSERT INTO at_p VALUES (1, 10, 'abc', '2024-01-05'), (2, 20, 'de', '2024-02-05');
ALTER TABLE ONLY at_p ALTER COLUMN v TYPE bigint;
ALTER TABLE at_p2a ALTER COLUMN v TYPE bigint;
ALTER TABLE at_p ALTER COLUMN v TYPE bigint;
-- rows that do not fit the new type fail it; USING converts
ALTER TABLE at_p ALTER COLUMN note TYPE varchar(2);
ALTER TABLE at_p ALTER COLUMN note TYPE text;
ALTER TABLE at_p ALTER COLUMN v TYPE numeric(10,2) USING v / 3.0;
ALTER TABLE at_p ALTER COLUMN at TYPE timestamp;
ALTER TABLE at_p ALTER COLUMN id TYPE bigint;
ALTER TABLE at_p DROP COLUMN id;
SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod) FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
 WHERE c.relname LIKE 'at_p%' AND c.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped ORDER BY 1, a.attnum;
SELECT tableoid::regclass, * FROM at_p ORDER BY id;
INSERT INTO at_p VALUES (3, 1.234, 'long text', '2024-02-07');
SELECT tableoid::regclass, * FROM at_p WHERE v > 1 ORDER BY id;
SELECT indexrelid::regclass, pg_get_indexdef(indexrelid) FROM pg_index WHERE indrelid::regclass::text LIKE 'at_p%' ORDER BY 1;
DROP TABLE at_p;
