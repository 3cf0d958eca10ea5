-- LANGUAGE sql functions whose body writes: INSERT / UPDATE / DELETE, RETURNING as the result,
-- several statements, writes seen by the statements after them, and the errors.
create table log (id serial primary key, msg text, weight int);
create function add_log(m text) returns int language sql as
  $$ insert into log (msg, weight) values (m, length(m)) returning id $$;
select add_log('hello'), add_log('x');
select * from log order by id;
create function heavy() returns bigint language sql as
  $$ update log set weight = weight * 10 where weight > 1; select sum(weight) from log $$;
select heavy();
create function prune(limit_weight int) returns void language sql as 'delete from log where weight < limit_weight';
select prune(5);
select * from log order by id;
create function add_many(n int) returns bigint language sql as $$
  insert into log (msg, weight) select 'm' || g, g from generate_series(1, n) g;
  select count(*) from log
$$;
select add_many(3);
create function last_deleted() returns text language sql as 'delete from log where id = (select max(id) from log) returning msg';
select last_deleted(), last_deleted();
-- errors
create function no_result() returns int language sql as 'delete from log';
create function bad_table() returns int language sql as 'insert into nope values (1) returning 1';
create function bad_column() returns int language sql as 'update log set nope = 1 returning id';
create function dup_key(i int) returns int language sql as 'insert into log (id, msg) values (i, $$d$$) returning id';
select dup_key(1);
select count(*) from log;
