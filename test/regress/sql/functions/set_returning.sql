-- User-defined functions as row sources: RETURNS SETOF a table's row type or a scalar, RETURNS
-- TABLE (...), OUT parameters, in FROM (with aliases, ORDINALITY, LATERAL) and in select lists.
create table items (id int primary key, name text, price numeric(8,2));
insert into items values (1, 'apple', 1.50), (2, 'pear', 2.25), (3, 'fig', null);
create function cheap(max_price numeric) returns setof items language sql stable as
  $$ select * from items where price <= max_price order by id $$;
select * from cheap(2);
select name from cheap(5) where id > 1;
select c.id, c.name from cheap(max_price => 10) c order by c.id desc;
create function ids(n int) returns setof int language sql as 'select g from generate_series(1, n) g';
select * from ids(3);
select * from ids(3) with ordinality as t(v, ord);
select i.id, x from items i, ids(i.id) x order by 1, 2;
create function pairs(n int) returns table(k int, label text) language sql as
  $$ select g, 'item ' || g from generate_series(1, n) g $$;
select * from pairs(2);
select label from pairs(3) where k = 2;
create function one_row(out a int, out b text) language sql as $$ select 1, 'x' $$;
select * from one_row();
select one_row();
select (one_row()).b;
create function scalar_from(n int) returns int language sql as 'select n * 2';
select * from scalar_from(21);
select * from scalar_from(21) as s(v);
create function empty_set() returns setof int language sql as 'select 1 where false';
select count(*) from empty_set();
create function bad_cols() returns table(a int, b int) language sql as 'select 1';
create function bad_types() returns table(a int, b int) language sql as $$ select 1, 'x'::text $$;
select ids(3);
select * from nope_fn(1);
select ids(2), 'x' as tag;
select pairs(2);
select (pairs(2)).label;
select id, ids(id) from items order by 1, 2;
