-- SET LOCAL run by a function or DO block outside a transaction block lasts until the statement's
-- transaction ends (no warning: it is not the client's statement); the client's own SET LOCAL
-- there warns and does nothing.
create function sl_f() returns text language plpgsql as $$
begin
  set local work_mem = '3MB';
  return current_setting('work_mem');
end $$;
select sl_f();
show work_mem;
do $$ begin set local work_mem = '5MB'; raise notice '%', current_setting('work_mem'); end $$;
show work_mem;
set local work_mem = '6MB';
show work_mem;
begin;
select sl_f();
show work_mem;
commit;
show work_mem;
drop function sl_f();
