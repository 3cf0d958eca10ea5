-- information_schema.routines, parameters and element_types: over built-in functions Tusk and
-- PostgreSQL both have (the same OIDs, so the same specific names), and over a table of the
-- test's own with array columns.
CREATE TABLE ist_arrays (id int, tags text[], scores int[], grid numeric(5,2)[][], names varchar(10)[], plain text);

-- routines: one row per function, aggregates and window functions (routine_type NULL) included
SELECT specific_catalog, specific_schema, specific_name, routine_schema, routine_name, routine_type, data_type,
       type_udt_catalog, type_udt_schema, type_udt_name, dtd_identifier
FROM information_schema.routines
WHERE routine_schema = 'pg_catalog'
  AND routine_name IN ('abs', 'array_length', 'generate_series', 'now', 'string_to_array', 'make_interval',
                       'concat_ws', 'pg_options_to_table', 'row_number', 'count', 'regexp_matches', 'array_positions')
ORDER BY routine_name, specific_name;
SELECT specific_name, routine_body, routine_definition, external_name, external_language, parameter_style,
       is_deterministic, sql_data_access, is_null_call, schema_level_routine, max_dynamic_result_sets,
       security_type, as_locator, is_udt_dependent
FROM information_schema.routines
WHERE routine_name IN ('abs', 'now', 'string_to_array', 'concat_ws', 'row_number', 'count', 'make_interval')
ORDER BY specific_name;
-- the columns PostgreSQL always leaves null
SELECT count(*) AS routines,
       count(module_name) + count(udt_name) + count(character_maximum_length) + count(collation_name)
       + count(numeric_precision) + count(interval_type) + count(scope_name) + count(maximum_cardinality)
       + count(sql_path) + count(is_user_defined_cast) + count(created) + count(last_altered)
       + count(result_cast_from_data_type) + count(result_cast_dtd_identifier) AS non_null
FROM information_schema.routines
WHERE routine_name IN ('abs', 'generate_series', 'round', 'date_trunc', 'to_char', 'array_to_string');
SELECT routine_name, count(*) FROM information_schema.routines
WHERE routine_name IN ('abs', 'generate_series', 'round', 'date_trunc', 'to_char', 'array_to_string', 'array_cat')
GROUP BY routine_name ORDER BY routine_name;

-- parameters: IN, OUT and VARIADIC arguments, names, defaults
SELECT specific_name, ordinal_position, parameter_mode, is_result, as_locator, parameter_name, data_type,
       udt_catalog, udt_schema, udt_name, dtd_identifier, parameter_default
FROM information_schema.parameters
WHERE specific_schema = 'pg_catalog'
  AND specific_name IN (SELECT specific_name FROM information_schema.routines
                        WHERE routine_name IN ('make_interval', 'pg_options_to_table', 'concat_ws', 'format',
                                               'pg_terminate_backend', 'string_to_array', 'pg_partition_ancestors',
                                               'now', 'array_positions'))
ORDER BY specific_name, ordinal_position;
-- a signature per overload, as tools list them
SELECT r.routine_name, r.data_type AS result,
       string_agg(p.data_type, ', ' ORDER BY p.ordinal_position) AS arguments
FROM information_schema.routines r
     LEFT JOIN information_schema.parameters p ON p.specific_schema = r.specific_schema
                                              AND p.specific_name = r.specific_name
WHERE r.routine_name IN ('abs', 'round', 'date_trunc', 'generate_series', 'now')
GROUP BY r.specific_name, r.routine_name, r.data_type
ORDER BY 1, 3, 2;
SELECT count(*) FROM information_schema.parameters
WHERE specific_name IN (SELECT specific_name FROM information_schema.routines
                        WHERE routine_name IN ('generate_series', 'to_char', 'round'));

-- element_types: array columns of the test's table
SELECT object_catalog, object_schema, object_name, object_type, collection_type_identifier, data_type,
       character_maximum_length, collation_catalog, collation_schema, collation_name, numeric_precision,
       domain_default, udt_catalog, udt_schema, udt_name, maximum_cardinality, dtd_identifier
FROM information_schema.element_types
WHERE object_type = 'TABLE' AND object_schema = 'public' AND object_name = 'ist_arrays'
ORDER BY collection_type_identifier;
-- the documentation's way to read a column's element type
SELECT c.column_name, c.data_type, e.data_type AS element_type, e.udt_name AS element_udt
FROM information_schema.columns c
     LEFT JOIN information_schema.element_types e
     ON ((c.table_catalog, c.table_schema, c.table_name, 'TABLE', c.dtd_identifier)
         = (e.object_catalog, e.object_schema, e.object_name, e.object_type, e.collection_type_identifier))
WHERE c.table_schema = 'public' AND c.table_name = 'ist_arrays'
ORDER BY c.ordinal_position;
-- array arguments (dtd_identifier = position) and results (0) of routines
SELECT object_schema, object_name, object_type, collection_type_identifier, data_type, udt_name, dtd_identifier
FROM information_schema.element_types
WHERE object_type = 'ROUTINE'
  AND object_name IN (SELECT specific_name FROM information_schema.routines
                      WHERE routine_name IN ('string_to_array', 'pg_options_to_table', 'regexp_matches',
                                             'array_length', 'array_to_string', 'current_schemas', 'abs'))
ORDER BY object_name, collection_type_identifier;
SELECT p.specific_name, p.ordinal_position, p.data_type, e.data_type AS element_type
FROM information_schema.parameters p
     LEFT JOIN information_schema.element_types e
     ON ((p.specific_catalog, p.specific_schema, p.specific_name, 'ROUTINE', p.dtd_identifier)
         = (e.object_catalog, e.object_schema, e.object_name, e.object_type, e.collection_type_identifier))
WHERE p.specific_name IN (SELECT specific_name FROM information_schema.routines
                          WHERE routine_name IN ('pg_options_to_table', 'array_to_string', 'regexp_matches'))
ORDER BY p.specific_name, p.ordinal_position;

-- the views in the catalog
SELECT table_name, table_type FROM information_schema.tables
WHERE table_schema = 'information_schema' AND table_name IN ('routines', 'parameters', 'element_types')
ORDER BY table_name;
SELECT c.relname, c.relkind, count(a.attnum) AS columns
FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0
WHERE c.oid IN ('information_schema.routines'::regclass, 'information_schema.parameters'::regclass,
                'information_schema.element_types'::regclass)
GROUP BY c.relname, c.relkind ORDER BY c.relname;

DROP TABLE ist_arrays;
