-- Records from set-returning functions in a select list: the whole row as a record value,
-- (f(x)).field for one of its columns, and (column).field on a record passed up from a
-- subquery (as PgJDBC's getPrimaryKeys reads pg_index.indkey through _pg_expandarray).
create table rec_pk (a int, b text, c int, primary key (c, a));
create index rec_b on rec_pk (b, c);
select information_schema._pg_expandarray(array[10,20,30]);
select information_schema._pg_expandarray(array['x', 'y z', '', null, 'q"u\o', '(p)', 'a,b']);
select (information_schema._pg_expandarray(array['x','y z'])).x, (information_schema._pg_expandarray(array['x','y z'])).n;
select * from information_schema._pg_expandarray(array[5,6]);
select x, n from information_schema._pg_expandarray(array['a','b']) order by n desc;
select k, (k).x, (k).n
  from (select information_schema._pg_expandarray(indkey) k from pg_index where indrelid = 'rec_pk'::regclass and indisprimary) s;
select a.attname, (s.keys).n as key_seq
  from (select i.indrelid, information_schema._pg_expandarray(i.indkey) as keys
          from pg_index i where i.indexrelid = 'rec_b'::regclass) s
  join pg_attribute a on a.attrelid = s.indrelid and a.attnum = (s.keys).x
 order by key_seq;
select pg_options_to_table(array['fillfactor=70', 'autovacuum_enabled']);
select (pg_options_to_table(array['fillfactor=70', 'autovacuum_enabled'])).option_value;
select generate_series(1, 3) as g, (information_schema._pg_expandarray(array['a','b'])).x;
-- records compare field by field (ORDER BY, DISTINCT, =), and go into arrays as text
select information_schema._pg_expandarray(array[2, 1, null, 1]) as k order by 1;
select distinct k from (select information_schema._pg_expandarray(array[1.0, 1.50, 1.5]) k) s order by 1;
select count(distinct (k).x) from (select information_schema._pg_expandarray(array[1.0, 1.50, 1.5]) k) s;
select array_agg(k order by (k).n desc) from (select information_schema._pg_expandarray(array['a', 'b c']) k) s;
-- errors
select _pg_expandarray(array[1]);
select pg_catalog._pg_expandarray(array[1]);
select (information_schema._pg_expandarray(array[1])).zz;
select (1).x;
select (b).x from rec_pk;
select information_schema._pg_expandarray(1);
drop table rec_pk;
