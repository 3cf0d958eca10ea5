-- generate_series calls that would never end are refused, as PostgreSQL refuses them
-- (numeric.sql ran on for ever on the third).
select * from generate_series(-100::numeric, 100::numeric, 'nan'::numeric);
select * from generate_series('nan'::numeric, 100::numeric, 10::numeric);
select * from generate_series(0::numeric, 'nan'::numeric, 10::numeric);
select * from generate_series(-100::numeric, 100::numeric, 0::numeric);
select * from generate_series(1, 10, 0);
-- series near the end of bigint, and several in a select list
select * from generate_series(9223372036854775800, 9223372036854775807, 3);
select * from generate_series(1::numeric, 1e30, 1e29) limit 4;
select g, generate_series(1, g) from generate_series(1, 3) g;
select generate_series(1, 3), generate_series(1, 2);
select count(*) from (select generate_series(1, 100000000) limit 5) s;
