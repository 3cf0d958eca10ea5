-- DO blocks: anonymous PL/pgSQL run once, with their own declarations, side effects and errors.
do $$ begin raise notice 'hello from DO'; end $$;
do language plpgsql $$ begin raise notice 'language before body'; end $$;
do $$ begin raise notice 'language after body'; end $$ language plpgsql;
do $body$
declare greeting text := 'dollar-quoted with a tag: $$ inside';
begin raise notice '%', greeting; end
$body$;
do 'begin raise notice ''a plain string body''; end';

-- a DO block creates and fills a table; its effects stay after it ends
do $$
begin
  create table do_items (id int primary key, name text);
  for i in 1..5 loop
    insert into do_items values (i, 'item ' || i);
  end loop;
  raise notice 'inserted % rows', (select count(*) from do_items);
end $$;
select * from do_items order by id;

-- a DO block may RETURN early but cannot return a value
do $$ begin return; raise notice 'not reached'; end $$;
do $$ begin return 1; end $$;

-- an error aborts the whole block: nothing it did is kept, CONTEXT names inline_code_block
do $$
declare n int;
begin
  insert into do_items values (6, 'six');
  n := 10 / (select count(*) - 6 from do_items);
  raise notice 'not reached %', n;
end $$;
select count(*) from do_items;
do $$
begin
  insert into do_items values (1, 'dup');
end $$;

-- inside a transaction block a DO block's work is rolled back with the transaction
begin;
do $$ begin update do_items set name = upper(name) where id <= 2; end $$;
select name from do_items where id <= 2 order by id;
rollback;
select name from do_items where id <= 2 order by id;

-- migration style: add a column only when information_schema says it is missing
do $$
begin
  if not exists (select 1 from information_schema.columns
                 where table_name = 'do_items' and column_name = 'price') then
    alter table do_items add column price numeric(8,2) default 0;
    raise notice 'added column price';
  else
    raise notice 'column price already there';
  end if;
end $$;
do $$
begin
  if not exists (select 1 from information_schema.columns
                 where table_name = 'do_items' and column_name = 'price') then
    alter table do_items add column price numeric(8,2) default 0;
    raise notice 'added column price';
  else
    raise notice 'column price already there';
  end if;
end $$;
select column_name, data_type, column_default from information_schema.columns
 where table_name = 'do_items' order by ordinal_position;

-- migration style: create an index and a table only if absent, by catalog lookup
do $$
begin
  if not exists (select 1 from pg_indexes where tablename = 'do_items' and indexname = 'do_items_name_idx') then
    create index do_items_name_idx on do_items (name);
  end if;
  if to_regclass('do_audit') is null then
    create table do_audit (id serial primary key, note text);
  end if;
  insert into do_audit (note) values ('migrated');
end $$;
select indexname from pg_indexes where tablename = 'do_items' order by indexname;
select * from do_audit;

-- a dynamic statement built in a DO block, and a nested block with a handler
do $$
declare t text;
begin
  for t in select table_name from information_schema.tables
           where table_schema = 'public' and table_name like 'do\_%' order by table_name loop
    execute format('comment on table %I is %L', t, 'touched by DO');
  end loop;
  begin
    perform 1 / 0;
  exception when division_by_zero then
    raise notice 'handled inside DO: %', sqlerrm;
  end;
end $$;
select c.relname, obj_description(c.oid, 'pg_class') from pg_class c
 where c.relname in ('do_items', 'do_audit') order by c.relname;
