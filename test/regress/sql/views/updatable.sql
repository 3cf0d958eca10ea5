-- Automatically updatable views: INSERT, UPDATE, DELETE through simple views and views over
-- views, RETURNING, CHECK OPTION (LOCAL and CASCADED), and the views PostgreSQL refuses.
create table ut(id int primary key, a int, b text default 'dflt');
create view uv as select id, a, upper(b) as ub from ut where a > 0 with check option;
create view uv2 as select id as ident, a from uv where a < 100;
create view gv as select a, count(*) from ut group by a;
insert into uv values (1, 5);
insert into uv values (2, -1);
insert into uv (id, a, ub) values (3, 1, 'x');
update uv set ub = 'q';
insert into uv2 values (4, 50) returning *;
insert into uv2 values (5, 500);
insert into uv2 values (6, -5);
update uv2 set a = a + 1 where ident = 4 returning ident, a;
delete from uv2 where ident = 1 returning *;
insert into gv values (1, 2);
update gv set a = 1;
delete from gv;
select * from ut order by id;
create view dv as select distinct a from ut;
insert into dv values (1);
create view cv as select 1 as x;
delete from cv;
insert into cv values (1);
create view lv as select * from ut limit 5;
update lv set a = 1;
update uv set a = -1 where id = 4;
update uv set a = 7 where id = 4 returning *;
delete from uv where ub = 'DFLT' and id = 5;
select * from ut order by id;
insert into uv select 10, 10;
insert into uv (a, id) select 11, 11 returning ub, id;
update uv v set a = v.a * 2 where v.id = 11 returning v.*;
-- LOCAL checks only its own condition; CASCADED the ones below it too.
CREATE TABLE base (x int);
CREATE VIEW positive AS SELECT x FROM base WHERE x > 0;
CREATE VIEW small_local AS SELECT x FROM positive WHERE x < 10 WITH LOCAL CHECK OPTION;
CREATE VIEW small_cascaded AS SELECT x FROM positive WHERE x < 10 WITH CASCADED CHECK OPTION;
INSERT INTO small_local VALUES (-5);
INSERT INTO small_local VALUES (50);
INSERT INTO small_cascaded VALUES (-5);
INSERT INTO small_cascaded VALUES (5);
SELECT * FROM base ORDER BY x;
UPDATE small_cascaded SET x = x + 10;
UPDATE small_local SET x = NULL;
-- UPDATE ... FROM and DELETE ... USING through a view; renamed columns; prepared statements.
CREATE TABLE prices (id int, factor int);
INSERT INTO prices VALUES (4, 3);
UPDATE uv2 SET a = p.factor FROM prices p WHERE p.id = uv2.ident RETURNING uv2.ident, uv2.a;
DELETE FROM uv2 USING prices p WHERE p.id = uv2.ident;
PREPARE ins(int, int) AS INSERT INTO uv2 VALUES ($1, $2) RETURNING ident;
EXECUTE ins(20, 20);
EXECUTE ins(21, 21);
EXECUTE ins(22, -1);
SELECT * FROM uv2 ORDER BY ident;
-- Unknown and non-updatable columns.
INSERT INTO uv2 (nope) VALUES (1);
UPDATE uv2 SET nope = 1;
CREATE VIEW nothing_writable AS SELECT a + 1 AS b FROM ut;
INSERT INTO nothing_writable VALUES (1);
DELETE FROM nothing_writable WHERE b = 12;
SELECT count(*) FROM ut;
-- What information_schema and pg_relation_is_updatable say about them.
SELECT table_name, is_updatable, is_insertable_into FROM information_schema.views WHERE table_schema = 'public' ORDER BY 1;
SELECT table_name, column_name, is_updatable FROM information_schema.columns WHERE table_name IN ('uv', 'uv2', 'gv') ORDER BY 1, ordinal_position;
SELECT table_name, is_insertable_into FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1;
SELECT c.relname, pg_relation_is_updatable(c.oid, false) FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'v') ORDER BY 1;
-- INSERT ... ON CONFLICT through a view: its conflict target, EXCLUDED and DO UPDATE name view columns.
create table oc(id int primary key, a int, b text);
create view ocv as select id as k, a as val, b from oc where a >= 0 with check option;
insert into ocv values (1, 10, 'x') on conflict (k) do update set val = excluded.val + ocv.val returning *;
insert into ocv values (1, 5, 'y') on conflict (k) do update set val = excluded.val + ocv.val returning *;
insert into ocv values (1, 5, 'y') on conflict (k) do update set val = excluded.val + val, b = excluded.b where ocv.val > 100 returning *;
insert into ocv values (1, 5, 'z') on conflict (k) do nothing returning *;
insert into ocv values (1, -50, 'z') on conflict (k) do update set val = excluded.val;
insert into ocv values (2, 5, 'z') on conflict on constraint oc_pkey do update set b = 'w';
insert into ocv values (2, 5, 'z') on conflict on constraint oc_pkey do update set b = 'w' returning k, b;
insert into ocv values (3, 1, 'q') on conflict (nope) do nothing;
select * from oc order by id;
