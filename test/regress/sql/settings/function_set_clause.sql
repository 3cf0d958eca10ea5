-- A function's SET clause applies while it runs.
CREATE FUNCTION wm() RETURNS text LANGUAGE sql SET work_mem = '20MB' AS $$ SELECT current_setting('work_mem') $$;
SELECT wm(), current_setting('work_mem'), current_setting('WORK_MEM'), current_setting('DateStyle'),
       current_setting('datestyle'), current_setting('nosuch', true);
-- the session's value comes back when the function fails, and nested calls stack
CREATE FUNCTION wm_fail() RETURNS text LANGUAGE plpgsql SET work_mem = '30MB' AS $$
BEGIN RAISE EXCEPTION 'inside: %', current_setting('work_mem'); END $$;
SELECT wm_fail();
SELECT current_setting('work_mem');
CREATE FUNCTION wm_outer() RETURNS text LANGUAGE plpgsql SET work_mem = '40MB' AS $$
BEGIN RETURN wm() || ' ' || current_setting('work_mem'); END $$;
SELECT wm_outer(), current_setting('work_mem');
