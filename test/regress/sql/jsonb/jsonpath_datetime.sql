-- jsonpath .datetime() and .datetime(template): ISO strings to date / time / timetz / timestamp /
-- timestamptz, their .type(), comparisons in filters, and the _tz functions (needed when a
-- comparison mixes values with and without a time zone). Session TimeZone is UTC.

-- ISO recognition and the resulting type
select jsonb_path_query('"2017-03-10"', '$.datetime()'), jsonb_path_query('"2017-03-10"', '$.datetime().type()');
select jsonb_path_query('"2017-03-10 12:34:56"', '$.datetime()'), jsonb_path_query('"2017-03-10 12:34:56"', '$.datetime().type()');
select jsonb_path_query('"2017-03-10T12:34:56"', '$.datetime()');
select jsonb_path_query('"2017-03-10 12:34:56+3"', '$.datetime()'), jsonb_path_query('"2017-03-10 12:34:56+3"', '$.datetime().type()');
select jsonb_path_query('"2017-03-10T12:34:56.789+3:10"', '$.datetime()');
select jsonb_path_query('"2017-03-10 12:34:56Z"', '$.datetime()');
select jsonb_path_query('"12:34:56"', '$.datetime()'), jsonb_path_query('"12:34:56"', '$.datetime().type()');
select jsonb_path_query('"12:34:56.5+3:10"', '$.datetime()'), jsonb_path_query('"12:34:56+3:10"', '$.datetime().type()');
select jsonb_path_query('["2017-03-10", "12:34:56", "2017-03-10 12:34:56-02"]', '$[*].datetime().type()');
select jsonb_path_query('"12:34"', '$.datetime()');
select jsonb_path_query_array('["2017-03-10", "2017-03-10 01:02:03", "01:02:03-05"]', '$[*].datetime()');
select jsonb_path_query('"2017-03-10"', '$.datetime().datetime()');
-- templates
select jsonb_path_query('"10-03-2017"', '$.datetime("dd-mm-yyyy")');
select jsonb_path_query('"10-03-2017"', '$.datetime("dd-mm-yyyy").type()');
select jsonb_path_query('"10-03-2017 12:34"', '$.datetime("dd-mm-yyyy HH24:MI")');
select jsonb_path_query('"10-03-2017 12:34"', '$.datetime("dd-mm-yyyy HH24:MI").type()');
select jsonb_path_query('"10-03-2017 12:34 +05:20"', '$.datetime("dd-mm-yyyy HH24:MI TZH:TZM")');
select jsonb_path_query('"10-03-2017 12:34 -05"', '$.datetime("dd-mm-yyyy HH24:MI TZH")');
select jsonb_path_query('"12:34"', '$.datetime("HH24:MI")'), jsonb_path_query('"12:34"', '$.datetime("HH24:MI").type()');
select jsonb_path_query('"12:34 +05"', '$.datetime("HH24:MI TZH")'), jsonb_path_query('"12:34 +05"', '$.datetime("HH24:MI TZH").type()');
select jsonb_path_query('"10-03-2017T12:34:56"', '$.datetime("dd-mm-yyyy\"T\"HH24:MI:SS")');
select jsonb '"10-03-2017"' @? '$.datetime("dd-mm-yyyy")';
-- errors
select jsonb_path_query('null', '$.datetime()');
select jsonb_path_query('1', '$.datetime()');
select jsonb_path_query('[]', '$.datetime()');
select jsonb_path_query('[]', 'strict $.datetime()');
select jsonb_path_query('"bogus"', '$.datetime()');
select jsonb_path_query('"bogus"', '$.datetime()', silent => true);
select jsonb_path_query('"10-03-2017 12:34"', '$.datetime("dd-mm-yyyy")');
select jsonb_path_query('"aaaa"', '$.datetime("HH24")');
select jsonb_path_query('"12:34"', '$.datetime("aaa")');
select jsonb_path_query('"2017-13-10"', '$.datetime()');
-- comparisons that need no time zone
select jsonb_path_query('["2017-03-10", "2017-03-11", "2017-03-09"]', '$[*].datetime() ? (@ > "2017-03-10".datetime())');
select jsonb_path_query('["2017-03-10", "2017-03-10 00:00:00", "2017-03-10 12:00:00", "12:00:00"]', '$[*].datetime() ? (@ == "10.03.2017".datetime("dd.mm.yyyy"))');
select jsonb_path_query('["12:34:00", "12:35:00", "12:36:00"]', '$[*].datetime() ? (@ >= "12:35".datetime("HH24:MI"))');
select jsonb_path_query('["12:35:00+01", "12:35:00+02", "11:35:00+00"]', '$[*].datetime() ? (@ == "12:35 +1".datetime("HH24:MI TZH"))');
select jsonb_path_query('["2017-03-10 12:35:00+01", "2017-03-10 13:35:00+02", "2017-03-10 11:35:00+00"]', '$[*].datetime() ? (@ == "2017-03-10 12:35:00+01".datetime())');
select jsonb_path_query('["2017-03-10", "12:00:00"]', '$[*].datetime() ? (@ == "2017-03-10".datetime())');
select jsonb_path_query('["2017-03-10", "x"]', '$[*] ? (@.datetime() == "2017-03-10".datetime())');
select jsonb_path_query('"2017-03-10"', '$.datetime() == "2017-03-10"');
select jsonb_path_match('"2017-03-10 12:00:00"', '$.datetime() < "2017-03-11".datetime()');
-- comparisons that need a time zone: error without _tz, converted with the session zone by _tz
select jsonb_path_query('"2017-03-10 12:34:56"', '$.datetime() < "2017-03-10 12:34:56+01".datetime()');
select jsonb_path_query_tz('"2017-03-10 12:34:56"', '$.datetime() < "2017-03-10 12:34:56+01".datetime()');
select jsonb_path_query('"2017-03-10"', '$.datetime() == "2017-03-10 00:00:00+00".datetime()');
select jsonb_path_query_tz('"2017-03-10"', '$.datetime() == "2017-03-10 00:00:00+00".datetime()');
select jsonb_path_query('"12:34:56"', '$.datetime() == "12:34:56+00".datetime()');
select jsonb_path_query_tz('"12:34:56"', '$.datetime() == "12:34:56+00".datetime()');
select jsonb_path_query('["2017-03-10 11:35:00", "2017-03-10 12:35:00+01"]', '$[*].datetime() ? (@ == "2017-03-10 12:35 +1".datetime("yyyy-mm-dd HH24:MI TZH"))');
select jsonb_path_query_tz('["2017-03-10 11:35:00", "2017-03-10 12:35:00+01", "2017-03-10 12:35:00"]', '$[*].datetime() ? (@ == "2017-03-10 12:35 +1".datetime("yyyy-mm-dd HH24:MI TZH"))');
select jsonb_path_query('["2017-03-10 11:35:00", "2017-03-10 12:35:00+01"]', '$[*].datetime() ? (@ == "2017-03-10 12:35 +1".datetime("yyyy-mm-dd HH24:MI TZH"))', silent => true);
select jsonb_path_exists('"2017-03-10 12:34:56"', '$ ? (@.datetime() < "2017-03-10 12:34:56+01".datetime())');
select jsonb_path_exists_tz('"2017-03-10 12:34:56"', '$ ? (@.datetime() < "2017-03-10 12:34:56+01".datetime())');
select jsonb_path_match_tz('"2017-03-10 12:34:56"', '$.datetime() < "2017-03-10 12:34:56+01".datetime()');
select jsonb_path_query_array_tz('["2017-03-10", "2017-03-11"]', '$[*].datetime() ? (@ > "2017-03-10 12:00:00+00".datetime())');
select jsonb_path_query_first_tz('["2017-03-10", "2017-03-11"]', '$[*].datetime() ? (@ > "2017-03-10 12:00:00+00".datetime())');
select jsonb_path_query_array('["2017-03-10", "2017-03-11"]', '$[*].datetime() ? (@ > "2017-03-10 12:00:00+00".datetime())');
-- the _tz functions use the session time zone
set time zone 'Australia/Brisbane';
select jsonb_path_query_tz('"2017-03-10 12:34:56"', '$.datetime() < "2017-03-10 12:34:56+01".datetime()');
select jsonb_path_query('"2017-03-10 12:34 +05"', '$.datetime("yyyy-mm-dd HH24:MI TZH")');
reset time zone;
