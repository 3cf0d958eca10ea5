// information_schema: the SQL standard's views of the catalog, defined as PostgreSQL 15 defines
// them (src/backend/catalog/information_schema.sql) over pg_catalog, and planned in place like a
// subquery (SystemRelation::definition). Differences from PostgreSQL's text: no privilege
// filters (every Tusk role is a superuser), no temporary schemas or domains, the helper
// functions (_pg_char_max_length, ...) written out inline, and the columns typed with the
// domains' base types (sql_identifier: name, cardinal_number: integer, character_data and
// yes_or_no: character varying, time_stamp: timestamp with time zone).
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"

#include <string_view>

namespace tusk {

namespace {
const Type kIdentifier(oid::kName), kCardinal(oid::kInt4), kCharacterData(oid::kVarchar), kYesOrNo(oid::kVarchar, 7),
    kTimeStamp(oid::kTimestamptz, 2);

struct ViewColumn {
  const char* name;
  const Type* type;
};

void RegisterView(uint32_t oid, const char* name, std::vector<ViewColumn> columns, const char* definition) {
  SystemRelation r;
  r.oid = oid;
  r.schema = "information_schema";
  r.name = name;
  r.kind = 'v';
  for (const ViewColumn& c : columns) r.columns.push_back({c.name, *c.type});
  r.definition = definition;
  RegisterSystemRelation(std::move(r));
}

// PostgreSQL's _pg_* helpers over a column's type and typmod, as SQL over `t` and `m`.
std::string CharMaxLength(const std::string& t, const std::string& m) {
  return "CASE WHEN " + m + " = -1 THEN NULL WHEN " + t + " IN (1042, 1043) THEN " + m + " - 4 WHEN " + t +
         " IN (1560, 1562) THEN " + m + " ELSE NULL END";
}
std::string NumericPrecision(const std::string& t, const std::string& m) {
  return "CASE " + t + " WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 1700 THEN CASE WHEN " + m +
         " = -1 THEN NULL ELSE ((" + m + " - 4) >> 16) & 65535 END WHEN 700 THEN 24 WHEN 701 THEN 53 ELSE NULL END";
}

const std::string kColumns = R"(
SELECT pg_catalog.current_database()::name, nc.nspname, c.relname, a.attname, a.attnum::int4,
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END::varchar,
       (CASE WHEN a.attnotnull THEN 'NO' ELSE 'YES' END)::varchar(3),
       (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
             WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(a.atttypid, NULL)
             ELSE 'USER-DEFINED' END)::varchar,
       ()" + CharMaxLength("a.atttypid", "a.atttypmod") + R"()::int4,
       (CASE WHEN a.atttypid IN (25, 1042, 1043) THEN
               CASE WHEN a.atttypmod = -1 THEN 1073741824 ELSE ()" + CharMaxLength("a.atttypid", "a.atttypmod") + R"() * 4 END
        END)::int4,
       ()" + NumericPrecision("a.atttypid", "a.atttypmod") + R"()::int4,
       (CASE WHEN a.atttypid IN (21, 23, 20, 700, 701) THEN 2 WHEN a.atttypid = 1700 THEN 10 END)::int4,
       (CASE WHEN a.atttypid IN (21, 23, 20) THEN 0
             WHEN a.atttypid = 1700 THEN CASE WHEN a.atttypmod = -1 THEN NULL ELSE (a.atttypmod - 4) & 65535 END END)::int4,
       (CASE WHEN a.atttypid = 1082 THEN 0
             WHEN a.atttypid IN (1083, 1114, 1184, 1266) THEN CASE WHEN a.atttypmod < 0 THEN 6 ELSE a.atttypmod END
             WHEN a.atttypid = 1186 THEN CASE WHEN a.atttypmod < 0 OR a.atttypmod & 65535 = 65535 THEN 6 ELSE a.atttypmod & 65535 END
        END)::int4,
       (CASE WHEN a.atttypid = 1186 AND pg_catalog.strpos(pg_catalog.format_type(a.atttypid, a.atttypmod), ' ') > 0
             THEN pg_catalog.upper(pg_catalog.substr(pg_catalog.format_type(a.atttypid, a.atttypmod),
                                                     pg_catalog.strpos(pg_catalog.format_type(a.atttypid, a.atttypmod), ' ') + 1)) END)::varchar,
       NULL::int4, NULL::name, NULL::name, NULL::name,
       CASE WHEN nco.nspname IS NOT NULL THEN pg_catalog.current_database() END::name, nco.nspname, co.collname,
       NULL::name, NULL::name, NULL::name,
       pg_catalog.current_database()::name, nt.nspname, t.typname,
       NULL::name, NULL::name, NULL::name, NULL::int4, a.attnum::text::name, 'NO'::varchar(3),
       (CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END)::varchar(3),
       (CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END)::varchar,
       seq.seqstart::varchar, seq.seqincrement::varchar, seq.seqmax::varchar, seq.seqmin::varchar,
       (CASE WHEN seq.seqcycle THEN 'YES' ELSE 'NO' END)::varchar(3),
       (CASE WHEN a.attgenerated <> '' THEN 'ALWAYS' ELSE 'NEVER' END)::varchar,
       (CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END)::varchar,
       (CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO' END)::varchar(3)
FROM pg_catalog.pg_attribute a
     LEFT JOIN pg_catalog.pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
     JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
     JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
     JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
     JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
     LEFT JOIN pg_catalog.pg_collation co ON a.attcollation = co.oid AND co.collname <> 'default'
     LEFT JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid
     LEFT JOIN pg_catalog.pg_depend dep ON dep.refclassid = 1259 AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
                                       AND dep.classid = 1259 AND dep.deptype = 'i'
     LEFT JOIN pg_catalog.pg_sequence seq ON dep.objid = seq.seqrelid
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'f', 'p'))";

}  // namespace

void RegisterInformationSchema() {
  const Type *id = &kIdentifier, *card = &kCardinal, *chr = &kCharacterData, *yn = &kYesOrNo;
  RegisterView(13382, "schemata",
               {{"catalog_name", id}, {"schema_name", id}, {"schema_owner", id}, {"default_character_set_catalog", id},
                {"default_character_set_schema", id}, {"default_character_set_name", id}, {"sql_path", chr}},
               R"(SELECT pg_catalog.current_database()::name, n.nspname, u.rolname, NULL::name, NULL::name, NULL::name, NULL::varchar
                  FROM pg_catalog.pg_namespace n, pg_catalog.pg_authid u WHERE n.nspowner = u.oid)");
  RegisterView(13425, "tables",
               {{"table_catalog", id}, {"table_schema", id}, {"table_name", id}, {"table_type", chr},
                {"self_referencing_column_name", id}, {"reference_generation", chr}, {"user_defined_type_catalog", id},
                {"user_defined_type_schema", id}, {"user_defined_type_name", id}, {"is_insertable_into", yn},
                {"is_typed", yn}, {"commit_action", chr}},
               R"(SELECT pg_catalog.current_database()::name, nc.nspname, c.relname,
                         (CASE WHEN c.relkind IN ('r', 'p') THEN 'BASE TABLE' WHEN c.relkind = 'v' THEN 'VIEW'
                               WHEN c.relkind = 'f' THEN 'FOREIGN' END)::varchar,
                         NULL::name, NULL::varchar, NULL::name, NULL::name, NULL::name,
                         (CASE WHEN c.relkind IN ('r', 'p') THEN 'YES' ELSE 'NO' END)::varchar(3), 'NO'::varchar(3), NULL::varchar
                  FROM pg_catalog.pg_namespace nc JOIN pg_catalog.pg_class c ON nc.oid = c.relnamespace
                  WHERE c.relkind IN ('r', 'v', 'f', 'p'))");
  RegisterView(13295, "columns",
               {{"table_catalog", id}, {"table_schema", id}, {"table_name", id}, {"column_name", id},
                {"ordinal_position", card}, {"column_default", chr}, {"is_nullable", yn}, {"data_type", chr},
                {"character_maximum_length", card}, {"character_octet_length", card}, {"numeric_precision", card},
                {"numeric_precision_radix", card}, {"numeric_scale", card}, {"datetime_precision", card},
                {"interval_type", chr}, {"interval_precision", card}, {"character_set_catalog", id},
                {"character_set_schema", id}, {"character_set_name", id}, {"collation_catalog", id},
                {"collation_schema", id}, {"collation_name", id}, {"domain_catalog", id}, {"domain_schema", id},
                {"domain_name", id}, {"udt_catalog", id}, {"udt_schema", id}, {"udt_name", id}, {"scope_catalog", id},
                {"scope_schema", id}, {"scope_name", id}, {"maximum_cardinality", card}, {"dtd_identifier", id},
                {"is_self_referencing", yn}, {"is_identity", yn}, {"identity_generation", chr}, {"identity_start", chr},
                {"identity_increment", chr}, {"identity_maximum", chr}, {"identity_minimum", chr}, {"identity_cycle", yn},
                {"is_generated", chr}, {"generation_expression", chr}, {"is_updatable", yn}},
               kColumns.c_str());
  RegisterView(13411, "table_constraints",
               {{"constraint_catalog", id}, {"constraint_schema", id}, {"constraint_name", id}, {"table_catalog", id},
                {"table_schema", id}, {"table_name", id}, {"constraint_type", chr}, {"is_deferrable", yn},
                {"initially_deferred", yn}, {"enforced", yn}, {"nulls_distinct", yn}},
               R"(SELECT pg_catalog.current_database()::name, nc.nspname, c.conname, pg_catalog.current_database()::name,
                         nr.nspname, r.relname,
                         (CASE c.contype WHEN 'c' THEN 'CHECK' WHEN 'f' THEN 'FOREIGN KEY' WHEN 'p' THEN 'PRIMARY KEY'
                                         WHEN 'u' THEN 'UNIQUE' END)::varchar,
                         (CASE WHEN c.condeferrable THEN 'YES' ELSE 'NO' END)::varchar(3),
                         (CASE WHEN c.condeferred THEN 'YES' ELSE 'NO' END)::varchar(3), 'YES'::varchar(3),
                         (CASE WHEN c.contype = 'u' THEN
                            CASE WHEN (SELECT NOT i.indnullsnotdistinct FROM pg_catalog.pg_index i WHERE i.indexrelid = c.conindid)
                                 THEN 'YES' ELSE 'NO' END END)::varchar(3)
                  FROM pg_catalog.pg_namespace nc, pg_catalog.pg_namespace nr, pg_catalog.pg_constraint c, pg_catalog.pg_class r
                  WHERE nc.oid = c.connamespace AND nr.oid = r.relnamespace AND c.conrelid = r.oid
                    AND c.contype NOT IN ('t', 'x') AND r.relkind IN ('r', 'p')
                  UNION ALL
                  SELECT pg_catalog.current_database()::name, nr.nspname,
                         (nr.oid::text || '_' || r.oid::text || '_' || a.attnum::text || '_not_null')::name,
                         pg_catalog.current_database()::name, nr.nspname, r.relname, 'CHECK'::varchar, 'NO'::varchar(3),
                         'NO'::varchar(3), 'YES'::varchar(3), NULL::varchar(3)
                  FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_attribute a
                  WHERE nr.oid = r.relnamespace AND r.oid = a.attrelid AND a.attnotnull AND a.attnum > 0
                    AND NOT a.attisdropped AND r.relkind IN ('r', 'p'))");
  RegisterView(13329, "key_column_usage",
               {{"constraint_catalog", id}, {"constraint_schema", id}, {"constraint_name", id}, {"table_catalog", id},
                {"table_schema", id}, {"table_name", id}, {"column_name", id}, {"ordinal_position", card},
                {"position_in_unique_constraint", card}},
               R"(SELECT pg_catalog.current_database()::name, nc.nspname, c.conname, pg_catalog.current_database()::name,
                         nr.nspname, r.relname, a.attname, k.n::int4,
                         (CASE WHEN c.contype = 'f' THEN
                            (SELECT ik.n FROM pg_catalog.pg_index i, LATERAL pg_catalog.unnest(i.indkey) WITH ORDINALITY AS ik(x, n)
                             WHERE i.indexrelid = c.conindid AND ik.x = c.confkey[k.n]) END)::int4
                  FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_namespace nc, pg_catalog.pg_constraint c,
                       LATERAL pg_catalog.unnest(c.conkey) WITH ORDINALITY AS k(x, n), pg_catalog.pg_attribute a
                  WHERE nr.oid = r.relnamespace AND r.oid = c.conrelid AND nc.oid = c.connamespace
                    AND c.contype IN ('p', 'u', 'f') AND r.relkind IN ('r', 'p')
                    AND a.attrelid = r.oid AND a.attnum = k.x AND NOT a.attisdropped)");
  RegisterView(13339, "referential_constraints",
               {{"constraint_catalog", id}, {"constraint_schema", id}, {"constraint_name", id},
                {"unique_constraint_catalog", id}, {"unique_constraint_schema", id}, {"unique_constraint_name", id},
                {"match_option", chr}, {"update_rule", chr}, {"delete_rule", chr}},
               R"(SELECT pg_catalog.current_database()::name, ncon.nspname, con.conname,
                         CASE WHEN npkc.nspname IS NULL THEN NULL ELSE pg_catalog.current_database() END::name,
                         npkc.nspname, pkc.conname,
                         (CASE con.confmatchtype WHEN 'f' THEN 'FULL' WHEN 'p' THEN 'PARTIAL' WHEN 's' THEN 'NONE' END)::varchar,
                         (CASE con.confupdtype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
                                               WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END)::varchar,
                         (CASE con.confdeltype WHEN 'c' THEN 'CASCADE' WHEN 'n' THEN 'SET NULL' WHEN 'd' THEN 'SET DEFAULT'
                                               WHEN 'r' THEN 'RESTRICT' WHEN 'a' THEN 'NO ACTION' END)::varchar
                  FROM pg_catalog.pg_namespace ncon
                       JOIN pg_catalog.pg_constraint con ON ncon.oid = con.connamespace AND con.contype = 'f'
                       LEFT JOIN pg_catalog.pg_constraint pkc ON pkc.conindid = con.conindid AND pkc.contype IN ('p', 'u')
                                                             AND pkc.conrelid = con.confrelid
                       LEFT JOIN pg_catalog.pg_namespace npkc ON pkc.connamespace = npkc.oid)");
  RegisterView(13300, "constraint_column_usage",
               {{"table_catalog", id}, {"table_schema", id}, {"table_name", id}, {"column_name", id},
                {"constraint_catalog", id}, {"constraint_schema", id}, {"constraint_name", id}},
               R"(SELECT pg_catalog.current_database()::name, x.tblschema, x.tblname, x.colname,
                         pg_catalog.current_database()::name, x.cstrschema, x.cstrname
                  FROM (SELECT DISTINCT nr.nspname, r.relname, a.attname, nc.nspname, c.conname
                        FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_attribute a, pg_catalog.pg_depend d,
                             pg_catalog.pg_namespace nc, pg_catalog.pg_constraint c
                        WHERE nr.oid = r.relnamespace AND r.oid = a.attrelid AND d.refclassid = 1259 AND d.refobjid = r.oid
                          AND d.refobjsubid = a.attnum AND d.classid = 2606 AND d.objid = c.oid AND c.connamespace = nc.oid
                          AND c.contype = 'c' AND r.relkind IN ('r', 'p') AND NOT a.attisdropped
                        UNION ALL
                        SELECT nr.nspname, r.relname, a.attname, nc.nspname, c.conname
                        FROM pg_catalog.pg_namespace nr, pg_catalog.pg_class r, pg_catalog.pg_attribute a, pg_catalog.pg_namespace nc,
                             pg_catalog.pg_constraint c
                        WHERE nr.oid = r.relnamespace AND r.oid = a.attrelid AND nc.oid = c.connamespace
                          AND r.oid = CASE c.contype WHEN 'f' THEN c.confrelid ELSE c.conrelid END
                          AND a.attnum = ANY (CASE c.contype WHEN 'f' THEN c.confkey ELSE c.conkey END)
                          AND NOT a.attisdropped AND c.contype IN ('p', 'u', 'f') AND r.relkind IN ('r', 'p'))
                       AS x (tblschema, tblname, colname, cstrschema, cstrname))");
  RegisterView(13260, "check_constraints",
               {{"constraint_catalog", id}, {"constraint_schema", id}, {"constraint_name", id}, {"check_clause", chr}},
               R"(SELECT pg_catalog.current_database()::name, rs.nspname, con.conname,
                         pg_catalog.substr(pg_catalog.pg_get_constraintdef(con.oid), 7)::varchar
                  FROM pg_catalog.pg_constraint con LEFT JOIN pg_catalog.pg_namespace rs ON rs.oid = con.connamespace
                  WHERE con.contype = 'c'
                  UNION
                  SELECT pg_catalog.current_database()::name, n.nspname,
                         (n.oid::text || '_' || r.oid::text || '_' || a.attnum::text || '_not_null')::name,
                         (a.attname || ' IS NOT NULL')::varchar
                  FROM pg_catalog.pg_namespace n, pg_catalog.pg_class r, pg_catalog.pg_attribute a
                  WHERE n.oid = r.relnamespace AND r.oid = a.attrelid AND a.attnum > 0 AND NOT a.attisdropped
                    AND a.attnotnull AND r.relkind IN ('r', 'p'))");
  RegisterView(13386, "sequences",
               {{"sequence_catalog", id}, {"sequence_schema", id}, {"sequence_name", id}, {"data_type", chr},
                {"numeric_precision", card}, {"numeric_precision_radix", card}, {"numeric_scale", card},
                {"start_value", chr}, {"minimum_value", chr}, {"maximum_value", chr}, {"increment", chr},
                {"cycle_option", yn}},
               (R"(SELECT pg_catalog.current_database()::name, nc.nspname, c.relname,
                          pg_catalog.format_type(s.seqtypid, NULL)::varchar, ()" + NumericPrecision("s.seqtypid", "-1") + R"()::int4,
                          2, 0, s.seqstart::varchar, s.seqmin::varchar, s.seqmax::varchar, s.seqincrement::varchar,
                          (CASE WHEN s.seqcycle THEN 'YES' ELSE 'NO' END)::varchar(3)
                   FROM pg_catalog.pg_namespace nc, pg_catalog.pg_class c, pg_catalog.pg_sequence s
                   WHERE c.relnamespace = nc.oid AND c.relkind = 'S' AND c.oid = s.seqrelid
                     AND NOT EXISTS (SELECT FROM pg_catalog.pg_depend d
                                     WHERE d.classid = 1259 AND d.objid = c.oid AND d.deptype = 'i'))")
                   .c_str());
  // Tusk has no user views or triggers yet (issue 15): these list none, with their columns.
  RegisterView(13483, "views",
               {{"table_catalog", id}, {"table_schema", id}, {"table_name", id}, {"view_definition", chr},
                {"check_option", chr}, {"is_updatable", yn}, {"is_insertable_into", yn}, {"is_trigger_updatable", yn},
                {"is_trigger_deletable", yn}, {"is_trigger_insertable_into", yn}},
               R"(SELECT pg_catalog.current_database()::name, nc.nspname, c.relname, NULL::varchar, 'NONE'::varchar,
                         'NO'::varchar(3), 'NO'::varchar(3), 'NO'::varchar(3), 'NO'::varchar(3), 'NO'::varchar(3)
                  FROM pg_catalog.pg_namespace nc, pg_catalog.pg_class c
                  WHERE c.relnamespace = nc.oid AND c.relkind = 'v' AND nc.nspname NOT IN ('pg_catalog', 'information_schema'))");
  RegisterView(13440, "triggers",
               {{"trigger_catalog", id}, {"trigger_schema", id}, {"trigger_name", id}, {"event_manipulation", chr},
                {"event_object_catalog", id}, {"event_object_schema", id}, {"event_object_table", id},
                {"action_order", card}, {"action_condition", chr}, {"action_statement", chr},
                {"action_orientation", chr}, {"action_timing", chr}, {"action_reference_old_table", id},
                {"action_reference_new_table", id}, {"action_reference_old_row", id}, {"action_reference_new_row", id},
                {"created", &kTimeStamp}},
               R"(SELECT pg_catalog.current_database()::name, NULL::name, t.tgname, NULL::varchar, NULL::name, NULL::name,
                         NULL::name, NULL::int4, NULL::varchar, NULL::varchar, NULL::varchar, NULL::varchar, NULL::name,
                         NULL::name, NULL::name, NULL::name, NULL::timestamptz(2)
                  FROM pg_catalog.pg_trigger t WHERE false)");
}

}  // namespace tusk
