-- Row values: the errors PostgreSQL gives.
create table rt (a int not null, b text);
insert into rt values (1, 'x');

-- malformed literals of a row type
select '(1)'::rt;
select '(1,2,3)'::rt;
select '1,2'::rt;
select '(1,2) x'::rt;
select '(1,"x'::rt;
select '(x,y)'::rt;
select ''::rt;

-- casts between rows
select row(1)::rt;
select row(1, 'a', 3)::rt;
select row('x', 1)::rt;
select row(now(), 1)::rt;
select row(1, 2)::record::rt;

-- field selection
select (row(1, 2)).nope;
select (rt).nope from rt;
select (1).a;
select (1).*;

-- whole rows
select nope.* from rt;
select rt from rt group by b;
select rt.* is null from rt;

-- columns of a pseudo-type
create table z1 (a record);
