-- Index expressions and predicates may call only immutable functions, operators and casts
-- (42P17), as PostgreSQL checks them.
create table ie (id int, name text, ts timestamptz, t timestamp, d date, doc jsonb, n numeric);
create index ie_lower on ie (lower(name));
create index ie_upper_part on ie (upper(name)) where id > 0;
create index ie_round on ie (round(n, 2));
create index ie_trunc on ie (date_trunc('day', t));
create index ie_concat on ie ((name || '-' || id));
-- not immutable
create index ie_bad1 on ie ((now()));
create index ie_bad2 on ie ((random()));
create index ie_bad3 on ie (date_trunc('day', ts));
create index ie_bad4 on ie ((ts::date));
create index ie_bad5 on ie ((d::text));
create index ie_bad6 on ie ((ie::text));
create index ie_bad7 on ie ((name || ts));
create index ie_bad8 on ie (id) where ts > now();
create index ie_bad9 on ie (id) where random() > 0.5;
create index ie_bad10 on ie ((to_char(t, 'YYYY')));
select indexname from pg_indexes where tablename = 'ie' order by 1;
