#include "common/counting.h"

#include <string>

namespace muamala {
namespace {

struct NounForms {
    const char* english_one;
    const char* english_many;
    const char* arabic_one;         // the noun and "one": يوم واحد
    const char* arabic_two;         // the dual: يومان
    const char* arabic_plural;      // after 3..10: أيام
    const char* arabic_accusative;  // after 11..99: يومًا
    const char* arabic_genitive;    // after 100, 1000...: يوم
};

// سنة ends in ta marbuta, which takes its accusative ending unwritten: "11 سنة" is already correct.
constexpr NounForms kDay{"day", "days", "يوم واحد", "يومان", "أيام", "يومًا", "يوم"};
constexpr NounForms kMonth{"month", "months", "شهر واحد", "شهران", "أشهر", "شهرًا", "شهر"};
constexpr NounForms kYear{"year", "years", "سنة واحدة", "سنتان", "سنوات", "سنة", "سنة"};

const NounForms& forms_of(CountedNoun noun) {
    switch (noun) {
        case CountedNoun::day: return kDay;
        case CountedNoun::month: return kMonth;
        case CountedNoun::year: return kYear;
    }
    return kDay;
}

std::string arabic(int64_t n, const NounForms& noun) {
    if (n == 1) return noun.arabic_one;
    if (n == 2) return noun.arabic_two;
    const int64_t last_two_digits = n % 100;
    const char* form = last_two_digits >= 3 && last_two_digits <= 10 ? noun.arabic_plural
                       : last_two_digits >= 11                      ? noun.arabic_accusative
                                                                    : noun.arabic_genitive;
    return std::to_string(n) + " " + form;
}

}  // namespace

Text count_of(int64_t n, CountedNoun noun) {
    const NounForms& forms = forms_of(noun);
    return {std::to_string(n) + " " + (n == 1 ? forms.english_one : forms.english_many), arabic(n, forms)};
}

}  // namespace muamala
