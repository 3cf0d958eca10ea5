-- Cursors and subtransactions: a cursor declared after a savepoint closes when the transaction
-- rolls back to it; FETCHes made under a rolled-back savepoint stay done; a cursor whose FETCH
-- failed cannot run again; a cursor reads the rows of its DECLARE's moment, not later writes.
create table cur_sp (a int primary key, b text);
insert into cur_sp select g, 'row ' || g from generate_series(1, 5) g;

-- declared inside the savepoint, over a table made there: gone after ROLLBACK TO
begin;
savepoint x;
create table cur_sp_inner (a int);
insert into cur_sp_inner values (5), (10);
declare foo cursor for select * from cur_sp_inner;
fetch from foo;
rollback to x;
fetch from foo;
commit;

-- declared before the savepoint: its FETCHes under the savepoint are not undone
begin;
declare foo cursor for select * from cur_sp order by a;
fetch from foo;
savepoint x;
fetch from foo;
rollback to x;
fetch from foo;
select name, is_holdable from pg_cursors;
commit;

-- RELEASE hands the cursor to the enclosing level; a later rollback to an older savepoint closes it
begin;
savepoint outer_sp;
savepoint inner_sp;
declare c1 cursor for select a from cur_sp order by a;
release inner_sp;
fetch c1;
savepoint again;
rollback to again;
fetch c1;
rollback to outer_sp;
fetch c1;
rollback;

-- a FETCH that fails leaves the cursor failed; other cursors read on
begin;
declare ok cursor for select a from cur_sp order by a;
declare bad cursor for select 10 / (g - 2) from generate_series(1, 3) g;
fetch ok;
savepoint s1;
fetch ok;
fetch 2 from bad;
rollback to s1;
fetch ok;
fetch bad;
rollback to s1;
close bad;
fetch ok;
commit;

-- a cursor sees its transaction's writes made before DECLARE, not those made after it,
-- and reads on after the writes made after it are rolled back
begin;
insert into cur_sp values (6, 'before declare');
declare w cursor for select a, b from cur_sp order by a;
fetch 2 from w;
insert into cur_sp values (7, 'after declare');
update cur_sp set b = 'updated after declare' where a = 5;
savepoint s;
delete from cur_sp where a = 6;
insert into cur_sp values (8, 'rolled back');
rollback to s;
insert into cur_sp values (0, 'error') ;
insert into cur_sp values (0, 'duplicate key');
rollback to s;
fetch all from w;
select a, b from cur_sp where a >= 5 order by a;
rollback;

-- a cursor over an index reads the DECLARE's rows as well
begin;
update cur_sp set b = 'changed before' where a = 3;
declare ix cursor for select a, b from cur_sp where a between 2 and 4 order by a;
update cur_sp set b = 'changed after' where a between 2 and 4;
fetch all from ix;
rollback;

-- WITH HOLD: materialized at COMMIT from the DECLARE's rows
begin;
declare h cursor with hold for select a, b from cur_sp where a <= 2 order by a;
update cur_sp set b = 'after hold' where a <= 2;
commit;
fetch all from h;
close h;

-- data-modifying WITH is not allowed in a cursor
begin;
declare m cursor for with d as (delete from cur_sp where a = 1 returning a) select * from d;
rollback;
select count(*) from cur_sp;

drop table cur_sp;
