-- PL/pgSQL dynamic SQL: EXECUTE with format / quoting, INTO [STRICT], USING, dynamic DDL, row counts.
create table dyn_acct (id int primary key, owner text, balance numeric(10,2));
insert into dyn_acct values (1, 'ann', 100), (2, 'bob', 50), (3, 'o''neil', 75);

-- quoting helpers and format's %I / %L as they would appear in built statements
select quote_ident('plain'), quote_ident('Mixed Case'), quote_literal('o''neil'), quote_nullable(null);
select format('select %I from %I where owner = %L', 'balance', 'My Table', 'o''neil');

-- dynamic DDL: a per-period table created on demand, named with %I
create function dyn_make_table(period text) returns text language plpgsql as $$
declare tname text := 'dyn_events_' || period;
begin
  execute format('create table if not exists %I (id int primary key, payload text)', tname);
  execute format('insert into %I values (1, %L), (2, %L)', tname, 'first ' || period, null);
  return tname;
end $$;
select dyn_make_table('2024_01'), dyn_make_table('2024_02');
select * from dyn_events_2024_01 order by id;
-- again: IF NOT EXISTS skips with a notice, then the rows collide with the first call's
select dyn_make_table('2024_01');
-- built by concatenation with quote_ident / quote_literal instead of format
create function dyn_make_quoted() returns void language plpgsql as $$
begin
  execute 'create table ' || quote_ident('Dyn Mixed') || ' (v text)';
  execute 'insert into ' || quote_ident('Dyn Mixed') || ' values (' || quote_literal('it''s') || ')';
end $$;
select dyn_make_quoted();
select * from "Dyn Mixed";

-- EXECUTE ... INTO, with USING parameters; a non-STRICT INTO takes the first row or NULLs
create function dyn_lookup(col text, minbal numeric, who text) returns text language plpgsql as $$
declare v text; n bigint;
begin
  execute format('select %I::text from dyn_acct where balance >= $1 and owner <> $2 order by id', col)
    into v using minbal, who;
  execute 'select count(*) from dyn_acct where balance >= $1' into n using minbal;
  return coalesce(v, '<none>') || ' / ' || n;
end $$;
select dyn_lookup('owner', 60, 'ann'), dyn_lookup('id', 10, 'x'), dyn_lookup('balance', 1000, 'x');

-- EXECUTE INTO STRICT: no rows is no_data_found (P0002), several is too_many_rows (P0003)
create function dyn_strict(minbal numeric) returns text language plpgsql as $$
declare v text;
begin
  execute 'select owner from dyn_acct where balance >= $1' into strict v using minbal;
  return v;
end $$;
select dyn_strict(90);
select dyn_strict(500);
select dyn_strict(0);
create function dyn_strict_caught(minbal numeric) returns text language plpgsql as $$
declare v text;
begin
  execute 'select owner from dyn_acct where balance >= $1' into strict v using minbal;
  return v;
exception
  when no_data_found then return 'no_data_found ' || sqlstate;
  when too_many_rows then return 'too_many_rows ' || sqlstate;
end $$;
select dyn_strict_caught(500), dyn_strict_caught(0);

-- static SELECT INTO STRICT raises the same errors
create function dyn_static_strict(minbal numeric) returns text language plpgsql as $$
declare v text;
begin
  select owner into strict v from dyn_acct where balance >= minbal;
  return v;
end $$;
select dyn_static_strict(90);
select dyn_static_strict(500);
select dyn_static_strict(0);

-- ROW_COUNT after a dynamic UPDATE; EXECUTE leaves FOUND alone
create function dyn_bump(pct numeric, maxbal numeric) returns text language plpgsql as $$
declare c int;
begin
  perform 1 from dyn_acct where false;
  execute 'update dyn_acct set balance = balance * (1 + $1 / 100) where balance < $2' using pct, maxbal;
  get diagnostics c = row_count;
  return format('updated %s rows, found=%s', c, found);
end $$;
select dyn_bump(10, 80);
select * from dyn_acct order by id;

-- INSERT ... RETURNING INTO, static and dynamic
create function dyn_open(who text, amount numeric) returns text language plpgsql as $$
declare new_id int; got record;
begin
  insert into dyn_acct values ((select max(id) + 1 from dyn_acct), who, amount) returning id into new_id;
  execute 'insert into dyn_acct values ($1, $2, $3) returning id, owner' into got using new_id + 1, who || '2', amount * 2;
  return new_id || ' and ' || got.id || ' (' || got.owner || ')';
end $$;
select dyn_open('cy', 10);
select * from dyn_acct where id > 3 order by id;

-- errors inside dynamic statements report the query text
do $$ begin execute 'select * from dyn_no_such_table'; end $$;
do $$ begin execute format('select %s from dyn_acct', 'nosuchcol'); end $$;
