-- A function's SET clause applies while it runs (needs CREATE FUNCTION, issue 15).
CREATE FUNCTION wm() RETURNS text LANGUAGE sql SET work_mem = '20MB' AS $$ SELECT current_setting('work_mem') $$;
SELECT wm(), current_setting('work_mem'), current_setting('WORK_MEM'), current_setting('DateStyle'),
       current_setting('datestyle'), current_setting('nosuch', true);
