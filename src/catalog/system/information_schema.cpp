// information_schema: the SQL standard's views of the catalog, defined as PostgreSQL 15 defines
// them (src/backend/catalog/information_schema.sql) over pg_catalog, and planned in place like a
// subquery (SystemRelation::definition). Differences from PostgreSQL's text: no privilege
// filters (every Tusk role is a superuser), no temporary schemas, the helper functions
// (_pg_char_max_length, ...) and the ones Tusk lacks (nameconcatoid,
// pg_get_function_arg_default) written out inline. The columns have PostgreSQL's domain types
// (sql_identifier, cardinal_number, character_data, yes_or_no, time_stamp:
// catalog/information_schema_domains.hpp).
#include "catalog/information_schema_domains.hpp"
#include "catalog/system/catalogs.hpp"
#include "catalog/system/system_relation.hpp"

#include <string_view>

namespace tusk {

namespace {
namespace isd = information_schema_domain;
const Type kIdentifier = InformationSchemaDomainType(isd::kSqlIdentifier), kCardinal = InformationSchemaDomainType(isd::kCardinalNumber),
           kCharacterData = InformationSchemaDomainType(isd::kCharacterData), kYesOrNo = InformationSchemaDomainType(isd::kYesOrNo),
           kTimeStamp = InformationSchemaDomainType(isd::kTimeStamp);

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

// The data type descriptor's columns after data_type, as routines, parameters and element_types
// list them, placed between `before` and `after`.
std::vector<ViewColumn> WithTypeDescriptor(std::vector<ViewColumn> before, const std::vector<ViewColumn>& after) {
  const Type *id = &kIdentifier, *card = &kCardinal, *chr = &kCharacterData;
  before.insert(before.end(), {{"character_maximum_length", card}, {"character_octet_length", card},
                               {"character_set_catalog", id}, {"character_set_schema", id}, {"character_set_name", id},
                               {"collation_catalog", id}, {"collation_schema", id}, {"collation_name", id},
                               {"numeric_precision", card}, {"numeric_precision_radix", card}, {"numeric_scale", card},
                               {"datetime_precision", card}, {"interval_type", chr}, {"interval_precision", card}});
  before.insert(before.end(), after.begin(), after.end());
  return before;
}
// Those columns all null, as routines and parameters have them.
const char* const kNullTypeDescriptor =
    "NULL::int4, NULL::int4, NULL::name, NULL::name, NULL::name, NULL::name, NULL::name, NULL::name, "
    "NULL::int4, NULL::int4, NULL::int4, NULL::int4, NULL::varchar, NULL::int4";

// PostgreSQL's _pg_* helpers over a column's type and typmod, as SQL over `t` and `m`.
std::string CharMaxLength(const std::string& t, const std::string& m) {
  return "CASE WHEN " + m + " = -1 THEN NULL WHEN " + t + " IN (1042, 1043) THEN " + m + " - 4 WHEN " + t +
         " IN (1560, 1562) THEN " + m + " ELSE NULL END";
}
std::string NumericPrecision(const std::string& t, const std::string& m) {
  return "CASE " + t + " WHEN 21 THEN 16 WHEN 23 THEN 32 WHEN 20 THEN 64 WHEN 1700 THEN CASE WHEN " + m +
         " = -1 THEN NULL ELSE ((" + m + " - 4) >> 16) & 65535 END WHEN 700 THEN 24 WHEN 701 THEN 53 ELSE NULL END";
}

// nameconcatoid(name, oid), a routine's specific name: the name, cut to leave room for "_oid"
// within 63 bytes, then "_oid" (pg_proc's names are ASCII, so characters are bytes).
std::string NameConcatOid(const std::string& n, const std::string& o) {
  return "(pg_catalog.left(" + n + "::text, 63 - pg_catalog.length('_' || " + o + "::text)) || '_' || " + o +
         "::text)::name";
}

// Every argument of every routine, IN and OUT alike, as `ss` with x = (type, position).
const std::string kProcArguments = R"((SELECT n.nspname, p.pronamespace, p.proname, p.oid, p.proargnames, p.proargmodes,
               information_schema._pg_expandarray(COALESCE(p.proallargtypes, p.proargtypes::oid[])) AS x
        FROM pg_catalog.pg_namespace n, pg_catalog.pg_proc p WHERE n.oid = p.pronamespace) AS ss)";

const std::string kRoutines = R"(
SELECT pg_catalog.current_database()::name, n.nspname, )" + NameConcatOid("p.proname", "p.oid") + R"(,
       pg_catalog.current_database()::name, n.nspname, p.proname,
       (CASE p.prokind WHEN 'f' THEN 'FUNCTION' WHEN 'p' THEN 'PROCEDURE' END)::varchar,
       NULL::name, NULL::name, NULL::name, NULL::name, NULL::name, NULL::name,
       (CASE WHEN p.prokind = 'p' THEN NULL WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
             WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.oid, NULL) ELSE 'USER-DEFINED' END)::varchar,
       )" + kNullTypeDescriptor + R"(,
       CASE WHEN nt.nspname IS NOT NULL THEN pg_catalog.current_database() END::name, nt.nspname, t.typname,
       NULL::name, NULL::name, NULL::name, NULL::int4, CASE WHEN p.prokind <> 'p' THEN 0 END::text::name,
       (CASE WHEN l.lanname = 'sql' THEN 'SQL' ELSE 'EXTERNAL' END)::varchar, p.prosrc::varchar,
       CASE WHEN l.lanname = 'c' THEN p.prosrc END::varchar, pg_catalog.upper(l.lanname)::varchar,
       'GENERAL'::varchar, (CASE WHEN p.provolatile = 'i' THEN 'YES' ELSE 'NO' END)::varchar(3), 'MODIFIES'::varchar,
       (CASE WHEN p.prokind <> 'p' THEN CASE WHEN p.proisstrict THEN 'YES' ELSE 'NO' END END)::varchar(3),
       NULL::varchar, 'YES'::varchar(3), 0, NULL::varchar(3), NULL::varchar(3),
       (CASE WHEN p.prosecdef THEN 'DEFINER' ELSE 'INVOKER' END)::varchar, NULL::name, NULL::name, NULL::name,
       'NO'::varchar(3), NULL::timestamptz(2), NULL::timestamptz(2), NULL::varchar(3), 'NO'::varchar(3),
       NULL::varchar, NULL::varchar(3), NULL::int4, NULL::int4, NULL::name, NULL::name, NULL::name, NULL::name,
       NULL::name, NULL::name, NULL::int4, NULL::int4, NULL::int4, NULL::int4, NULL::varchar, NULL::int4,
       NULL::name, NULL::name, NULL::name, NULL::name, NULL::name, NULL::name, NULL::int4, NULL::name
FROM (pg_catalog.pg_namespace n JOIN pg_catalog.pg_proc p ON n.oid = p.pronamespace
      JOIN pg_catalog.pg_language l ON p.prolang = l.oid)
     LEFT JOIN (pg_catalog.pg_type t JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid)
     ON p.prorettype = t.oid AND p.prokind <> 'p')";

// parameter_default is pg_get_function_arg_default's, read from the DEFAULT clauses of
// pg_get_function_arguments (pg_proc.proargdefaults is empty in Tusk; no built-in function's
// default holds ", ").
const std::string kParameters = R"(
SELECT pg_catalog.current_database()::name, ss.nspname, )" + NameConcatOid("ss.proname", "ss.oid") + R"(,
       (ss.x).n::int4,
       (CASE WHEN ss.proargmodes IS NULL THEN 'IN' WHEN ss.proargmodes[(ss.x).n] = 'i' THEN 'IN'
             WHEN ss.proargmodes[(ss.x).n] = 'o' THEN 'OUT' WHEN ss.proargmodes[(ss.x).n] = 'b' THEN 'INOUT'
             WHEN ss.proargmodes[(ss.x).n] = 'v' THEN 'IN' WHEN ss.proargmodes[(ss.x).n] = 't' THEN 'OUT' END)::varchar,
       'NO'::varchar(3), 'NO'::varchar(3), NULLIF(ss.proargnames[(ss.x).n], '')::name,
       (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
             WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.oid, NULL) ELSE 'USER-DEFINED' END)::varchar,
       )" + kNullTypeDescriptor + R"(,
       pg_catalog.current_database()::name, nt.nspname, t.typname, NULL::name, NULL::name, NULL::name, NULL::int4,
       (ss.x).n::text::name,
       (CASE WHEN ss.proargmodes IS NULL OR ss.proargmodes[(ss.x).n] IN ('i', 'b', 'v') THEN
          pg_catalog.substring(pg_catalog.split_part(pg_catalog.pg_get_function_arguments(ss.oid), ', ', (ss.x).n),
                               ' DEFAULT (.*)$') END)::varchar
FROM pg_catalog.pg_type t, pg_catalog.pg_namespace nt, )" + kProcArguments + R"(
WHERE t.oid = (ss.x).x AND t.typnamespace = nt.oid)";

// Array-typed columns, domains, attributes of composite types, routine arguments and results
// (Tusk has no domains or composite types yet: those branches find none). PostgreSQL keeps only
// the objects data_type_privileges lists, those the user may see: without privileges, all.
const std::string kElementTypes = R"(
SELECT pg_catalog.current_database()::name, n.nspname, x.objname, x.objtype::varchar, x.objdtdid::text::name,
       (CASE WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(bt.oid, NULL) ELSE 'USER-DEFINED' END)::varchar,
       NULL::int4, NULL::int4, NULL::name, NULL::name, NULL::name,
       CASE WHEN nco.nspname IS NOT NULL THEN pg_catalog.current_database() END::name, nco.nspname, co.collname,
       NULL::int4, NULL::int4, NULL::int4, NULL::int4, NULL::varchar, NULL::int4, NULL::varchar,
       pg_catalog.current_database()::name, nbt.nspname, bt.typname, NULL::name, NULL::name, NULL::name, NULL::int4,
       ('a' || x.objdtdid::text)::name
FROM pg_catalog.pg_namespace n, pg_catalog.pg_type at, pg_catalog.pg_namespace nbt, pg_catalog.pg_type bt,
     (SELECT c.relnamespace, c.relname, CASE WHEN c.relkind = 'c' THEN 'USER-DEFINED TYPE' ELSE 'TABLE' END,
             a.attnum::int4, a.atttypid, a.attcollation
      FROM pg_catalog.pg_class c, pg_catalog.pg_attribute a
      WHERE c.oid = a.attrelid AND c.relkind IN ('r', 'v', 'f', 'c', 'p') AND a.attnum > 0 AND NOT a.attisdropped
      UNION ALL
      SELECT t.typnamespace, t.typname, 'DOMAIN', 1, t.typbasetype, t.typcollation
      FROM pg_catalog.pg_type t WHERE t.typtype = 'd'
      UNION ALL
      SELECT ss.pronamespace, )" + NameConcatOid("ss.proname", "ss.oid") + R"(, 'ROUTINE', (ss.x).n, (ss.x).x, 0::oid
      FROM )" + kProcArguments + R"(
      UNION ALL
      SELECT p.pronamespace, )" + NameConcatOid("p.proname", "p.oid") + R"(, 'ROUTINE', 0, p.prorettype, 0::oid
      FROM pg_catalog.pg_proc p) AS x (objschema, objname, objtype, objdtdid, objtypeid, objcollation)
     LEFT JOIN (pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid)
     ON x.objcollation = co.oid AND (nco.nspname, co.collname) <> ('pg_catalog', 'default')
WHERE n.oid = x.objschema AND at.oid = x.objtypeid AND at.typelem <> 0 AND at.typlen = -1 AND at.typelem = bt.oid
  AND nbt.oid = bt.typnamespace)";

// PostgreSQL's _pg_truetypid / _pg_truetypmod: a domain column's base type and typmod.
const std::string kTrueTypid = "(CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END)";
const std::string kTrueTypmod = "(CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END)";

const std::string kColumns = R"(
SELECT pg_catalog.current_database()::name, nc.nspname, c.relname, a.attname, a.attnum::int4,
       CASE WHEN a.attgenerated = '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END::varchar,
       (CASE WHEN a.attnotnull OR (t.typtype = 'd' AND t.typnotnull) THEN 'NO' ELSE 'YES' END)::varchar(3),
       (CASE WHEN t.typtype = 'd' THEN
               CASE WHEN bt.typelem <> 0 AND bt.typlen = -1 THEN 'ARRAY'
                    WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.typbasetype, NULL)
                    ELSE 'USER-DEFINED' END
             ELSE
               CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
                    WHEN nt.nspname = 'pg_catalog' THEN pg_catalog.format_type(a.atttypid, NULL)
                    ELSE 'USER-DEFINED' END
        END)::varchar,
       ()" + CharMaxLength(kTrueTypid, kTrueTypmod) + R"()::int4,
       (CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) IN (25, 1042, 1043) THEN
               CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) = -1 THEN 1073741824 ELSE ()" + CharMaxLength(kTrueTypid, kTrueTypmod) + R"() * 4 END
        END)::int4,
       ()" + NumericPrecision(kTrueTypid, kTrueTypmod) + R"()::int4,
       (CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) IN (21, 23, 20, 700, 701) THEN 2 WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) = 1700 THEN 10 END)::int4,
       (CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) IN (21, 23, 20) THEN 0
             WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) = 1700 THEN CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) = -1 THEN NULL ELSE ((CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) - 4) & 65535 END END)::int4,
       (CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) = 1082 THEN 0
             WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) IN (1083, 1114, 1184, 1266) THEN CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) < 0 THEN 6 ELSE (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) END
             WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) = 1186 THEN CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) < 0 OR (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) & 65535 = 65535 THEN 6 ELSE (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END) & 65535 END
        END)::int4,
       (CASE WHEN (CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END) = 1186 AND pg_catalog.strpos(pg_catalog.format_type((CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END), (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END)), ' ') > 0
             THEN pg_catalog.upper(pg_catalog.substr(pg_catalog.format_type((CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END), (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END)),
                                                     pg_catalog.strpos(pg_catalog.format_type((CASE WHEN t.typtype = 'd' THEN t.typbasetype ELSE a.atttypid END), (CASE WHEN t.typtype = 'd' THEN t.typtypmod ELSE a.atttypmod END)), ' ') + 1)) END)::varchar,
       NULL::int4, NULL::name, NULL::name, NULL::name,
       CASE WHEN nco.nspname IS NOT NULL THEN pg_catalog.current_database() END::name, nco.nspname, co.collname,
       CASE WHEN t.typtype = 'd' THEN pg_catalog.current_database() END::name,
       CASE WHEN t.typtype = 'd' THEN nt.nspname END::name, CASE WHEN t.typtype = 'd' THEN t.typname END::name,
       pg_catalog.current_database()::name, COALESCE(nbt.nspname, nt.nspname), COALESCE(bt.typname, t.typname),
       NULL::name, NULL::name, NULL::name, NULL::int4, a.attnum::text::name, 'NO'::varchar(3),
       (CASE WHEN a.attidentity IN ('a', 'd') THEN 'YES' ELSE 'NO' END)::varchar(3),
       (CASE a.attidentity WHEN 'a' THEN 'ALWAYS' WHEN 'd' THEN 'BY DEFAULT' END)::varchar,
       seq.seqstart::varchar, seq.seqincrement::varchar, seq.seqmax::varchar, seq.seqmin::varchar,
       (CASE WHEN seq.seqcycle THEN 'YES' ELSE 'NO' END)::varchar(3),
       (CASE WHEN a.attgenerated <> '' THEN 'ALWAYS' ELSE 'NEVER' END)::varchar,
       (CASE WHEN a.attgenerated <> '' THEN pg_catalog.pg_get_expr(ad.adbin, ad.adrelid) END)::varchar,
       (CASE WHEN c.relkind IN ('r', 'p') THEN 'YES'
             WHEN c.relkind IN ('v', 'f') AND pg_catalog.pg_column_is_updatable(c.oid, a.attnum, false) THEN 'YES'
             ELSE 'NO' END)::varchar(3)
FROM pg_catalog.pg_attribute a
     LEFT JOIN pg_catalog.pg_attrdef ad ON a.attrelid = ad.adrelid AND a.attnum = ad.adnum
     JOIN pg_catalog.pg_class c ON a.attrelid = c.oid
     JOIN pg_catalog.pg_namespace nc ON c.relnamespace = nc.oid
     JOIN pg_catalog.pg_type t ON a.atttypid = t.oid
     JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid
     LEFT JOIN (pg_catalog.pg_type bt JOIN pg_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid)
       ON t.typtype = 'd' AND t.typbasetype = bt.oid
     LEFT JOIN pg_catalog.pg_collation co ON a.attcollation = co.oid AND co.collname <> 'default'
     LEFT JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid
     LEFT JOIN pg_catalog.pg_depend dep ON dep.refclassid = 1259 AND dep.refobjid = c.oid AND dep.refobjsubid = a.attnum
                                       AND dep.classid = 1259 AND dep.deptype = 'i'
     LEFT JOIN pg_catalog.pg_sequence seq ON dep.objid = seq.seqrelid
WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r', 'v', 'f', 'p'))";

// information_schema.domains: each domain with its base type's descriptor (typbasetype and
// typtypmod in the _pg_* helpers' places).
const std::string kDomains = R"(
SELECT pg_catalog.current_database()::name, nt.nspname, t.typname,
       (CASE WHEN t.typelem <> 0 AND t.typlen = -1 THEN 'ARRAY'
             WHEN nbt.nspname = 'pg_catalog' THEN pg_catalog.format_type(t.typbasetype, NULL)
             ELSE 'USER-DEFINED' END)::varchar,
       ()" + CharMaxLength("t.typbasetype", "t.typtypmod") + R"()::int4,
       (CASE WHEN t.typbasetype IN (25, 1042, 1043) THEN
               CASE WHEN t.typtypmod = -1 THEN 1073741824 ELSE ()" + CharMaxLength("t.typbasetype", "t.typtypmod") + R"() * 4 END
        END)::int4,
       NULL::name, NULL::name, NULL::name,
       CASE WHEN nco.nspname IS NOT NULL THEN pg_catalog.current_database() END::name, nco.nspname, co.collname,
       ()" + NumericPrecision("t.typbasetype", "t.typtypmod") + R"()::int4,
       (CASE WHEN t.typbasetype IN (21, 23, 20, 700, 701) THEN 2 WHEN t.typbasetype = 1700 THEN 10 END)::int4,
       (CASE WHEN t.typbasetype IN (21, 23, 20) THEN 0
             WHEN t.typbasetype = 1700 THEN CASE WHEN t.typtypmod = -1 THEN NULL ELSE (t.typtypmod - 4) & 65535 END END)::int4,
       (CASE WHEN t.typbasetype = 1082 THEN 0
             WHEN t.typbasetype IN (1083, 1114, 1184, 1266) THEN CASE WHEN t.typtypmod < 0 THEN 6 ELSE t.typtypmod END
             WHEN t.typbasetype = 1186 THEN CASE WHEN t.typtypmod < 0 OR t.typtypmod & 65535 = 65535 THEN 6 ELSE t.typtypmod & 65535 END
        END)::int4,
       (CASE WHEN t.typbasetype = 1186 AND pg_catalog.strpos(pg_catalog.format_type(t.typbasetype, t.typtypmod), ' ') > 0
             THEN pg_catalog.upper(pg_catalog.substr(pg_catalog.format_type(t.typbasetype, t.typtypmod),
                                                     pg_catalog.strpos(pg_catalog.format_type(t.typbasetype, t.typtypmod), ' ') + 1)) END)::varchar,
       NULL::int4,
       t.typdefault::varchar,
       pg_catalog.current_database()::name, nbt.nspname, bt.typname,
       NULL::name, NULL::name, NULL::name, NULL::int4, '1'::name
FROM (pg_catalog.pg_type t JOIN pg_catalog.pg_namespace nt ON t.typnamespace = nt.oid)
     JOIN (pg_catalog.pg_type bt JOIN pg_catalog.pg_namespace nbt ON bt.typnamespace = nbt.oid)
       ON t.typbasetype = bt.oid AND t.typtype = 'd'
     LEFT JOIN (pg_catalog.pg_collation co JOIN pg_catalog.pg_namespace nco ON co.collnamespace = nco.oid)
       ON t.typcollation = co.oid AND (nco.nspname, co.collname) <> ('pg_catalog', 'default'))";

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
                         (CASE WHEN c.relkind IN ('r', 'p') OR (c.relkind IN ('v', 'f') AND
                                    pg_catalog.pg_relation_is_updatable(c.oid, false) & 8 = 8) THEN 'YES' ELSE 'NO' END)::varchar(3),
                         'NO'::varchar(3), NULL::varchar
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
  RegisterView(13310, "domain_constraints",
               {{"constraint_catalog", id}, {"constraint_schema", id}, {"constraint_name", id}, {"domain_catalog", id},
                {"domain_schema", id}, {"domain_name", id}, {"is_deferrable", yn}, {"initially_deferred", yn}},
               R"(SELECT pg_catalog.current_database()::name, rs.nspname, con.conname, pg_catalog.current_database()::name,
                         n.nspname, t.typname, (CASE WHEN con.condeferrable THEN 'YES' ELSE 'NO' END)::varchar(3),
                         (CASE WHEN con.condeferred THEN 'YES' ELSE 'NO' END)::varchar(3)
                  FROM pg_catalog.pg_namespace rs, pg_catalog.pg_namespace n, pg_catalog.pg_constraint con, pg_catalog.pg_type t
                  WHERE rs.oid = con.connamespace AND n.oid = t.typnamespace AND t.oid = con.contypid)");
  RegisterView(13320, "domains",
               WithTypeDescriptor({{"domain_catalog", id}, {"domain_schema", id}, {"domain_name", id}, {"data_type", chr}},
                                  {{"domain_default", chr}, {"udt_catalog", id}, {"udt_schema", id}, {"udt_name", id},
                                   {"scope_catalog", id}, {"scope_schema", id}, {"scope_name", id},
                                   {"maximum_cardinality", card}, {"dtd_identifier", id}}),
               kDomains.c_str());
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
  RegisterView(13377, "routines",
               WithTypeDescriptor(
                   {{"specific_catalog", id}, {"specific_schema", id}, {"specific_name", id}, {"routine_catalog", id},
                    {"routine_schema", id}, {"routine_name", id}, {"routine_type", chr}, {"module_catalog", id},
                    {"module_schema", id}, {"module_name", id}, {"udt_catalog", id}, {"udt_schema", id},
                    {"udt_name", id}, {"data_type", chr}},
                   {{"type_udt_catalog", id}, {"type_udt_schema", id}, {"type_udt_name", id}, {"scope_catalog", id},
                    {"scope_schema", id}, {"scope_name", id}, {"maximum_cardinality", card}, {"dtd_identifier", id},
                    {"routine_body", chr}, {"routine_definition", chr}, {"external_name", chr},
                    {"external_language", chr}, {"parameter_style", chr}, {"is_deterministic", yn},
                    {"sql_data_access", chr}, {"is_null_call", yn}, {"sql_path", chr}, {"schema_level_routine", yn},
                    {"max_dynamic_result_sets", card}, {"is_user_defined_cast", yn},
                    {"is_implicitly_invocable", yn}, {"security_type", chr}, {"to_sql_specific_catalog", id},
                    {"to_sql_specific_schema", id}, {"to_sql_specific_name", id}, {"as_locator", yn},
                    {"created", &kTimeStamp}, {"last_altered", &kTimeStamp}, {"new_savepoint_level", yn},
                    {"is_udt_dependent", yn}, {"result_cast_from_data_type", chr}, {"result_cast_as_locator", yn},
                    {"result_cast_char_max_length", card}, {"result_cast_char_octet_length", card},
                    {"result_cast_char_set_catalog", id}, {"result_cast_char_set_schema", id},
                    {"result_cast_char_set_name", id}, {"result_cast_collation_catalog", id},
                    {"result_cast_collation_schema", id}, {"result_cast_collation_name", id},
                    {"result_cast_numeric_precision", card}, {"result_cast_numeric_precision_radix", card},
                    {"result_cast_numeric_scale", card}, {"result_cast_datetime_precision", card},
                    {"result_cast_interval_type", chr}, {"result_cast_interval_precision", card},
                    {"result_cast_type_udt_catalog", id}, {"result_cast_type_udt_schema", id},
                    {"result_cast_type_udt_name", id}, {"result_cast_scope_catalog", id},
                    {"result_cast_scope_schema", id}, {"result_cast_scope_name", id},
                    {"result_cast_maximum_cardinality", card}, {"result_cast_dtd_identifier", id}}),
               kRoutines.c_str());
  RegisterView(13334, "parameters",
               WithTypeDescriptor({{"specific_catalog", id}, {"specific_schema", id}, {"specific_name", id},
                                   {"ordinal_position", card}, {"parameter_mode", chr}, {"is_result", yn},
                                   {"as_locator", yn}, {"parameter_name", id}, {"data_type", chr}},
                                  {{"udt_catalog", id}, {"udt_schema", id}, {"udt_name", id}, {"scope_catalog", id},
                                   {"scope_schema", id}, {"scope_name", id}, {"maximum_cardinality", card},
                                   {"dtd_identifier", id}, {"parameter_default", chr}}),
               kParameters.c_str());
  RegisterView(13493, "element_types",
               WithTypeDescriptor({{"object_catalog", id}, {"object_schema", id}, {"object_name", id},
                                   {"object_type", chr}, {"collection_type_identifier", id}, {"data_type", chr}},
                                  {{"domain_default", chr}, {"udt_catalog", id}, {"udt_schema", id}, {"udt_name", id},
                                   {"scope_catalog", id}, {"scope_schema", id}, {"scope_name", id},
                                   {"maximum_cardinality", card}, {"dtd_identifier", id}}),
               kElementTypes.c_str());
  RegisterView(13483, "views",
               {{"table_catalog", id}, {"table_schema", id}, {"table_name", id}, {"view_definition", chr},
                {"check_option", chr}, {"is_updatable", yn}, {"is_insertable_into", yn}, {"is_trigger_updatable", yn},
                {"is_trigger_deletable", yn}, {"is_trigger_insertable_into", yn}},
               // No INSTEAD OF triggers yet: is_trigger_* are NO.
               R"(SELECT pg_catalog.current_database()::name, nc.nspname, c.relname,
                         pg_catalog.pg_get_viewdef(c.oid)::varchar,
                         (CASE WHEN 'check_option=cascaded' = ANY (c.reloptions) THEN 'CASCADED'
                               WHEN 'check_option=local' = ANY (c.reloptions) THEN 'LOCAL' ELSE 'NONE' END)::varchar,
                         (CASE WHEN pg_catalog.pg_relation_is_updatable(c.oid, false) & 20 = 20 THEN 'YES' ELSE 'NO' END)::varchar(3),
                         (CASE WHEN pg_catalog.pg_relation_is_updatable(c.oid, false) & 8 = 8 THEN 'YES' ELSE 'NO' END)::varchar(3),
                         'NO'::varchar(3), 'NO'::varchar(3), 'NO'::varchar(3)
                  FROM pg_catalog.pg_namespace nc, pg_catalog.pg_class c
                  WHERE c.relnamespace = nc.oid AND c.relkind = 'v' AND nc.nspname NOT IN ('pg_catalog', 'information_schema'))");
  RegisterView(13440, "triggers",
               {{"trigger_catalog", id}, {"trigger_schema", id}, {"trigger_name", id}, {"event_manipulation", chr},
                {"event_object_catalog", id}, {"event_object_schema", id}, {"event_object_table", id},
                {"action_order", card}, {"action_condition", chr}, {"action_statement", chr},
                {"action_orientation", chr}, {"action_timing", chr}, {"action_reference_old_table", id},
                {"action_reference_new_table", id}, {"action_reference_old_row", id}, {"action_reference_new_row", id},
                {"created", &kTimeStamp}},
               // PostgreSQL's definition: one row per event (TRUNCATE left out, as the standard has
               // none), the condition and the statement cut out of pg_get_triggerdef.
               R"(SELECT pg_catalog.current_database()::name, n.nspname, t.tgname, em.text::varchar,
                         pg_catalog.current_database()::name, n.nspname, c.relname,
                         rank() OVER (PARTITION BY n.nspname, c.relname, em.num, t.tgtype & 1, t.tgtype & 66
                                      ORDER BY t.tgname)::int4,
                         (pg_catalog.regexp_match(pg_catalog.pg_get_triggerdef(t.oid),
                                                  E'.{35,} WHEN \\((.+)\\) EXECUTE FUNCTION'))[1]::varchar,
                         substring(pg_catalog.pg_get_triggerdef(t.oid) from
                                   position('EXECUTE FUNCTION' in substring(pg_catalog.pg_get_triggerdef(t.oid) from 48)) + 47)::varchar,
                         (CASE t.tgtype & 1 WHEN 1 THEN 'ROW' ELSE 'STATEMENT' END)::varchar,
                         (CASE t.tgtype & 66 WHEN 2 THEN 'BEFORE' WHEN 64 THEN 'INSTEAD OF' ELSE 'AFTER' END)::varchar,
                         t.tgoldtable, t.tgnewtable, NULL::name, NULL::name, NULL::timestamptz(2)
                  FROM pg_catalog.pg_namespace n, pg_catalog.pg_class c, pg_catalog.pg_trigger t,
                       (VALUES (4, 'INSERT'), (8, 'DELETE'), (16, 'UPDATE')) AS em (num, text)
                  WHERE n.oid = c.relnamespace AND c.oid = t.tgrelid AND t.tgtype & em.num <> 0 AND NOT t.tgisinternal)");
}

}  // namespace tusk
