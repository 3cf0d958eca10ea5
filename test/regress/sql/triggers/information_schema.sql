-- information_schema.triggers: one row per trigger and event (TRUNCATE left out), the action
-- order among triggers of the same table, event, level and timing, the WHEN condition and the
-- statement as pg_get_triggerdef prints them.
create schema its;
create table its.orders (id int primary key, qty int, note text);
create function its.touch() returns trigger language plpgsql as $$ begin return new; end $$;
create trigger b_check before insert or update of qty on its.orders for each row
  when (new.qty > 0) execute function its.touch();
create trigger a_check before insert on its.orders for each row execute function its.touch('first', 2);
create trigger audit after delete or truncate on its.orders execute function its.touch();
create trigger z_after after update on its.orders for each row
  when (old.* is distinct from new.*) execute function its.touch();
select trigger_schema, trigger_name, event_manipulation, event_object_schema, event_object_table,
       action_order, action_condition, action_statement, action_orientation, action_timing,
       action_reference_old_table, action_reference_new_table, created
  from information_schema.triggers
 where trigger_schema = 'its'
 order by event_object_table, event_manipulation, action_timing, action_order, trigger_name;
select column_name, data_type from information_schema.columns
 where table_schema = 'information_schema' and table_name = 'triggers' order by ordinal_position;
