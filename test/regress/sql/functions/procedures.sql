-- CREATE PROCEDURE and CALL: LANGUAGE sql procedures that change data, positional and named
-- arguments, inside a transaction block, and the errors of calling the wrong kind of routine.
create table acct(id int primary key, bal numeric);
insert into acct values (1, 100), (2, 50);
create procedure transfer(src int, dst int, amount numeric) language sql as $$
  update acct set bal = bal - amount where id = src;
  update acct set bal = bal + amount where id = dst;
$$;
call transfer(1, 2, 30);
call transfer(dst => 1, src => 2, amount => 5);
select * from acct order by id;
call nope();
call now();
call abs(1);
create function fn() returns int language sql as 'select 1';
call fn();
create procedure pout(out x int) language sql as 'select 1';
call transfer(1);
begin;
call transfer(1, 2, 1);
rollback;
select * from acct order by id;
select transfer(1, 2, 3);
drop procedure transfer;
