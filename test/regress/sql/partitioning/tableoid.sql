-- tableoid through a partitioned table: each row's partition (a leaf, at any depth).
CREATE TABLE toid_events (id int, kind text, at date) PARTITION BY RANGE (at);
CREATE TABLE toid_events_2026_01 PARTITION OF toid_events FOR VALUES FROM ('2026-01-01') TO ('2026-02-01');
CREATE TABLE toid_events_2026_02 PARTITION OF toid_events FOR VALUES FROM ('2026-02-01') TO ('2026-03-01')
  PARTITION BY LIST (kind);
CREATE TABLE toid_events_2026_02_a PARTITION OF toid_events_2026_02 FOR VALUES IN ('a');
CREATE TABLE toid_events_2026_02_rest PARTITION OF toid_events_2026_02 DEFAULT;
CREATE TABLE toid_events_other PARTITION OF toid_events DEFAULT;
INSERT INTO toid_events VALUES (1, 'a', '2026-01-05'), (2, 'b', '2026-01-20'), (3, 'a', '2026-02-02'),
  (4, 'b', '2026-02-03'), (5, 'a', '2027-01-01');

SELECT tableoid::regclass, * FROM toid_events ORDER BY id;
SELECT e.tableoid::regclass AS part, e.id FROM toid_events e ORDER BY 2;
SELECT tableoid::regclass AS part, count(*) FROM toid_events GROUP BY 1 ORDER BY 1;
SELECT id FROM toid_events WHERE tableoid = 'toid_events_2026_02_a'::regclass;
SELECT id, tableoid::regclass FROM toid_events_2026_02 ORDER BY id;
SELECT id, tableoid::regclass FROM toid_events_2026_01 ORDER BY id;
-- Pruned to one partition, or to none.
SELECT tableoid::regclass, id FROM toid_events WHERE at = '2026-01-05';
SELECT tableoid::regclass, id FROM toid_events WHERE at < '2000-01-01';
EXPLAIN (COSTS OFF) SELECT tableoid::regclass, id FROM toid_events WHERE at = '2026-01-05';
-- The hidden column is not one of the row's.
SELECT * FROM toid_events WHERE id = 1;
SELECT e.* FROM toid_events e WHERE id = 2;
SELECT e FROM toid_events e WHERE id = 3;
SELECT row_to_json(e) FROM toid_events e WHERE id = 4;
-- Joins, outer joins, subqueries, views, FOR UPDATE.
CREATE TABLE toid_kinds (kind text PRIMARY KEY, label text);
INSERT INTO toid_kinds VALUES ('a', 'alpha'), ('c', 'gamma');
SELECT k.kind, e.id, e.tableoid::regclass FROM toid_kinds k LEFT JOIN toid_events e ON e.kind = k.kind ORDER BY 1, 2;
SELECT e1.id, e2.id, e1.tableoid = e2.tableoid AS same FROM toid_events e1 JOIN toid_events e2 ON e1.kind = e2.kind AND e1.id < e2.id ORDER BY 1, 2;
SELECT part, n FROM (SELECT tableoid::regclass AS part, count(*) AS n FROM toid_events GROUP BY tableoid) s ORDER BY n DESC, part;
CREATE VIEW toid_view AS SELECT tableoid::regclass AS part, id FROM toid_events;
SELECT * FROM toid_view ORDER BY id;
SELECT tableoid::regclass, id FROM toid_events WHERE kind = 'b' ORDER BY id FOR UPDATE;
SELECT id FROM toid_events e WHERE EXISTS (SELECT 1 FROM toid_events f WHERE f.tableoid = e.tableoid AND f.id <> e.id) ORDER BY id;
DELETE FROM toid_kinds k USING toid_events e WHERE e.kind = k.kind AND e.tableoid = 'toid_events_other'::regclass RETURNING k.kind;
SELECT tableoid FROM toid_kinds k, toid_events e;
-- An INSERT's RETURNING: the partition each row went to.
INSERT INTO toid_events VALUES (6, 'a', '2026-02-10'), (7, 'z', '2026-02-11'), (8, 'z', '2030-01-01')
RETURNING tableoid::regclass, id;
INSERT INTO toid_events_2026_01 VALUES (9, 'q', '2026-01-09') RETURNING tableoid::regclass, *;
CREATE UNIQUE INDEX ON toid_events (id, at);
INSERT INTO toid_events VALUES (6, 'b', '2026-02-10') ON CONFLICT (id, at) DO UPDATE SET kind = excluded.kind
RETURNING tableoid::regclass, *;
-- UPDATE and DELETE: the partition each target row is in (in WHERE), and is in after the
-- change (in RETURNING: a row that moved gives its new partition).
UPDATE toid_events SET kind = 'a' WHERE id = 4 RETURNING tableoid::regclass, *;
UPDATE toid_events SET at = '2026-01-04' WHERE tableoid = 'toid_events_2026_02_a'::regclass RETURNING tableoid::regclass, id, at;
UPDATE toid_events e SET kind = k.kind FROM toid_kinds k WHERE e.id = 2 AND k.kind = 'c'
RETURNING e.tableoid::regclass, e.id, k.kind;
DELETE FROM toid_events WHERE tableoid = 'toid_events_other'::regclass RETURNING tableoid::regclass, id;
DELETE FROM toid_events WHERE id = 1 RETURNING tableoid::regclass, id;
SELECT tableoid::regclass, * FROM toid_events ORDER BY id;
DROP VIEW toid_view;
DROP TABLE toid_kinds;
DROP TABLE toid_events;
