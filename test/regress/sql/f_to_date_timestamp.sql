-- to_date and to_timestamp
SELECT to_date('2024-03-05', 'YYYY-MM-DD'), to_date('05/03/2024', 'DD/MM/YYYY'), to_date('March 5 2024', 'Month DD YYYY'), to_date('5 Mar 24', 'DD Mon YY');
SELECT to_timestamp('2024-03-05 14:07:09', 'YYYY-MM-DD HH24:MI:SS'), to_timestamp('2024-03-05 02:07 PM', 'YYYY-MM-DD HH12:MI PM'), to_timestamp('2024-03-05 14:07:09.5', 'YYYY-MM-DD HH24:MI:SS.MS');
SELECT to_timestamp(1700000000), to_timestamp(0.5), to_timestamp('infinity'::float8);
-- errors
SELECT to_date('2024-02-30', 'YYYY-MM-DD');
SELECT to_date('2024-13-01', 'YYYY-MM-DD');
SELECT to_date('xx', 'YYYY');
