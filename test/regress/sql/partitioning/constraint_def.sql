-- pg_get_partition_constraintdef: the condition a partition's rows meet, from its bound and its
-- ancestors' (psql's \d+ of a partition prints it as "Partition constraint:")
-- RANGE on three columns: equal leading values, MINVALUE and MAXVALUE, and the DEFAULT partition
CREATE TABLE m (a int, b int, c text) PARTITION BY RANGE (a, b, c);
CREATE TABLE m1 PARTITION OF m FOR VALUES FROM (1, 2, 'x') TO (1, 5, 'a');
CREATE TABLE m2 PARTITION OF m FOR VALUES FROM (2, MINVALUE, MINVALUE) TO (3, 10, MAXVALUE);
CREATE TABLE m3 PARTITION OF m FOR VALUES FROM (MINVALUE, MINVALUE, MINVALUE) TO (0, 0, 'q');
CREATE TABLE m4 PARTITION OF m FOR VALUES FROM (5, 5, 'a') TO (MAXVALUE, MAXVALUE, MAXVALUE);
CREATE TABLE m5 PARTITION OF m FOR VALUES FROM (4, 1, 'a') TO (4, 1, 'c');
CREATE TABLE md PARTITION OF m DEFAULT;
SELECT relname, pg_get_partition_constraintdef(oid) FROM pg_class WHERE relname ~ '^m[0-9d]$' ORDER BY 1;
-- LIST with NULL, the DEFAULT partition (all other values), a DEFAULT partition alone
CREATE TABLE l (a text) PARTITION BY LIST (a);
CREATE TABLE l1 PARTITION OF l FOR VALUES IN ('x', NULL, 'b');
CREATE TABLE l2 PARTITION OF l FOR VALUES IN ('q');
CREATE TABLE l3 PARTITION OF l FOR VALUES IN ('c', 'a');
CREATE TABLE ld PARTITION OF l DEFAULT;
SELECT relname, pg_get_partition_constraintdef(oid) FROM pg_class WHERE relname ~ '^l[0-9d]$' ORDER BY 1;
CREATE TABLE l0 (a int) PARTITION BY LIST (a);
CREATE TABLE l0d PARTITION OF l0 DEFAULT;
CREATE TABLE l0n PARTITION OF l0 FOR VALUES IN (NULL);
SELECT relname, pg_get_partition_constraintdef(oid) FROM pg_class WHERE relname ~ '^l0' ORDER BY 1;
-- HASH: the parent's OID varies, so only the shape
CREATE TABLE h (a int, b text) PARTITION BY HASH (a, b);
CREATE TABLE h0 PARTITION OF h FOR VALUES WITH (MODULUS 2, REMAINDER 0);
SELECT pg_get_partition_constraintdef('h0'::regclass) ~ '^satisfies_hash_partition\(''\d+''::oid, 2, 0, a, b\)$';
-- two levels: the ancestors' conditions come first
CREATE TABLE d (t timestamptz, x date) PARTITION BY RANGE (t);
CREATE TABLE d1 PARTITION OF d FOR VALUES FROM ('2024-01-01') TO ('2024-02-01') PARTITION BY LIST (x);
CREATE TABLE d1a PARTITION OF d1 FOR VALUES IN ('2024-01-05');
CREATE TABLE dd PARTITION OF d DEFAULT;
SELECT relname, pg_get_partition_constraintdef(oid) FROM pg_class WHERE relname ~ '^d[0-9a-z]*$' AND relkind IN ('r', 'p') ORDER BY 1;
SELECT pg_get_partition_constraintdef('m'::regclass);
\d+ d1a
DROP TABLE m, l, l0, h, d;
