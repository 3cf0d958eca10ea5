-- the pg_settings view: fixed metadata of well-known settings, how SET shows up in it (setting
-- in base units, source, reset_val), UPDATE pg_settings as set_config, joins with current_setting
-- metadata of a fixed list of settings
SELECT name, unit, category, context, vartype, min_val, max_val, boot_val
FROM pg_settings
WHERE name IN ('application_name', 'array_nulls', 'autovacuum', 'block_size', 'bytea_output', 'checkpoint_timeout',
               'client_encoding', 'client_min_messages', 'constraint_exclusion', 'cursor_tuple_fraction', 'DateStyle',
               'deadlock_timeout', 'default_transaction_isolation', 'enable_hashjoin', 'enable_seqscan',
               'extra_float_digits', 'idle_in_transaction_session_timeout', 'integer_datetimes', 'IntervalStyle',
               'lock_timeout', 'log_connections', 'log_min_duration_statement', 'maintenance_work_mem',
               'max_identifier_length', 'random_page_cost', 'search_path', 'seq_page_cost', 'standard_conforming_strings',
               'statement_timeout', 'superuser_reserved_connections', 'synchronous_commit', 'temp_buffers',
               'vacuum_cost_delay', 'work_mem')
ORDER BY name COLLATE "C";
SELECT name, short_desc
FROM pg_settings
WHERE name IN ('application_name', 'bytea_output', 'client_min_messages', 'DateStyle', 'enable_seqscan',
               'extra_float_digits', 'lock_timeout', 'random_page_cost', 'search_path', 'server_version',
               'statement_timeout', 'work_mem')
ORDER BY name COLLATE "C";
SELECT name, enumvals
FROM pg_settings
WHERE name IN ('bytea_output', 'client_min_messages', 'constraint_exclusion', 'default_transaction_isolation',
               'IntervalStyle', 'synchronous_commit', 'password_encryption', 'log_statement', 'xmlbinary')
ORDER BY name COLLATE "C";
SELECT name, enumvals FROM pg_settings WHERE name IN ('work_mem', 'enable_seqscan', 'search_path') ORDER BY 1;
SELECT count(*) > 300 AS many, count(DISTINCT name) = count(*) AS unique_names FROM pg_settings;
SELECT DISTINCT vartype FROM pg_settings ORDER BY 1;
SELECT DISTINCT context FROM pg_settings ORDER BY 1;
SELECT DISTINCT unit COLLATE "C" AS unit FROM pg_settings WHERE unit IS NOT NULL ORDER BY 1;
SELECT name FROM pg_settings WHERE name LIKE 'enable%' ORDER BY 1;
SELECT name, setting FROM pg_settings WHERE name = 'nosuch_setting';
-- defaults: source is default, nothing pending
SELECT name, setting, source, reset_val, sourcefile IS NULL AS no_file, sourceline IS NULL AS no_line, pending_restart
FROM pg_settings WHERE name IN ('work_mem', 'statement_timeout', 'enable_seqscan', 'random_page_cost', 'client_min_messages')
ORDER BY 1;
SELECT setting::int FROM pg_settings WHERE name = 'superuser_reserved_connections';
SELECT setting::int * 2 AS doubled FROM pg_settings WHERE name = 'max_identifier_length';
-- SET shows up in setting (base units), source becomes session, reset_val and boot_val stay
SET work_mem = '64MB';
SET statement_timeout = '2min';
SET temp_buffers = '16MB';
SET enable_seqscan = no;
SET random_page_cost = 1.5;
SET client_min_messages = 'WARNING';
SET search_path = public, pg_catalog;
SELECT name, setting, unit, source, reset_val, boot_val
FROM pg_settings
WHERE name IN ('work_mem', 'statement_timeout', 'temp_buffers', 'enable_seqscan', 'random_page_cost', 'client_min_messages', 'search_path')
ORDER BY 1;
-- pg_settings joined with current_setting: SHOW-style vs base units
SELECT s.name, s.setting, s.unit, current_setting(s.name) AS shown
FROM pg_settings s
WHERE s.name IN ('work_mem', 'statement_timeout', 'temp_buffers', 'maintenance_work_mem', 'deadlock_timeout', 'vacuum_cost_delay')
ORDER BY 1;
SELECT count(*) FROM pg_settings s WHERE s.name IN ('enable_seqscan', 'search_path', 'client_min_messages') AND s.setting = current_setting(s.name);
-- SET LOCAL and set_config show up while the transaction lasts
BEGIN;
SET LOCAL work_mem = '1MB';
SELECT set_config('lock_timeout', '5s', true);
SELECT name, setting, source FROM pg_settings WHERE name IN ('work_mem', 'lock_timeout') ORDER BY 1;
COMMIT;
SELECT name, setting, source FROM pg_settings WHERE name IN ('work_mem', 'lock_timeout') ORDER BY 1;
-- RESET brings back the default source
RESET work_mem;
RESET enable_seqscan;
SELECT name, setting, source FROM pg_settings WHERE name IN ('work_mem', 'enable_seqscan') ORDER BY 1;
-- custom (placeholder) settings never appear in pg_settings
SET app.tenant = 'acme';
SELECT name, setting, unit, category, context, vartype, source, boot_val, reset_val FROM pg_settings WHERE name = 'app.tenant';
-- UPDATE pg_settings is a rule running SELECT set_config(name, setting, false): psql prints its rows
UPDATE pg_settings SET setting = '8MB' WHERE name = 'work_mem';
SHOW work_mem;
SELECT setting, source FROM pg_settings WHERE name = 'work_mem';
UPDATE pg_settings SET setting = 'off' WHERE name IN ('enable_hashjoin', 'enable_mergejoin');
SELECT name, setting FROM pg_settings WHERE name IN ('enable_hashjoin', 'enable_mergejoin', 'enable_nestloop') ORDER BY 1;
UPDATE pg_settings SET setting = reset_val WHERE name IN ('enable_hashjoin', 'enable_mergejoin');
SELECT name FROM pg_settings WHERE name LIKE 'enable%' AND setting = 'off' ORDER BY 1;
UPDATE pg_settings SET setting = '1' WHERE name = 'nosuch_setting';
BEGIN;
UPDATE pg_settings SET setting = '12MB' WHERE name = 'work_mem';
SHOW work_mem;
ROLLBACK;
SHOW work_mem;
UPDATE pg_settings SET setting = 'app value' WHERE name = 'app.tenant';
SHOW app.tenant;
UPDATE pg_settings SET unit = 'MB' WHERE name = 'work_mem';
-- errors
UPDATE pg_settings SET setting = 'lots' WHERE name = 'work_mem';
UPDATE pg_settings SET setting = '10' WHERE name = 'work_mem';
UPDATE pg_settings SET setting = '1' WHERE name = 'block_size';
UPDATE pg_settings SET setting = '1' WHERE name = 'max_connections';
INSERT INTO pg_settings (name, setting) VALUES ('app.new', 'x');
DELETE FROM pg_settings WHERE name = 'work_mem';
SHOW work_mem;
