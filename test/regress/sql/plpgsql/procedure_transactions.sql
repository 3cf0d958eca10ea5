-- Transaction control in PL/pgSQL: COMMIT / ROLLBACK in procedures run by CALL and in DO
-- blocks, what survives afterwards, INOUT arguments, and where COMMIT is refused.
create table pt_log (id int primary key, note text);

-- commit every 3 rows, then roll back the unfinished tail
create procedure pt_batch(n int, every int) language plpgsql as $$
begin
  for i in 1..n loop
    insert into pt_log values (i, 'batch');
    if i % every = 0 then
      commit;
      raise notice 'committed through %', i;
    end if;
  end loop;
  rollback;
end $$;
call pt_batch(10, 3);
select count(*), max(id) from pt_log;

-- an error after a COMMIT loses only the work done since that COMMIT
create procedure pt_fail() language plpgsql as $$
begin
  insert into pt_log values (100, 'kept');
  commit;
  insert into pt_log values (101, 'lost');
  insert into pt_log values (100, 'duplicate');
end $$;
call pt_fail();
select id, note from pt_log where id >= 100 order by id;

-- COMMIT and ROLLBACK inside a DO block
do $$
begin
  insert into pt_log values (200, 'do committed');
  commit;
  insert into pt_log values (201, 'do rolled back');
  rollback;
  insert into pt_log values (202, 'do end of block');
end $$;
select id, note from pt_log where id >= 200 order by id;

-- committing inside a loop over a query keeps the loop going
create table pt_src (id int);
insert into pt_src select generate_series(1, 4);
do $$
declare r record;
begin
  for r in select id from pt_src order by id loop
    update pt_log set note = 'looped' where id = r.id;
    if r.id % 2 = 0 then commit; else rollback; end if;
  end loop;
end $$;
select id, note from pt_log where id <= 4 order by id;

-- a procedure called by a procedure may commit; COMMIT AND CHAIN keeps the settings
create procedure pt_inner() language plpgsql as $$
begin
  insert into pt_log values (300, 'inner');
  commit;
end $$;
create procedure pt_outer() language plpgsql as $$
begin
  call pt_inner();
  set transaction isolation level repeatable read;
  commit and chain;
  raise notice 'after chain: %', current_setting('transaction_isolation');
  commit;
  raise notice 'after plain commit: %', current_setting('transaction_isolation');
end $$;
call pt_outer();
select note from pt_log where id = 300;

-- INOUT and OUT arguments: CALL returns one row
create procedure pt_inout(inout total int, inout label text, out doubled int) language plpgsql as $$
begin
  total := total + 1;
  label := upper(label);
  doubled := total * 2;
end $$;
call pt_inout(41, 'answer', null);
do $$
declare t int := 1; l text := 'x'; d int;
begin
  call pt_inout(t, l, d);
  raise notice 'total % label % doubled %', t, l, d;
end $$;

-- errors: CALL inside an explicit transaction block cannot commit
create procedure pt_tick(k int) language plpgsql as $$
begin
  insert into pt_log values (k, 'tick');
  commit;
end $$;
begin;
call pt_tick(500);
rollback;
begin;
do $$ begin commit; end $$;
rollback;
-- errors: functions cannot commit, not even through a procedure they call
create function pt_func() returns void language plpgsql as $$ begin commit; end $$;
select pt_func();
create function pt_func2() returns void language plpgsql as $$ begin call pt_tick(501); end $$;
select pt_func2();
-- errors: no COMMIT while a block with an EXCEPTION clause is running
do $$
begin
  insert into pt_log values (400, 'in subtransaction');
  commit;
exception when others then
  raise notice 'caught: %', sqlerrm;
  raise;
end $$;
-- errors: SECURITY DEFINER or SET on the procedure rules out transaction control
create procedure pt_setter() language plpgsql set work_mem = '2MB' as $$ begin commit; end $$;
call pt_setter();
create procedure pt_definer() language plpgsql security definer as $$ begin rollback; end $$;
call pt_definer();
-- nothing from the failed statements was kept
select id from pt_log where id >= 400 order by id;
select count(*) from pt_log;
