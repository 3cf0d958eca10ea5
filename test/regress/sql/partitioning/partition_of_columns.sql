-- Column options in CREATE TABLE ... PARTITION OF: a partition's own defaults, NOT NULL,
-- CHECK, keys and references on the columns it inherits. Rows routed through the parent take
-- the parent's defaults; rows written to the partition directly take the partition's.
CREATE TABLE poc (id int, a int, b text NOT NULL, c int DEFAULT 1) PARTITION BY RANGE (id);
CREATE TABLE poc1 PARTITION OF poc (a DEFAULT 10, b DEFAULT 'x', CHECK (a > 0)) FOR VALUES FROM (0) TO (10);
CREATE TABLE poc2 PARTITION OF poc (a WITH OPTIONS NOT NULL, c DEFAULT 7, PRIMARY KEY (id)) FOR VALUES FROM (10) TO (20);
CREATE TABLE poc3 PARTITION OF poc (id PRIMARY KEY, a UNIQUE CHECK (a < 100)) FOR VALUES FROM (20) TO (30);
CREATE TABLE poc4 PARTITION OF poc (zz DEFAULT 1) FOR VALUES FROM (30) TO (40);
CREATE TABLE poc4 PARTITION OF poc (a DEFAULT 1, a NOT NULL) FOR VALUES FROM (30) TO (40);
CREATE TABLE poc4 PARTITION OF poc (a GENERATED ALWAYS AS (id * 2) STORED) FOR VALUES FROM (30) TO (40);
CREATE TABLE poc4 PARTITION OF poc (a GENERATED ALWAYS AS IDENTITY) FOR VALUES FROM (30) TO (40);
CREATE TABLE poc4 PARTITION OF poc (a DEFAULT 'abc') FOR VALUES FROM (30) TO (40);
CREATE TABLE poc4 PARTITION OF poc (a DEFAULT a + 1) FOR VALUES FROM (30) TO (40);
CREATE TABLE poc4 PARTITION OF poc (b NULL, a REFERENCES poc3 (id)) FOR VALUES FROM (30) TO (40);
INSERT INTO poc (id) VALUES (1);
INSERT INTO poc (id, b) VALUES (11, 'y');
INSERT INTO poc (id, a, b) VALUES (12, NULL, 'y');
INSERT INTO poc (id, a, b) VALUES (2, -1, 'y');
INSERT INTO poc (id, a, b) VALUES (21, 200, 'y');
INSERT INTO poc (id, a, b) VALUES (21, 5, 'y'), (22, 5, 'z');
INSERT INTO poc1 (id) VALUES (3);
INSERT INTO poc2 (id, a, b) VALUES (13, 1, 'q');
INSERT INTO poc (id, a, b) VALUES (13, 1, 'q');
INSERT INTO poc (id, a, b) VALUES (23, 4, 'r'), (31, 23, 's');
INSERT INTO poc (id, a, b) VALUES (32, 99, 's');
SELECT tableoid::regclass, * FROM poc ORDER BY id;
SELECT attrelid::regclass, attname, attnotnull, pg_get_expr(adbin, adrelid)
FROM pg_attribute LEFT JOIN pg_attrdef ON adrelid = attrelid AND adnum = attnum
WHERE attrelid IN ('poc1'::regclass, 'poc2'::regclass, 'poc3'::regclass, 'poc4'::regclass) AND attnum > 0
ORDER BY 1, attnum;
SELECT conrelid::regclass, conname, contype FROM pg_constraint
WHERE conrelid IN ('poc1'::regclass, 'poc2'::regclass, 'poc3'::regclass, 'poc4'::regclass) ORDER BY 1, 2;
DROP TABLE poc;
