-- Joins nested as the right operand of another join, with subqueries of constants in several
-- positions (PostgreSQL's join.sql killed the server with the first query: the nested join's
-- conditions read positions of the whole FROM row in rows holding only its own columns).
CREATE TABLE int8_tbl (q1 int8, q2 int8);
INSERT INTO int8_tbl VALUES (123, 456), (123, 4567890123456789), (4567890123456789, 123),
  (4567890123456789, 4567890123456789), (4567890123456789, -4567890123456789);
CREATE TABLE t_pk (id int8 PRIMARY KEY, label text);
INSERT INTO t_pk VALUES (123, 'one-two-three'), (456, 'four-five-six'), (4567890123456789, 'big');

select * from int8_tbl i1 left join (int8_tbl i2 join
  (select 123 as x) ss on i2.q1 = x) on i1.q2 = i2.q2
order by 1, 2;
select * from int8_tbl i1 join (int8_tbl i2 join
  (select 123 as x) ss on i2.q1 = x) on i1.q2 = i2.q2
order by 1, 2;
select * from int8_tbl i1 left join ((select 123 as x) ss join
  int8_tbl i2 on i2.q1 = x) on i1.q2 = i2.q2
order by 1, 2;
select * from int8_tbl i1 left join (int8_tbl i2 left join
  (select 123 as x) ss on i2.q1 = x) on i1.q2 = i2.q2
order by 1, 2, 3, 4;
select * from int8_tbl i1 right join (int8_tbl i2 join
  (select 456 as x) ss on i2.q2 = x) on i1.q1 = i2.q1
order by 1, 2, 3, 4;
select * from int8_tbl i1 full join (int8_tbl i2 join
  (select 123 as x) ss on i2.q1 = x) on i1.q2 = i2.q2
order by 1, 2, 3, 4;
-- three levels deep, with an indexed table inside
select i1.q1, i2.q2, t.label, ss.x from int8_tbl i1 left join (int8_tbl i2 join
  (t_pk t join (select 123 as x) ss on t.id = ss.x) on i2.q1 = t.id) on i1.q2 = i2.q2
order by 1, 2, 3;
select * from int8_tbl i1 join (t_pk t join int8_tbl i2 on t.id = i2.q1) on i1.q1 = t.id
where i1.q2 = 456
order by 1, 2, 3, 4, 5;
-- USING and NATURAL inside a nested join
select * from int8_tbl i1 left join (int8_tbl i2 join int8_tbl i3 using (q1)) on i1.q2 = i2.q1
order by 1, 2, 3, 4, 5;
select * from int8_tbl i1 left join (int8_tbl i2 natural join int8_tbl i3) on i1.q2 = i2.q1
order by 1, 2, 3, 4;
-- a constant subquery on both sides, and in WHERE
select * from (select 1 as a) s1 left join ((select 1 as b) s2 join (select 1 as c) s3 on b = c) on a = b;
select count(*) from int8_tbl i1 left join (int8_tbl i2 join (select 123 as x) ss on i2.q1 = x)
  on i1.q2 = i2.q2 where ss.x is null;
-- a lateral function inside a nested join
select i1.q1, i2.q1, g from int8_tbl i1 left join (int8_tbl i2 cross join lateral generate_series(1, 2) g)
  on i1.q2 = i2.q1 and g = 1
order by 1, 2, 3;
