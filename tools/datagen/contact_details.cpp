#include "contact_details.h"

#include <iterator>

#include <fmt/format.h>

#include "vocabulary.h"

namespace segc::datagen {

namespace {

void append_digits(std::string& out, Random& random, int count) {
  for (int i = 0; i < count; ++i) out.push_back(static_cast<char>('0' + random.below(10)));
}

// Capitalises the first letter of every part of an address: Ivan.Petrov@Mail.ru.
void capitalise(std::string& email) {
  for (std::size_t i = 0; i < email.size(); ++i) {
    const bool starts_word = i == 0 || email[i - 1] == '.' || email[i - 1] == '_' || email[i - 1] == '@';
    if (starts_word && email[i] >= 'a' && email[i] <= 'z') email[i] = static_cast<char>(email[i] - 32);
  }
}

}  // namespace

void make_email(Random& random, const Customer& c, std::string& email) {
  email.clear();
  auto out = std::back_inserter(email);
  const std::string_view first = kFirstNames[random.below(kFirstNames.size())];
  const std::string_view last = kLastNames[random.below(kLastNames.size())];
  const std::string_view domain = kMailDomains[random.pick(kMailDomainWeights)];
  const auto roll = random.below(1000);
  if (roll < 90) return;  // missing
  if (roll < 97) {        // staff
    fmt::format_to(out, "{}.{}@lapki-dom.ru", first, last);
  } else if (roll < 103) {  // test accounts of the QA team
    if (random.chance(500)) fmt::format_to(out, "qa+{}@lapki-dom.ru", random.between(1, 9999));
    else fmt::format_to(out, "QA+load{}@example.com", random.between(1, 999));
  } else if (roll < 128) {  // typed wrongly: no top-level domain, no @, a space, a one-letter TLD
    const std::string_view host = domain.substr(0, domain.find('.'));
    switch (random.below(4)) {
      case 0: fmt::format_to(out, "{}.{}@{}", first, last, host); break;
      case 1: fmt::format_to(out, "{}.{}.{}", first, last, domain); break;
      case 2: fmt::format_to(out, "{} {}@{}", first, last, domain); break;
      default: fmt::format_to(out, "{}.{}@{}.r", first, last, host); break;
    }
  } else {
    switch (random.below(6)) {
      case 0: fmt::format_to(out, "{}.{}@{}", first, last, domain); break;
      case 1: fmt::format_to(out, "{}_{}@{}", first, last, domain); break;
      case 2: fmt::format_to(out, "{}{}{}@{}", first, last, random.between(1, 999), domain); break;
      case 3: fmt::format_to(out, "{}.{}@{}", first[0], last, domain); break;
      case 4: {
        const auto year = c.birth_date ? static_cast<int>(to_date(*c.birth_date).year()) : 1900 + int(random.between(60, 105));
        fmt::format_to(out, "{}{}@{}", last, year, domain);
        break;
      }
      default: fmt::format_to(out, "{}{}@{}", first, random.between(1, 99999), domain); break;
    }
    if (random.chance(50)) capitalise(email);
  }
}

void make_phone(Random& random, std::string_view country_code, std::string& phone) {
  phone.clear();
  if (random.chance(110)) return;  // missing
  if (!country_code.empty() && country_code != "RU" && country_code != "ru") {
    phone.append(phone_prefix(country_code));
    append_digits(phone, random, 7);
    return;
  }
  const auto roll = random.below(1000);
  if (roll < 70) {  // 8 instead of +7
    phone.append("89");
    append_digits(phone, random, 9);
  } else if (roll < 110) {  // with spaces and dashes: +7 916 123-45-67
    phone.append("+7 9");
    append_digits(phone, random, 2);
    phone.push_back(' ');
    append_digits(phone, random, 3);
    phone.push_back('-');
    append_digits(phone, random, 2);
    phone.push_back('-');
    append_digits(phone, random, 2);
  } else if (roll < 150) {  // a landline in Moscow or St Petersburg
    phone.append(random.chance(600) ? "+7495" : "+7812");
    append_digits(phone, random, 7);
  } else if (roll < 160) {  // a digit short
    phone.append("+79");
    append_digits(phone, random, 8);
  } else {
    phone.append("+79");
    append_digits(phone, random, 9);
  }
}

}  // namespace segc::datagen
