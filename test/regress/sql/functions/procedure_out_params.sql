-- Procedures with OUT and INOUT parameters: CALL passes a placeholder for each OUT one and
-- returns one row; PL/pgSQL's CALL assigns them back to the variables it gave.
create procedure sp_out(a int, out b int, inout c text) language sql as $$ select a * 2, c || '!' $$;
call sp_out(3, null, 'hi');
call sp_out(c => 'x', a => 5, b => null);
create procedure pl_one(out only_one numeric) language plpgsql as $$ begin only_one := 1.5; end $$;
call pl_one(null);
select proname, prorettype::regtype, proargtypes::text, proallargtypes::regtype[], proargmodes from pg_proc where proname in ('sp_out','pl_one') order by 1;
do $$ declare x int; begin call sp_out(1, x, 'a'); end $$;
do $$ declare y text := 'q'; begin call sp_out(1, 5, y); end $$;
do $$ declare y text := 'q'; z int; begin call sp_out(1, z, y); raise notice '% %', z, y; end $$;
create procedure pl_ret(inout n int) language plpgsql as $$ begin n := n + 1; if n > 0 then return; end if; n := -100; end $$;
call pl_ret(4);
select pg_get_function_identity_arguments('sp_out'::regproc), pg_get_function_arguments('sp_out'::regproc), pg_get_function_result('sp_out'::regproc);
drop procedure sp_out(int, int, text);
drop procedure pl_one;
drop procedure pl_ret;
