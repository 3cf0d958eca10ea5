-- ALTER TYPE ... ADD VALUE BEFORE / AFTER: the new label takes its place in the sort order, and
-- the values already stored (columns, arrays, keys, indexes) keep their labels and order.
create type mood as enum ('sad', 'happy');
create table moods (m mood primary key, also mood, many mood[], note text);
create index moods_also on moods (also);
create table diary (id int primary key, m mood references moods (m), at mood unique);
insert into moods values ('sad', 'happy', '{sad,happy}', 's'), ('happy', null, '{happy,NULL,sad}', 'h');
insert into diary values (1, 'sad', 'sad'), (2, 'happy', 'happy'), (3, null, null);
alter type mood add value 'ok' before 'happy';
alter type mood add value 'meh' after 'sad';
alter type mood add value 'ecstatic' after 'happy';
alter type mood add value 'despair' before 'sad';
alter type mood add value if not exists 'ok' before 'sad';
select enum_range(null::mood), enum_first(null::mood), enum_last(null::mood);
select * from moods order by m;
select * from moods where also >= 'ok';
select m, many from moods where 'sad' = any (many) order by m desc;
select * from diary order by at;
select id from diary where at between 'meh' and 'ecstatic' order by at;
insert into moods values ('ok', 'meh', '{ecstatic,despair}', 'o'), ('meh', 'ok', '{}', 'm');
insert into diary values (4, 'ok', 'ok'), (5, 'meh', 'meh');
select m, also, many from moods order by m;
select id, m, at from diary order by m, id;
select m::text, m < 'happy' as before_happy from moods order by m;
-- in a transaction that rolls back, the values go back to their old places
begin;
alter type mood add value 'calm' before 'ok';
select id, m, at from diary where at > 'meh' order by at;
select enum_range(null::mood);
rollback;
select enum_range(null::mood);
select * from diary order by at;
-- errors
alter type mood add value 'x' before 'nope';
alter type mood add value 'sad' after 'ok';
insert into diary values (6, 'sad', 'sad');
drop table diary, moods;
drop type mood;
