#include "semantic/segment_properties.h"

#include <algorithm>

namespace segc {

SegmentProperties segment_properties(const ast::SegmentDecl& declaration) {
  SegmentProperties properties;
  for (const ast::Property& property : declaration.properties) {
    switch (property.kind) {
      case ast::PropertyKind::Description: properties.description = property.text.value; break;
      case ast::PropertyKind::Owner: properties.owner = property.text.value; break;
      case ast::PropertyKind::Tags:
        for (const ast::StringItem& tag : property.tags) properties.tags.push_back(tag.value);
        break;
      case ast::PropertyKind::Meta: {
        auto same_key = [&](const auto& entry) { return entry.first == property.meta_key.name; };
        auto found = std::find_if(properties.meta.begin(), properties.meta.end(), same_key);
        if (found != properties.meta.end()) {
          found->second = property.text.value;
        } else {
          properties.meta.emplace_back(property.meta_key.name, property.text.value);
        }
        break;
      }
    }
  }
  return properties;
}

}  // namespace segc
