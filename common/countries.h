// Countries as ISO 3166-1 alpha-3 codes: nationalities and passports' issuing countries.
#pragma once
#include <string_view>

namespace muamala {

// True for an officially assigned ISO 3166-1 alpha-3 code (upper case), and for the codes ICAO Doc
// 9303 adds for travel documents: XXA stateless, XXB and XXC refugees, XXX unspecified.
bool is_known_country(std::string_view alpha3);

}  // namespace muamala
