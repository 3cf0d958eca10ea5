-- SET / SET LOCAL / SET SESSION / RESET / RESET ALL / SET ... TO DEFAULT / SHOW for each setting
-- type, how SHOW normalises what SET stored, transactions, current_setting and set_config
-- bool: SHOW prints on/off whatever the spelling (set_config returns what SHOW would print)
SET enable_seqscan = off;
SHOW enable_seqscan;
SET SESSION enable_seqscan = 'no';
SHOW enable_seqscan;
SET enable_seqscan TO DEFAULT;
SHOW enable_seqscan;
SELECT v, set_config('enable_hashjoin', v, false) AS shown
FROM (VALUES ('on'), ('off'), ('true'), ('false'), ('yes'), ('no'), ('1'), ('0'), ('t'), ('f'),
             ('tr'), ('fal'), ('y'), ('ye'), ('n'), ('of'), ('ON'), ('Off'), ('TRUE'), ('Yes')) s(v);
RESET enable_hashjoin;
-- integer with memory units: stored in kB (or 8kB blocks), shown in the largest unit that
-- divides the value exactly; fractions round to the base unit
SET work_mem = '64MB';
SHOW work_mem;
SET work_mem = 65536;
SHOW work_mem;
SET work_mem = 100.4;
SHOW work_mem;
SELECT v, set_config('maintenance_work_mem', v, false) AS shown
FROM (VALUES (' 8 MB '), ('1GB'), ('1.5MB'), ('4097kB'), ('1024'), ('0.5GB'), ('1TB'), ('1048576kB'), ('3000'), ('1.25MB'), ('64 MB')) s(v);
SET temp_buffers = 1000;
SHOW temp_buffers;
RESET work_mem;
RESET maintenance_work_mem;
RESET temp_buffers;
SELECT current_setting('work_mem'), current_setting('maintenance_work_mem'), current_setting('temp_buffers');
-- integer with time units
SET statement_timeout = 1000;
SHOW statement_timeout;
SET statement_timeout = '1500us';
SHOW statement_timeout;
SELECT v, set_config('lock_timeout', v, false) AS shown
FROM (VALUES ('1min'), ('60s'), ('90s'), ('2h'), ('1d'), ('500ms'), ('0.5s'), ('1.5min'), ('86400000'), ('120 min'), ('1499us')) s(v);
SET idle_in_transaction_session_timeout = '10min';
SET log_min_duration_statement = -1;
SET deadlock_timeout = '2s';
SELECT current_setting('idle_in_transaction_session_timeout'), current_setting('log_min_duration_statement'), current_setting('deadlock_timeout');
RESET statement_timeout;
RESET lock_timeout;
RESET idle_in_transaction_session_timeout;
RESET deadlock_timeout;
SELECT current_setting('statement_timeout'), current_setting('lock_timeout'), current_setting('deadlock_timeout'), current_setting('idle_in_transaction_session_timeout');
-- real: printed with %g
SET random_page_cost = 1.1;
SHOW random_page_cost;
SET cursor_tuple_fraction = .25;
SELECT v, set_config('seq_page_cost', v, false) AS shown
FROM (VALUES ('4'), ('1e-1'), ('0.000001'), ('12345678.9'), ('  3.5  '), ('1e10')) s(v);
SET vacuum_cost_delay = '500us';
SHOW vacuum_cost_delay;
SELECT current_setting('random_page_cost'), current_setting('seq_page_cost'), current_setting('cursor_tuple_fraction'), current_setting('vacuum_cost_delay');
-- enum: case-insensitive, SHOW prints the canonical spelling
SET client_min_messages = WARNING;
SHOW client_min_messages;
SET client_min_messages TO DEFAULT;
SHOW client_min_messages;
SELECT v, set_config('synchronous_commit', v, false) AS shown
FROM (VALUES ('local'), ('remote_write'), ('remote_apply'), ('off'), ('on'), ('true'), ('false'), ('yes'), ('no'), ('1'), ('0'), ('OFF')) s(v);
SELECT v, set_config('constraint_exclusion', v, false) AS shown
FROM (VALUES ('partition'), ('on'), ('off'), ('true'), ('false'), ('yes'), ('no'), ('1'), ('0')) s(v);
SET default_transaction_isolation = 'REPEATABLE READ';
BEGIN;
SHOW transaction_isolation;
COMMIT;
SET bytea_output = escape;
SELECT '\x41ff'::bytea;
RESET bytea_output;
SET intervalstyle = postgres;
SHOW intervalstyle;
-- string
SET application_name = 'regress app';
SHOW application_name;
SET application_name = 'a_very_long_application_name_that_goes_well_beyond_the_sixty_three_byte_limit_of_names';
SHOW application_name;
SET application_name = 'café ünïcode';
SHOW application_name;
SET search_path = public, pg_catalog;
SHOW search_path;
SET search_path TO 'My Schema', "MixedCase", lower_case, "$user";
SHOW search_path;
SET search_path = '';
SHOW search_path;
SET search_path = 'public, pg_catalog';
SHOW search_path;
SET search_path TO DEFAULT;
SHOW search_path;
-- custom dotted settings: stored as given, RESET to the empty string
SET app.x = 42;
SHOW app.x;
SET app.x = 1.50;
SHOW app.x;
SET "app.Mixed" = 'Text';
SHOW app.mixed;
SET app.x TO DEFAULT;
SELECT current_setting('app.x'), current_setting('app.x') = '', current_setting('app.never_set', true) IS NULL;
-- transactions
SET work_mem = '2MB';
BEGIN;
SET work_mem = '3MB';
ROLLBACK;
SHOW work_mem;
BEGIN;
SET LOCAL work_mem = '5MB';
SHOW work_mem;
COMMIT;
SHOW work_mem;
BEGIN;
SET work_mem = '6MB';
SET LOCAL work_mem = '7MB';
SHOW work_mem;
COMMIT;
SHOW work_mem;
BEGIN;
SET LOCAL work_mem = '8MB';
SET work_mem = '9MB';
COMMIT;
SHOW work_mem;
BEGIN;
SET work_mem = '10MB';
SAVEPOINT s1;
SET work_mem = '11MB';
ROLLBACK TO SAVEPOINT s1;
SHOW work_mem;
COMMIT;
SHOW work_mem;
BEGIN;
SELECT set_config('work_mem', '13MB', true), current_setting('work_mem');
COMMIT;
SHOW work_mem;
-- a function's SET clause is undone on return; current_setting names are case-insensitive
-- set_config with each type; a NULL value resets
SELECT set_config('enable_seqscan', 'off', false), set_config('work_mem', '32768', false),
       set_config('statement_timeout', '3000', false), set_config('seq_page_cost', '1.5', false),
       set_config('client_min_messages', 'LOG', false), set_config('application_name', 'cfg', false),
       set_config('app.y', 'z', false);
SELECT set_config('work_mem', NULL, false), current_setting('work_mem');
-- RESET ALL puts session values back (application_name comes from the client)
RESET ALL;
SELECT current_setting('enable_seqscan'), current_setting('work_mem'), current_setting('statement_timeout'),
       current_setting('seq_page_cost'), current_setting('client_min_messages'), current_setting('search_path'),
       current_setting('application_name'), current_setting('app.y'), current_setting('default_transaction_isolation');
