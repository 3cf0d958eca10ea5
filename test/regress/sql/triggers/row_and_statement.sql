-- Row and statement triggers: BEFORE triggers change or skip rows, AFTER triggers see the
-- statement's rows; WHEN, UPDATE OF, TG_* variables, arguments; CREATE / DROP errors.
create table tasks(id int primary key, processed int default 0, status text default 'new', updated_at timestamptz);
create table subtasks(id int primary key, task_id int, status text, updated_at timestamptz);
create function touch() returns trigger language plpgsql as $$ begin NEW.updated_at = '2020-01-01'::timestamptz; return NEW; end $$;
create function roll() returns trigger language plpgsql as $$
begin
  update tasks set processed = (select count(*) from subtasks where task_id = NEW.task_id and status = 'done') where id = NEW.task_id;
  raise notice '% % on % (%): new %', tg_when, tg_op, tg_table_name, tg_level, NEW;
  return NEW;
end $$;
create trigger t_touch before update on subtasks for each row execute function touch();
create trigger t_roll after update of status on subtasks for each row when (old.status is distinct from new.status) execute function roll();
create trigger t_roll_ins after insert on subtasks for each row execute function roll();
insert into tasks(id) values (1), (2);
insert into subtasks values (1, 1, 'new'), (2, 1, 'done'), (3, 2, 'done');
select * from tasks order by id;
update subtasks set status = 'done' where id = 1;
update subtasks set status = 'done' where id = 1;
select * from tasks order by id;
select id, status, updated_at from subtasks order by id;
create function skip_odd() returns trigger language plpgsql as $$ begin if NEW.id % 2 = 1 then return null; end if; return NEW; end $$;
create table evens(id int);
create trigger a_skip before insert on evens for each row execute function skip_odd();
insert into evens select generate_series(1, 6);
select * from evens;
create function no_delete() returns trigger language plpgsql as $$ begin raise notice 'keeping %', OLD.id; return null; end $$;
create trigger keep before delete on evens for each row when (old.id = 4) execute function no_delete();
delete from evens;
select * from evens;
create function stmt_trig() returns trigger language plpgsql as $$ begin raise notice 'statement % % args %', tg_when, tg_op, tg_argv[0]; return null; end $$;
create trigger s1 after insert on evens for each statement execute function stmt_trig('hello');
insert into evens values (10);
drop trigger s1 on evens;
drop trigger if exists s1 on evens;
insert into evens values (12);
create trigger bad2 before insert on evens execute function nosuch();
create trigger keep before delete on evens for each row execute function no_delete();
