-- to_char for timestamps, dates and intervals
SELECT to_char('2024-03-05 04:07:09.123456'::timestamp, 'YYYY-MM-DD HH24:MI:SS.US'), to_char('2024-03-05 16:07:09'::timestamp, 'HH12:MI:SS PM'), to_char('2024-03-05 00:07:09'::timestamp, 'HH:MI am');
SELECT to_char('2024-03-05'::date, 'Dy DD Mon YYYY'), to_char('2024-03-05'::date, 'FMDay, FMDDth FMMonth'), to_char('2024-12-01'::date, 'MONTH|Month|month'), to_char('2024-03-02'::date, 'DDD D Q IW WW');
SELECT to_char('2024-03-05 10:00:00+00'::timestamptz, 'YYYY-MM-DD HH24:MI TZ OF'), to_char('05:07:09'::interval, 'HH24:MI:SS'), to_char('2024-03-21'::date, 'DDth DDTH FMDDth');
SELECT to_char('0044-03-15'::date, 'YYYY'), to_char('2024-01-01'::date, '"Quarter" Q "of" YYYY');
-- errors
SELECT to_char('2024-01-01'::timestamp, 'TZ');
