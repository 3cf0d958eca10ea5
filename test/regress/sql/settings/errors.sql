-- error paths of SET / SHOW / RESET / current_setting / set_config / ALTER SYSTEM with their
-- messages and HINTs; \echo :LAST_ERROR_SQLSTATE prints the SQLSTATE of the group's last error
-- unknown settings
SET nosuch_setting = 1;
SHOW nosuch_setting;
RESET nosuch_setting;
SELECT current_setting('nosuch_setting');
SELECT current_setting('nosuch_setting', false);
\echo :LAST_ERROR_SQLSTATE
SHOW app.never_set;
SELECT current_setting('app.never_set');
SET "1app.x" = 1;
SET "app..x" = 1;
\echo :LAST_ERROR_SQLSTATE
SET app.x = a, b;
SET work_mem = 1, 2;
\echo :LAST_ERROR_SQLSTATE
-- bad bool
SET enable_seqscan = 'maybe';
SET enable_seqscan = 'o';
SET enable_seqscan = ' on';
SET enable_seqscan = 2;
SET enable_seqscan = '';
SELECT set_config('enable_seqscan', 'tru e', false);
\echo :LAST_ERROR_SQLSTATE
-- bad integer, bad unit (the HINT lists the valid units; units are case-sensitive)
SET work_mem = 'lots';
SET work_mem = '64 XB';
SET work_mem = '64mb';
SET work_mem = '64MB extra';
SET statement_timeout = '5 sec';
SET statement_timeout = '1 S';
SET extra_float_digits = 'abc';
SET extra_float_digits = '2kB';
\echo :LAST_ERROR_SQLSTATE
-- out of range integers
SET work_mem = 10;
SET work_mem = '3TB';
SET work_mem = '1e100';
SET temp_buffers = 10;
SET statement_timeout = -1;
SET statement_timeout = '30d';
SET extra_float_digits = 4;
SET extra_float_digits = -16;
SET vacuum_cost_limit = 0;
\echo :LAST_ERROR_SQLSTATE
-- bad real
SET random_page_cost = 'cheap';
SET random_page_cost = -1;
SET cursor_tuple_fraction = 1.5;
SET seq_page_cost = 'NaN';
SET vacuum_cost_delay = '1s';
SET vacuum_cost_delay = '2 parsecs';
\echo :LAST_ERROR_SQLSTATE
-- bad enum (the HINT lists the visible values)
SET client_min_messages = 'loud';
SET synchronous_commit = 'maybe';
SET bytea_output = 'base64';
SET default_transaction_isolation = 'snapshot';
SET intervalstyle = 'sql';
SET constraint_exclusion = 'always';
SET client_min_messages = '';
\echo :LAST_ERROR_SQLSTATE
-- string settings with check hooks
SET DateStyle = 'bogus';
SET client_encoding = 'nosuch';
SET default_text_search_config = 'nosuch';
\echo :LAST_ERROR_SQLSTATE
-- internal settings cannot be changed
SET server_version = '1';
SET block_size = 4096;
SET max_identifier_length = 100;
SET server_encoding = 'LATIN1';
SET integer_datetimes = off;
RESET server_version;
SELECT set_config('block_size', '8192', false);
\echo :LAST_ERROR_SQLSTATE
-- postmaster settings need a restart
SET max_connections = 10;
SET shared_buffers = '1GB';
SET port = 1;
SET listen_addresses = '*';
RESET max_connections;
\echo :LAST_ERROR_SQLSTATE
-- sighup settings come only from the configuration file
SET checkpoint_timeout = '5min';
SET autovacuum = off;
SET log_checkpoints = on;
RESET autovacuum;
\echo :LAST_ERROR_SQLSTATE
-- backend and superuser-backend settings are fixed at connection start
SET log_connections = on;
SET ignore_system_indexes = on;
RESET log_disconnections;
\echo :LAST_ERROR_SQLSTATE
-- SET LOCAL outside a transaction block only warns and changes nothing
SET LOCAL work_mem = '16MB';
SHOW work_mem;
-- an error aborts the transaction and undoes its SETs
BEGIN;
SET work_mem = '32MB';
SET work_mem = 'x';
SHOW work_mem;
ROLLBACK;
SHOW work_mem;
-- transaction_isolation must be set before the first query
BEGIN;
SELECT 1;
SET transaction_isolation = 'serializable';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
-- ALTER SYSTEM
BEGIN;
ALTER SYSTEM SET work_mem = '8MB';
\echo :LAST_ERROR_SQLSTATE
ROLLBACK;
ALTER SYSTEM SET nosuch_setting = 1;
\echo :LAST_ERROR_SQLSTATE
ALTER SYSTEM SET server_version = '1';
ALTER SYSTEM SET data_directory = '/tmp';
\echo :LAST_ERROR_SQLSTATE
ALTER SYSTEM SET work_mem = 10;
ALTER SYSTEM SET enable_seqscan = 'maybe';
ALTER SYSTEM SET client_min_messages = 'loud';
\echo :LAST_ERROR_SQLSTATE
-- pg_reload_conf() is allowed inside a transaction block
BEGIN;
SELECT pg_reload_conf();
COMMIT;
