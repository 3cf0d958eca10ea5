-- INSERT ... ON CONFLICT on a partitioned table: the arbiter is looked up in the partition the
-- row goes to; DO UPDATE may not move the row to another partition.
CREATE TABLE oc (id int, grp text, v int, PRIMARY KEY (id, grp)) PARTITION BY LIST (grp);
CREATE TABLE oc_a PARTITION OF oc FOR VALUES IN ('a');
CREATE TABLE oc_b PARTITION OF oc FOR VALUES IN ('b');
INSERT INTO oc VALUES (1, 'a', 1), (2, 'b', 2);
INSERT INTO oc VALUES (1, 'a', 10) ON CONFLICT DO NOTHING;
INSERT INTO oc VALUES (1, 'b', 10) ON CONFLICT DO NOTHING RETURNING *;
INSERT INTO oc VALUES (1, 'a', 10) ON CONFLICT (id, grp) DO UPDATE SET v = excluded.v RETURNING *;
INSERT INTO oc VALUES (1, 'a', 10), (3, 'b', 3) ON CONFLICT (id, grp) DO UPDATE SET v = oc.v + 100 RETURNING *;
INSERT INTO oc VALUES (1, 'a', 10) ON CONFLICT (id, grp) DO UPDATE SET grp = 'b';
INSERT INTO oc VALUES (1, 'a', 10) ON CONFLICT (id, grp) DO UPDATE SET grp = 'a', v = 7 RETURNING *;
INSERT INTO oc VALUES (1, 'c', 10) ON CONFLICT DO NOTHING;
INSERT INTO oc VALUES (1, 'a', 10) ON CONFLICT ON CONSTRAINT oc_pkey DO UPDATE SET v = -1 RETURNING *;
INSERT INTO oc VALUES (1, 'a', 10) ON CONFLICT (id) DO NOTHING;
INSERT INTO oc VALUES (2, 'b', 0), (2, 'b', 1) ON CONFLICT (id, grp) DO UPDATE SET v = excluded.v;
SELECT * FROM oc ORDER BY 1, 2;
SELECT * FROM oc_b ORDER BY 1;
-- a unique index made on the partitioned table arbitrates as well
CREATE UNIQUE INDEX oc_v ON oc (v, grp);
INSERT INTO oc VALUES (9, 'b', 3) ON CONFLICT (v, grp) DO UPDATE SET id = 30 RETURNING *;
DROP TABLE oc;
