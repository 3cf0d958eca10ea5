-- SQL cursors: DECLARE, FETCH and MOVE in every direction, CLOSE, WITH HOLD, pg_cursors.
CREATE TABLE cur_items (id int PRIMARY KEY, name text);
INSERT INTO cur_items SELECT g, 'item ' || g FROM generate_series(1, 10) g;

-- a cursor needs a transaction block unless it is held
DECLARE c0 CURSOR FOR SELECT 1;

BEGIN;
DECLARE c1 NO SCROLL CURSOR FOR SELECT id, name FROM cur_items ORDER BY id;
FETCH c1;
FETCH 2 FROM c1;
FETCH NEXT IN c1;
FETCH FORWARD 3 FROM c1;
MOVE 2 IN c1;
FETCH c1;
FETCH ALL FROM c1;
FETCH c1;
MOVE c1;
-- a NO SCROLL cursor moves only forward
FETCH PRIOR FROM c1;
ROLLBACK;

BEGIN;
DECLARE s SCROLL CURSOR FOR SELECT id FROM cur_items ORDER BY id;
FETCH LAST FROM s;
FETCH PRIOR FROM s;
FETCH FIRST FROM s;
FETCH ABSOLUTE 4 FROM s;
FETCH RELATIVE 2 FROM s;
FETCH RELATIVE -3 FROM s;
FETCH RELATIVE 0 FROM s;
FETCH ABSOLUTE -2 FROM s;
FETCH BACKWARD 3 FROM s;
FETCH BACKWARD ALL FROM s;
FETCH FORWARD 0 FROM s;
FETCH ABSOLUTE 11 FROM s;
FETCH BACKWARD 1 FROM s;
MOVE BACKWARD ALL IN s;
FETCH s;
MOVE ABSOLUTE 0 IN s;
MOVE FORWARD ALL IN s;
MOVE RELATIVE -4 IN s;
FETCH s;
FETCH ABSOLUTE 0 FROM s;
FETCH FORWARD 20 FROM s;
FETCH -2 FROM s;
MOVE -3 IN s;
FETCH s;
FETCH BACKWARD -1 FROM s;
CLOSE s;
FETCH s;
COMMIT;

-- names, errors, CLOSE ALL, pg_cursors
BEGIN;
DECLARE a SCROLL CURSOR FOR SELECT id FROM cur_items WHERE id <= 3 ORDER BY id;
DECLARE b NO SCROLL CURSOR FOR SELECT name FROM cur_items WHERE id > 8 ORDER BY id;
SELECT name, statement, is_holdable, is_binary, is_scrollable FROM pg_cursors ORDER BY name;
DECLARE a CURSOR FOR SELECT 1;
ROLLBACK;
BEGIN;
DECLARE a CURSOR FOR SELECT id FROM cur_items WHERE id <= 3 ORDER BY id;
DECLARE b NO SCROLL CURSOR FOR SELECT name FROM cur_items WHERE id > 8 ORDER BY id;
FETCH ALL FROM b;
CLOSE ALL;
SELECT count(*) FROM pg_cursors;
FETCH a;
ROLLBACK;
BEGIN;
CLOSE nosuch;
ROLLBACK;
BEGIN;
DECLARE x SCROLL NO SCROLL CURSOR FOR SELECT 1;
ROLLBACK;
BEGIN;
DECLARE x SCROLL CURSOR FOR SELECT id FROM cur_items FOR UPDATE;
ROLLBACK;
BEGIN;
DECLARE x CURSOR WITH HOLD FOR SELECT id FROM cur_items FOR UPDATE;
ROLLBACK;
BEGIN;
DECLARE "" CURSOR FOR SELECT 1;
ROLLBACK;

-- the cursor reads the snapshot of its DECLARE
BEGIN;
DECLARE snap CURSOR FOR SELECT id FROM cur_items WHERE id > 8 ORDER BY id;
FETCH snap;
ROLLBACK;

-- WITH HOLD: the rest of the rows outlive the transaction
BEGIN;
DECLARE h CURSOR WITH HOLD FOR SELECT id, name FROM cur_items ORDER BY id;
FETCH 3 FROM h;
COMMIT;
SELECT name, is_holdable FROM pg_cursors;
DELETE FROM cur_items WHERE id > 5;
FETCH 3 FROM h;
FETCH ALL FROM h;
CLOSE h;
-- declared outside a block, a held cursor keeps its whole result
DECLARE h2 CURSOR WITH HOLD FOR SELECT id FROM cur_items ORDER BY id DESC;
FETCH 2 FROM h2;
-- a held cursor declared in a transaction that rolls back is gone
BEGIN;
DECLARE h3 CURSOR WITH HOLD FOR SELECT 1;
ROLLBACK;
SELECT name FROM pg_cursors ORDER BY name;
CLOSE h2;

-- FOR UPDATE cursors lock the rows they pass
BEGIN;
DECLARE u CURSOR FOR SELECT id FROM cur_items ORDER BY id FOR UPDATE;
FETCH 2 FROM u;
COMMIT;

-- a cursor over a join, an aggregate and a VALUES list
BEGIN;
DECLARE j CURSOR FOR SELECT a.id, b.name FROM cur_items a JOIN cur_items b ON b.id = a.id + 1 ORDER BY a.id;
FETCH 2 FROM j;
DECLARE g CURSOR FOR SELECT count(*), max(id) FROM cur_items;
FETCH g;
DECLARE v CURSOR FOR VALUES (1, 'one'), (2, 'two');
FETCH ALL FROM v;
COMMIT;

-- an error inside the block ends the cursors with it
BEGIN;
DECLARE e CURSOR FOR SELECT id FROM cur_items ORDER BY id;
FETCH e;
SELECT 1 / 0;
FETCH e;
ROLLBACK;
SELECT count(*) FROM pg_cursors;
DROP TABLE cur_items;
