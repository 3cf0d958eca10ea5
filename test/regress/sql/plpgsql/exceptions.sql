-- PL/pgSQL exceptions: handlers, SQLSTATE / SQLERRM, diagnostics, rollback of the failed block, RAISE.
create table exc_log (id int primary key, note text);

-- handlers by condition name, by SQLSTATE and OTHERS; the first matching one runs
create function exc_catch(kind int) returns text language plpgsql as $$
begin
  if kind = 1 then perform 1 / 0;
  elsif kind = 2 then insert into exc_log values (1, 'a'), (1, 'b');
  elsif kind = 3 then perform 'x'::int;
  else raise exception 'custom %', kind;
  end if;
  return 'no error';
exception
  when division_by_zero then return 'div: ' || sqlstate || ' ' || sqlerrm;
  when unique_violation then return 'uniq: ' || sqlstate || ' ' || sqlerrm;
  when sqlstate '22P02' then return 'by code: ' || sqlerrm;
  when others then return 'others: ' || sqlstate || ' ' || sqlerrm;
end $$;
select exc_catch(1), exc_catch(3);
select exc_catch(2);
select exc_catch(4);
select count(*) from exc_log;

-- the failed block's changes are rolled back, earlier ones stay; nested handlers
create function exc_partial() returns text language plpgsql as $$
begin
  insert into exc_log values (10, 'kept');
  begin
    insert into exc_log values (11, 'undone');
    begin
      insert into exc_log values (12, 'inner undone');
      perform 1 / 0;
    exception when division_by_zero then
      raise notice 'inner handler, rows now %', (select count(*) from exc_log);
      insert into exc_log values (10, 'dup');
    end;
  exception when unique_violation then
    raise notice 'outer handler: %', sqlerrm;
  end;
  return (select string_agg(id || '=' || note, ', ' order by id) from exc_log);
end $$;
select exc_partial();

-- GET STACKED DIAGNOSTICS in a handler
create function exc_diag() returns void language plpgsql as $$
declare msg text; st text; det text; hnt text; ctx text;
begin
  raise exception 'bad thing %', 7 using errcode = '22023', detail = 'the detail', hint = 'the hint';
exception when others then
  get stacked diagnostics msg = message_text, st = returned_sqlstate,
    det = pg_exception_detail, hnt = pg_exception_hint, ctx = pg_exception_context;
  raise notice 'msg=% state=% detail=% hint=%', msg, st, det, hnt;
  raise notice 'context=%', ctx;
end $$;
select exc_diag();

-- a bare RAISE re-throws the current error to the caller
create function exc_reraise(x int) returns int language plpgsql as $$
begin
  return 10 / x;
exception when division_by_zero then
  raise notice 'seen %, re-raising', sqlstate;
  raise;
end $$;
select exc_reraise(0);

-- an uncaught error reports each PL/pgSQL frame it passed through
create function exc_inner(x int) returns int language plpgsql as $$
begin return 100 / x; end $$;
create function exc_outer(x int) returns int language plpgsql as $$
declare r int;
begin
  r := exc_inner(x - 1);
  return r;
end $$;
select exc_outer(1);

-- RAISE EXCEPTION with USING options, and RAISE of a condition name or SQLSTATE
do $$ begin raise exception 'order % failed', 42 using errcode = 'P0001', detail = 'stock was 0', hint = 'restock'; end $$;
do $$
begin
  raise exception using message = 'only a message', errcode = 'check_violation';
exception when others then raise notice 'caught % %', sqlstate, sqlerrm;
end $$;
do $$ begin raise unique_violation using message = 'duplicate key in my table'; end $$;
do $$ begin raise sqlstate '22012'; end $$;
do $$
begin
  raise unique_violation using message = 'dup';
exception when unique_violation then raise notice 'caught % %', sqlstate, sqlerrm;
end $$;

-- ASSERT: a false condition raises assert_failure (P0004), with the default or a custom message
do $$ begin assert 1 + 1 = 2; raise notice 'assert passed'; end $$;
do $$ begin assert 1 = 2; end $$;
do $$ declare n int := 3; begin assert n < 2, format('n is %s', n); end $$;
do $$ begin assert false; exception when assert_failure then raise notice 'caught %', sqlstate; end $$;

-- GET DIAGNOSTICS ROW_COUNT after UPDATE and DELETE
create function exc_rowcount() returns text language plpgsql as $$
declare u int; d int;
begin
  update exc_log set note = upper(note) where id >= 10;
  get diagnostics u = row_count;
  delete from exc_log where id = 999;
  get diagnostics d = row_count;
  return format('updated %s, deleted %s', u, d);
end $$;
select exc_rowcount();
select * from exc_log order by id;
