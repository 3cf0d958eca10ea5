-- COPY FROM STDIN / TO STDOUT in text and CSV formats, and psql's \copy
create table c (id int primary key, name text, score numeric, tags text[], note text default 'd');
copy c (id, name, score, tags) from stdin;
1	ann	1.5	{a,b}
2	b\tob	\N	{}
3	back\\slash	3	{"x y"}
\.
select * from c order by id;
copy c from stdin with (format csv, header true);
id,name,score,tags,note
4,"quoted, comma",4.5,"{q}",
5,"multi
line",,{},"has ""quote"""
\.
select id, name, score, note from c order by id;
copy c to stdout;
copy (select id, name from c where id > 3 order by id) to stdout with csv header;
copy c (id, name) to stdout with (format csv, force_quote *);
\copy c (id, name) from stdin
9	psql copy
\.
select id, name from c where id = 9;
-- errors
copy c from stdin;
6	x	notanumber	{}	n
\.
copy c from stdin;
7	x
\.
copy c from stdin;
8	x	1	{}	n	extra
\.
copy c from stdin;
1	dup	1	{}	n
\.
select count(*) from c;
copy nosuch from stdin;
copy c (nosuch) from stdin;
