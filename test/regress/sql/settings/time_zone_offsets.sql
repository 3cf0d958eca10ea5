-- TimeZone as an offset: a number of hours east of UTC (named as PostgreSQL names it, "<+10>-10")
-- and POSIX zone strings without daylight-saving rules ("UTC+3" is three hours west).
set time zone '+10';
show timezone;
select '2024-07-01 00:00:00+00'::timestamptz, to_char('2024-07-01 00:00:00+00'::timestamptz, 'TZ');
set time zone 10;
show timezone;
set time zone -3.5;
show timezone;
select '2024-07-01 00:00:00+00'::timestamptz;
set time zone '+5.25';
show timezone;
select '2024-07-01 12:00:00'::timestamptz;
set time zone 'UTC+3';
show timezone;
select '2024-07-01 00:00:00+00'::timestamptz;
set time zone '<+10>-10';
show timezone;
set time zone 'EST5';
select '2024-07-01 00:00:00+00'::timestamptz, to_char('2024-07-01 00:00:00+00'::timestamptz, 'TZ');
set time zone 'EST5EDT';
select '2024-07-01 00:00:00+00'::timestamptz;
set time zone '+05:30';
set time zone 'UTC+';
reset time zone;
show timezone;
