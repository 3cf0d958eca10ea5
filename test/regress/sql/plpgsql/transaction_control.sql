-- Transaction control beyond the basics: atomic callers (a trigger), FOR loops over cursors
-- across COMMIT, visibility after COMMIT / ROLLBACK, DO nested in a procedure, AND CHAIN's
-- isolation level, SET TRANSACTION once the statement has read.
create table ptx (id int primary key, v text);
create procedure ptx_commit_each(n int) language plpgsql as $$
begin
  for i in 1..n loop
    insert into ptx values (i, 'row ' || i);
    commit;
  end loop;
end $$;
-- a trigger's procedure call is atomic
create table ptx_src (id int);
create function ptx_trg() returns trigger language plpgsql as $$ begin call ptx_commit_each(1); return new; end $$;
create trigger ptx_trg after insert on ptx_src for each row execute function ptx_trg();
insert into ptx_src values (1);
select count(*) from ptx;
-- commit inside a cursor loop
call ptx_commit_each(5);
do $$
declare c cursor for select id from ptx order by id; total int := 0;
begin
  for r in c loop
    update ptx set v = 'seen' where id = r.id;
    total := total + r.id;
    commit;
  end loop;
  raise notice 'total %', total;
end $$;
select id, v from ptx order by id;
-- rows committed earlier in the procedure are visible to later queries in it
do $$
declare n int;
begin
  insert into ptx values (10, 'ten');
  commit;
  select count(*) into n from ptx;
  raise notice 'count after commit %', n;
  delete from ptx where id = 10;
  rollback;
  select count(*) into n from ptx;
  raise notice 'count after rollback %', n;
end $$;
-- nested DO inside a procedure
create procedure ptx_nested() language plpgsql as $$
begin
  insert into ptx values (20, 'outer');
  execute 'do $d$ begin insert into ptx values (21, ''inner''); commit; end $d$';
  rollback;
end $$;
call ptx_nested();
select id, v from ptx where id >= 20 order by id;
-- a repeatable read chain keeps its snapshot level
do $$
begin
  set transaction isolation level repeatable read;
  commit and chain;
  raise notice '%', current_setting('transaction_isolation');
  rollback and chain;
  raise notice '%', current_setting('transaction_isolation');
  rollback;
  raise notice '%', current_setting('transaction_isolation');
end $$;
-- a procedure that does not end the transaction works inside a block
begin;
create procedure ptx_plain() language plpgsql as $$ begin insert into ptx values (30, 'plain'); end $$;
call ptx_plain();
commit;
select id, v from ptx where id = 30;
-- the statement after a committing CALL sees its work
call ptx_commit_each(0);
drop table ptx, ptx_src;
drop function ptx_trg();
drop procedure ptx_commit_each, ptx_nested, ptx_plain;
