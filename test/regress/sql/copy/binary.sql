-- COPY's binary format: what COPY TO writes, COPY FROM reads back (PostgreSQL reads Tusk's
-- files and the other way round: the bytes are the same), with PostgreSQL's errors.
create table cbin (id int primary key, name text, score numeric(6,2), at timestamptz, tags text[],
                   u uuid, j jsonb, b bytea, f float8, d date, n int, ok boolean, iv interval);
insert into cbin values
  (1, 'a', 1.5, '2024-01-01 10:00+00', '{x,y}', 'a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11', '{"k": [1,2]}',
   '\x0102', 1.25, '2024-02-29', null, true, '1 day 2 hours'),
  (2, 'b c', -3, null, '{}', null, 'null', '', 'NaN', '1999-12-31', 7, false, '-3 months');
copy cbin to '/tmp/tusk_regress_copy.bin' (format binary);
copy (select id, name from cbin order by id) to '/tmp/tusk_regress_copy2.bin' with (format 'binary');
copy cbin to '/tmp/tusk_regress_copy.txt';
create table cbin2 (id int primary key, name text, score numeric(6,2), at timestamptz, tags text[],
                    u uuid, j jsonb, b bytea, f float8, d date, n int, ok boolean, iv interval);
copy cbin2 from '/tmp/tusk_regress_copy.bin' (format binary);
select * from cbin2 order by id;
create table cbin3 (id int, name varchar(1), extra text default 'dflt');
copy cbin3 (id, name) from '/tmp/tusk_regress_copy2.bin' (format binary);
delete from cbin3 where name <> 'a';
copy cbin3 (name, id) from '/tmp/tusk_regress_copy2.bin' (format binary);
-- errors
copy cbin2 from '/tmp/tusk_regress_copy.bin' (format binary);
copy cbin2 (id, name) from '/tmp/tusk_regress_copy.bin' (format binary);
copy cbin2 from '/tmp/tusk_regress_copy.txt' (format binary);
copy cbin to stdout (format binary, delimiter ',');
copy cbin to stdout (format binary, null 'x');
copy cbin to stdout (format binary, header);
select count(*) from cbin2;
select * from cbin3 order by id;
drop table cbin, cbin2, cbin3;
