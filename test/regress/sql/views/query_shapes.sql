-- Views over every query shape Tusk plans: recursive, windows, WITH, subqueries, VALUES, ORDER BY
-- and LIMIT, LATERAL, set operations, FILTER, CASE, DISTINCT ON, outer joins, ROLLUP, quoted names.
create table e (id int primary key, dept text, salary int, boss int);
insert into e values (1,'a',100,null),(2,'a',80,1),(3,'b',90,1),(4,'b',70,3),(5,'c',60,4);
create recursive view chain (id, depth) as select id, 0 from e where boss is null union all select e.id, c.depth + 1 from e join chain c on e.boss = c.id;
select * from chain order by id;
create view ranked as select id, dept, salary, rank() over (partition by dept order by salary desc) as r from e;
select * from ranked order by id;
create view top_per_dept as select * from ranked where r = 1;
select * from top_per_dept order by id;
create view with_cte as with d as (select dept, avg(salary) as a from e group by dept) select e.id, d.a from e join d using (dept);
select * from with_cte order by id;
create view sub as select id, (select max(salary) from e e2 where e2.dept = e.dept) as m, exists (select 1 from e e3 where e3.boss = e.id) as has_reports from e;
select * from sub order by id;
create view vals as values (1, 'x'), (2, 'y');
select * from vals;
create view ordered as select id from e order by salary desc limit 3;
select * from ordered;
create view lat as select e.id, g from e, lateral generate_series(1, e.id % 3) g;
select * from lat order by 1, 2;
create view unioned as select id from e where dept = 'a' union select id from e where salary < 70 order by 1;
select * from unioned;
create view agg_filter as select dept, count(*) filter (where salary > 75) as hi, array_agg(id order by id) as ids from e group by dept;
select * from agg_filter order by dept;
create view casey as select id, case when salary > 85 then 'high' when salary > 65 then 'mid' else 'low' end as band, coalesce(boss, 0) as b, salary::numeric / 3 as third from e;
select * from casey order by id;
create view distinct_on as select distinct on (dept) dept, id from e order by dept, salary;
select * from distinct_on;
create view self_join as select a.id, b.id as boss_id from e a left join e b on a.boss = b.id;
select * from self_join order by 1;
create view grouping as select dept, sum(salary) from e group by rollup (dept);
select * from grouping order by 1 nulls last;
create view quoted as select id as "Mixed Case", dept as "select" from e;
select * from quoted order by 1;
\d quoted
create view json_v as select id, jsonb_build_object('d', dept) as j, row_number() over () as rn from e;
select id, j from json_v order by id;
