-- Settings rules that need what Tusk does not have yet: PL/pgSQL (DO loads it, and it
-- reserves the plpgsql. prefix) and SET ROLE to an ordinary role (superuser-only settings).
DO $$ BEGIN END $$;
SET plpgsql.nosuch = 1;
\echo :LAST_ERROR_SQLSTATE
-- superuser settings as an ordinary role
CREATE ROLE regress_guc_user;
SET ROLE regress_guc_user;
SET log_min_duration_statement = 0;
SET deadlock_timeout = '2s';
SELECT set_config('lc_messages', 'C', false);
SHOW data_directory;
SELECT current_setting('config_file');
\echo :LAST_ERROR_SQLSTATE
SET work_mem = '8MB';
SHOW work_mem;
RESET ROLE;
