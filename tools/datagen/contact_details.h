// E-mail addresses and phone numbers as customers type them: mostly well
// formed, some capitalised, some broken, plus staff and test accounts.
#pragma once

#include <string>
#include <string_view>

#include "customer.h"
#include "random.h"

namespace segc::datagen {

// Replaces `email` with an address for `c` (its birth date may appear in it),
// or clears it when the customer gave none.
void make_email(Random& random, const Customer& c, std::string& email);

// Replaces `phone` with a number for a customer in `country_code`, or clears it.
void make_phone(Random& random, std::string_view country_code, std::string& phone);

}  // namespace segc::datagen
