// The words segc-datagen draws from: cities, countries, names for e-mail
// addresses, mail domains, interests and pet types. Weights are relative.
#pragma once

#include <array>
#include <string>
#include <string_view>

namespace segc::datagen {

struct City {
  std::string_view name;
  std::string_view country_code;
  unsigned weight;
};

// Russian cities first; the rules look for Москва, Санкт-Петербург, the
// million-plus regional cities and both Новгороды.
inline constexpr std::array kCities = {
    City{"Москва", "RU", 2300},          City{"Санкт-Петербург", "RU", 1150},
    City{"Новосибирск", "RU", 320},      City{"Екатеринбург", "RU", 320},
    City{"Казань", "RU", 330},           City{"Нижний Новгород", "RU", 300},
    City{"Самара", "RU", 250},           City{"Великий Новгород", "RU", 180},
    City{"Челябинск", "RU", 240},        City{"Омск", "RU", 210},
    City{"Ростов-на-Дону", "RU", 240},   City{"Уфа", "RU", 210},
    City{"Красноярск", "RU", 210},       City{"Воронеж", "RU", 200},
    City{"Пермь", "RU", 200},            City{"Волгоград", "RU", 190},
    City{"Краснодар", "RU", 260},        City{"Тюмень", "RU", 150},
    City{"Тула", "RU", 120},             City{"Тверь", "RU", 120},
    City{"Ярославль", "RU", 120},        City{"Калининград", "RU", 130},
    City{"Сочи", "RU", 120},             City{"Владивосток", "RU", 110},
    City{"Иркутск", "RU", 100},          City{"Петрозаводск", "RU", 60},
    City{"Мурманск", "RU", 60},          City{"Минск", "BY", 110},
    City{"Алматы", "KZ", 90},            City{"Астана", "KZ", 50},
    City{"Ереван", "AM", 50},            City{"Ташкент", "UZ", 50},
    City{"Бишкек", "KG", 30},
};

// Mobile prefixes of the non-Russian countries above, for phone numbers.
inline std::string_view phone_prefix(std::string_view country_code) {
  if (country_code == "BY") return "+37529";
  if (country_code == "KZ") return "+7701";
  if (country_code == "AM") return "+37491";
  if (country_code == "UZ") return "+99890";
  if (country_code == "KG") return "+996555";
  return "+79";
}

inline constexpr std::array<std::string_view, 24> kFirstNames = {
    "ivan",  "anna",   "maria",  "elena", "olga",      "dmitry",  "sergey", "alexey",
    "natalia", "tatiana", "andrey", "irina", "pavel", "ekaterina", "mikhail", "svetlana",
    "nikolay", "yulia",  "artem",  "daria", "kirill",   "polina",  "roman",  "ksenia"};

inline constexpr std::array<std::string_view, 20> kLastNames = {
    "ivanov", "petrova", "smirnov", "kuznetsova", "popov",  "vasilieva", "sokolov",
    "mikhailova", "novikov", "fedorova", "morozov", "volkova", "lebedev", "kozlova",
    "egorov", "pavlova", "orlov", "belova", "zaitsev", "sorokina"};

inline constexpr std::array<std::string_view, 9> kMailDomains = {
    "mail.ru", "yandex.ru", "gmail.com", "bk.ru", "list.ru", "inbox.ru", "rambler.ru", "ya.ru", "icloud.com"};
inline constexpr std::array<unsigned, 9> kMailDomainWeights = {30, 25, 18, 6, 5, 5, 5, 4, 2};

// Set elements in the order they are written.
struct Tag {
  std::string_view name;
  unsigned per_mille;  // chance of being declared, for a customer who declares any
};

inline constexpr std::array kInterests = {
    Tag{"cats", 330},       Tag{"dogs", 350},          Tag{"aquaristics", 80}, Tag{"birds", 60},
    Tag{"gardening", 250},  Tag{"home_decor", 300},    Tag{"cooking", 250},    Tag{"grooming", 150},
    Tag{"pet_toys", 200},   Tag{"eco_products", 120},  Tag{"travel_with_pets", 80}, Tag{"diy", 100},
};

inline constexpr std::array kPetTypes = {
    Tag{"cat", 500},    Tag{"dog", 450},        Tag{"fish", 100},  Tag{"bird", 70},   Tag{"rabbit", 50},
    Tag{"hamster", 50}, Tag{"guinea_pig", 30},  Tag{"ferret", 12}, Tag{"reptile", 20},
};

// Cyrillic and ASCII letters in upper or lower case, for city names typed in
// capitals or without the shift key (enough for the names above).
std::string to_upper(std::string_view utf8);
std::string to_lower(std::string_view utf8);

}  // namespace segc::datagen
