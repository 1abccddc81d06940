// The two languages of the app, and how each writes dates, money and durations. The app's own words
// are in strings.h; messages about inputs and decisions come from common/ (the same words the
// server sends).
#pragma once
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>

#include "common/date.h"
#include "common/left_to_right.h"
#include "common/problem.h"

namespace muamala::client {

enum class Language { English, Arabic };

// The app's own words, in both languages at once: a phrase cannot be added in one language only.
struct Phrase {
    std::string_view en;
    std::string_view ar;
};

inline const std::string& pick(const Text& text, Language language) { return language == Language::Arabic ? text.ar : text.en; }
inline std::string_view pick(const Phrase& phrase, Language language) { return language == Language::Arabic ? phrase.ar : phrase.en; }

inline Text to_text(const Phrase& phrase) { return {std::string(phrase.en), std::string(phrase.ar)}; }

inline Language other_language(Language language) { return language == Language::Arabic ? Language::English : Language::Arabic; }
inline std::string_view language_code(Language language) { return language == Language::Arabic ? "ar" : "en"; }

// `pattern` with each "{}" replaced by the next of `values`, in order.
std::string fill(std::string_view pattern, std::initializer_list<std::string_view> values);

// Codes, IDs and phone numbers inside a sentence go through ltr() (common/left_to_right.h).

// Text from the server or the core, ready to draw: the ISO dates its messages quote (as examples
// of what to type) become left-to-right isolates, as ltr() makes them. Nothing visible changes.
std::string for_display(std::string_view text);

// "26 December 2026" / "26 ديسمبر 2026", as every screen and message writes a date
// (common/calendar_words.h).
std::string format_date(const Date& date, Language language);

// "KD 45.000" / "45.000 د.ك": three decimals, as Kuwait prints fils (common/reasons.h).
std::string format_money(int64_t fils, Language language);

// How long until a document expires, as a tag says it: "30 days left" / "باقي 30 يومًا" (days > 0),
// counted as Arabic counts (common/counting.h): "باقي 100 يوم", "باقي 3 أيام".
std::string format_days_left(int64_t days, Language language);

// "26 December 2026, 14:05" in Kuwait time (UTC+3, no daylight saving) from an ISO-8601 UTC
// timestamp ("2026-12-26T11:05:00Z"); the text as given when it does not read as one.
std::string format_timestamp(std::string_view iso_utc, Language language);

// "1 year" / "سنة واحدة", "3 years" / "3 سنوات", "11 years" / "11 سنة" (common/counting.h).
std::string format_years(int64_t years, Language language);

// "January 2025" / "يناير 2025" from "2025-01" (a month of the supervisor's figures); the text as
// given when it does not read as one.
std::string format_month(std::string_view year_month, Language language);

// "42.5%" from 0.425: a share as the figures show it, one decimal, Western digits in both languages.
std::string format_share(double share);
// Halves round up, as people round (81.25 -> 81.3), where printf would round them to even.
double round_to_tenths(double value);

}  // namespace muamala::client
