-- What depends on a view's tables, columns and other views: DROP ... RESTRICT refuses with
-- PostgreSQL's DETAIL, CASCADE takes the views along; renames reach into views.
CREATE TABLE t (a int, b text, c int);
CREATE TABLE parent (id int PRIMARY KEY);
CREATE TABLE child (pid int REFERENCES parent);
CREATE VIEW v1 AS SELECT a, b FROM t;
CREATE VIEW v2 AS SELECT * FROM v1;
CREATE VIEW v3 AS SELECT b FROM v2 WHERE a > 0;
CREATE VIEW vc AS SELECT c FROM t;
CREATE VIEW vp AS SELECT id FROM parent;
DROP TABLE t;
DROP VIEW v1;
DROP VIEW v2;
DROP TABLE parent;
-- Columns: only the views that read the column stand in the way.
ALTER TABLE t DROP COLUMN a;
ALTER TABLE t DROP COLUMN c;
ALTER TABLE t ALTER COLUMN b TYPE varchar(10);
ALTER TABLE t ADD COLUMN d int;
ALTER TABLE t DROP COLUMN d;
ALTER TABLE t ALTER COLUMN c TYPE bigint;
ALTER TABLE t DROP COLUMN c CASCADE;
SELECT relname FROM pg_class WHERE relname IN ('vc', 'v1', 'v2', 'v3') ORDER BY 1;
-- Renaming a table or a view, or moving its schema's name, keeps the views reading it.
INSERT INTO t VALUES (1, 'one', 10), (-1, 'minus', 20);
ALTER TABLE t RENAME TO t_renamed;
ALTER VIEW v1 RENAME TO v1_renamed;
SELECT * FROM v3;
SELECT * FROM v1_renamed ORDER BY a;
ALTER VIEW t_renamed RENAME TO t2;
ALTER VIEW v3 RENAME COLUMN b TO bee;
SELECT * FROM v3;
\d v3
-- Renaming a column the views read: they read it under its new name, and keep their own.
ALTER TABLE t_renamed RENAME COLUMN b TO bb;
SELECT * FROM v3;
SELECT * FROM v1_renamed ORDER BY a;
ALTER VIEW v1_renamed RENAME COLUMN a TO aa;
SELECT * FROM v3;
SELECT * FROM v2 ORDER BY a;
\d v2
CREATE SCHEMA s;
CREATE TABLE s.inner_t (x int);
INSERT INTO s.inner_t VALUES (7);
CREATE VIEW outer_v AS SELECT x FROM s.inner_t;
ALTER SCHEMA s RENAME TO s2;
SELECT * FROM outer_v;
DROP SCHEMA s2;
DROP SCHEMA s2 CASCADE;
-- CASCADE notices, one object and several.
DROP VIEW v2 CASCADE;
SELECT relname FROM pg_class WHERE relname LIKE 'v%' AND relnamespace = 'public'::regnamespace ORDER BY 1;
DROP TABLE parent CASCADE;
DROP TABLE t_renamed CASCADE;
SELECT relname FROM pg_class WHERE relkind = 'v' AND relnamespace = 'public'::regnamespace ORDER BY 1;
-- In a transaction, a dropped view comes back with ROLLBACK.
CREATE TABLE r (x int);
CREATE VIEW rv AS SELECT x FROM r;
BEGIN;
DROP VIEW rv;
SELECT * FROM rv;
ROLLBACK;
SELECT * FROM rv;
BEGIN;
CREATE VIEW rv2 AS SELECT x + 1 AS y FROM r;
ROLLBACK;
SELECT * FROM rv2;

-- Types and domains a view's query names, and schemas holding materialized views.
create type mood as enum ('sad', 'happy');
create domain posint as int check (value > 0);
create table tm (x int);
create view mv_enum as select 'sad'::mood as m from tm;
create view mv_dom as select x::posint as p from tm;
create view over_enum as select m from mv_enum;
drop type mood;
drop domain posint;
drop type mood cascade;
drop domain posint cascade;
select relname from pg_class where relname in ('mv_enum','mv_dom','over_enum');
create schema sx;
create table sx.base (a int);
create materialized view sx.mat as select a from sx.base;
create view public.outside as select a from sx.mat;
drop schema sx;
drop schema sx cascade;
