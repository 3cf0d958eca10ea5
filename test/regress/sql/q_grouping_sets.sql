-- GROUPING SETS, ROLLUP, CUBE and GROUPING()
create table sales (region text, product text, year int, amount int);
insert into sales values ('n', 'a', 2023, 10), ('n', 'b', 2023, 20), ('s', 'a', 2023, 5), ('s', 'a', 2024, 7), ('n', 'a', 2024, 1);
select region, product, sum(amount) from sales group by rollup (region, product) order by 1 nulls last, 2 nulls last;
select region, product, sum(amount), grouping(region, product) from sales group by cube (region, product) order by 4, 1 nulls last, 2 nulls last;
select region, year, count(*) from sales group by grouping sets ((region), (year), ()) order by 1 nulls last, 2 nulls last;
select region, product, year, sum(amount) from sales group by region, rollup (product, year) order by 1, 2 nulls last, 3 nulls last;
select grouping(region), region, sum(amount) from sales group by rollup (region) having sum(amount) > 10 order by 2 nulls last;
select sum(amount) from sales group by ();
select region, sum(amount) from sales where false group by rollup (region);
select grouping(product) from sales group by region;
select grouping(region) from sales;
