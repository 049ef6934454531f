#include "semantic/schema_builder.h"

#include <fmt/format.h>

#include <map>

#include "diagnostics/codes.h"
#include "semantic/suggestions.h"

namespace segc {
namespace {

// Names users bring from SQL and spreadsheets, mapped to Seg's.
const std::map<std::string, std::string, std::less<>>& type_aliases() {
  static const std::map<std::string, std::string, std::less<>> aliases = {
      {"integer", "int"},   {"bigint", "int"},    {"long", "int"},      {"number", "decimal"},
      {"numeric", "decimal"}, {"double", "float"}, {"real", "float"},   {"boolean", "bool"},
      {"text", "string"},   {"varchar", "string"}, {"str", "string"},   {"timestamp", "date"},
      {"datetime", "date"}, {"list", "set"},       {"array", "set"}};
  return aliases;
}

class SchemaBuilder {
 public:
  SchemaBuilder(DiagnosticList& diagnostics) : diagnostics_(diagnostics) {}

  Schema build(const ast::SchemaDecl& declaration, size_t module) {
    Schema schema;
    schema.name = declaration.name.name;
    schema.declaration = &declaration;
    schema.module = module;
    std::map<std::string, const ast::FieldDecl*, std::less<>> seen;
    std::vector<size_t> keys;
    for (const auto& field : declaration.fields) {
      if (auto [it, inserted] = seen.emplace(field.name.name, &field); !inserted) {
        diagnostics_
            .error(codes::kDuplicateName, field.name.range,
                   fmt::format("field '{}' is declared twice in schema '{}'", field.name.name,
                               schema.name),
                   "remove or rename one of them")
            .related.push_back({it->second->name.range, "first declared here"});
        continue;
      }
      if (field.is_key) keys.push_back(schema.fields.size());
      schema.fields.push_back(SchemaField{field.name.name, field_type(field.type, schema),
                                          field.is_key, &field});
    }
    check_key(declaration, schema, keys);
    return schema;
  }

 private:
  Type field_type(const ast::TypeRef& ref, Schema& schema) {
    const std::string& name = ref.name.name;
    auto bad_arguments = [&](std::string message, std::string help) {
      diagnostics_.error(codes::kBadTypeArguments, ref.range, std::move(message),
                         std::move(help));
      return Type::error();
    };
    const bool simple = !ref.has_parens && !ref.element;
    if (name == "int" || name == "float" || name == "bool" || name == "string" ||
        name == "date") {
      if (!simple) {
        return bad_arguments(fmt::format("type '{}' takes no arguments", name),
                             fmt::format("write just `{}`", name));
      }
      if (name == "int") return Type::integer();
      if (name == "float") return Type::floating();
      if (name == "bool") return Type::boolean();
      if (name == "string") return Type::string();
      return Type::date();
    }
    if (name == "decimal") {
      if (ref.arguments.size() != 1 || ref.arguments[0].is_string || ref.element) {
        return bad_arguments("decimal needs the number of digits after the point",
                             "write for example `decimal(2)` for amounts in roubles and kopecks");
      }
      const int64_t scale = ref.arguments[0].int_value;
      if (scale < 0 || scale > 9) {
        return bad_arguments(fmt::format("decimal({}) is out of range", scale),
                             "decimals keep 0 to 9 digits after the point");
      }
      return Type::decimal(static_cast<int>(scale));
    }
    if (name == "enum") return enum_type(ref, schema);
    if (name == "set") {
      if (!ref.element || ref.has_parens || ref.element->name.name != "string" ||
          ref.element->element || ref.element->has_parens) {
        return bad_arguments("only sets of strings are supported", "write `set<string>`");
      }
      return Type{TypeKind::StringSet};
    }
    static const std::vector<std::string> known = {"int",  "decimal", "float", "bool",
                                                   "string", "enum",  "date",  "set"};
    std::string help = "the types are int, decimal(S), float, bool, string, enum(...), date "
                       "and set<string>";
    if (auto alias = type_aliases().find(name); alias != type_aliases().end()) {
      help = fmt::format("did you mean '{}'?", alias->second);
    } else if (auto suggestion = closest_match(name, known)) {
      help = fmt::format("did you mean '{}'?", *suggestion);
    }
    diagnostics_.error(codes::kUnknownType, ref.name.range,
                       fmt::format("unknown type '{}'", name), help);
    return Type::error();
  }

  Type enum_type(const ast::TypeRef& ref, Schema& schema) {
    auto enumeration = std::make_unique<EnumType>();
    bool ok = ref.has_parens && !ref.arguments.empty() && !ref.element;
    for (const auto& argument : ref.arguments) {
      if (!argument.is_string) {
        ok = false;
        continue;
      }
      if (enumeration->index_of(argument.string_value) >= 0) {
        diagnostics_.error(codes::kDuplicateEntry, argument.range,
                           fmt::format("enum value \"{}\" is listed twice", argument.string_value),
                           "remove the second one");
        continue;
      }
      enumeration->values.push_back(argument.string_value);
    }
    if (!ok) {
      diagnostics_.error(codes::kBadTypeArguments, ref.range,
                         "an enum lists its values as strings",
                         "write for example `enum(\"email\", \"sms\", \"push\")`");
      return Type::error();
    }
    Type type{TypeKind::Enum, 0, enumeration.get()};
    schema.enums.push_back(std::move(enumeration));
    return type;
  }

  void check_key(const ast::SchemaDecl& declaration, Schema& schema,
                 const std::vector<size_t>& keys) {
    if (keys.empty()) {
      diagnostics_.error(codes::kBadKey, declaration.name.range,
                         fmt::format("schema '{}' has no key field", schema.name),
                         "mark the field that identifies a customer: `key customer_id: int`");
      return;
    }
    for (size_t i = 1; i < keys.size(); ++i) {
      diagnostics_
          .error(codes::kBadKey, schema.fields[keys[i]].declaration->range,
                 fmt::format("schema '{}' has more than one key field", schema.name),
                 "exactly one field identifies a customer; remove `key` from the others")
          .related.push_back({schema.fields[keys[0]].declaration->range, "first key"});
    }
    schema.key_index = keys[0];
    const Type& key_type = schema.fields[keys[0]].type;
    if (!key_type.is_error() && !key_type.is(TypeKind::Int) && !key_type.is(TypeKind::String)) {
      diagnostics_.error(codes::kBadKey, schema.fields[keys[0]].declaration->type.range,
                         fmt::format("the key field '{}' must be an int or a string",
                                     schema.fields[keys[0]].name),
                         "customer ids are usually `int`");
    }
  }

  DiagnosticList& diagnostics_;
};

}  // namespace

std::optional<Schema> build_schema(const ParsedProgram& program, const SourceManager& sources,
                                   DiagnosticList& diagnostics) {
  const ast::SchemaDecl* first = nullptr;
  size_t first_module = 0;
  for (size_t m = 0; m < program.modules.size(); ++m) {
    for (const auto& declaration : program.modules[m].declarations) {
      const auto* schema = std::get_if<ast::SchemaDecl>(&declaration.node);
      if (schema == nullptr) continue;
      if (first == nullptr) {
        first = schema;
        first_module = m;
        continue;
      }
      diagnostics
          .error(codes::kSecondSchema, schema->name.range,
                 fmt::format("a second schema '{}' is visible; exactly one schema is allowed",
                             schema->name.name),
                 "import the one schema file from every rule file")
          .related.push_back({first->name.range, "the first schema"});
    }
  }
  if (first == nullptr) {
    if (!program.modules.empty()) {
      const FileId file = program.modules.front().file;
      diagnostics.error(codes::kNoSchema, SourceRange{file, {1, 1}, {1, 1}},
                        "no schema is visible from these files",
                        fmt::format("import the schema that describes the customer table, e.g. "
                                    "`import \"schema.seg\"` at the top of {}",
                                    sources.file(file).display_path()));
    }
    return std::nullopt;
  }
  return SchemaBuilder(diagnostics).build(*first, first_module);
}

}  // namespace segc
