-- LATERAL subqueries and functions, data-modifying WITH queries
create table dept (id int primary key, name text);
create table emp (id int primary key, dept_id int, name text, salary int);
insert into dept values (1, 'eng'), (2, 'ops'), (3, 'empty');
insert into emp values (1, 1, 'ann', 100), (2, 1, 'bob', 150), (3, 2, 'cyd', 90), (4, 1, 'dee', 120);
select d.name, top.name, top.salary from dept d, lateral (select name, salary from emp e where e.dept_id = d.id order by salary desc limit 2) top order by 1, 3 desc;
select d.name, top.name from dept d left join lateral (select name from emp e where e.dept_id = d.id order by salary desc limit 1) top on true order by 1;
select d.name, x.total from dept d cross join lateral (select sum(salary) as total from emp where dept_id = d.id) x order by 1;
select d.name, n from dept d, lateral generate_series(1, d.id) n order by 1, 2;
create table archive (id int, name text);
with moved as (delete from emp where salary < 100 returning id, name) insert into archive select id, name from moved;
select * from archive;
select count(*) from emp;
with up as (update emp set salary = salary + 1 where dept_id = 1 returning id, salary) select count(*), sum(salary) from up;
with ins as (insert into archive values (9, 'z') returning *) select * from ins;
with d as (delete from archive where id = 9 returning id) select count(*) from d;
with d as (delete from archive where id = 3) select * from d;
-- errors
with d as (delete from archive where id = 1) select * from d;
