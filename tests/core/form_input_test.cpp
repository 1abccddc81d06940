#include "common/form_input.h"

#include <gtest/gtest.h>

#include "common/rulebook.h"

namespace muamala {
namespace {

TEST(FormInput, ADateInEitherArabicScriptReadsAsTheDate) {
    EXPECT_EQ(normalize_date_text("٢٠٣١-٠٥-٢٠"), "2031-05-20");
    EXPECT_EQ(normalize_date_text("۲۰۳۱-۰۵-۲۰"), "2031-05-20");
    EXPECT_EQ(normalize_date_text(" 2031\u2013" "05\u2212" "20\u200F "), "2031-05-20");  // en dash, minus, RLM
    EXPECT_EQ(normalize_date_text("20/05/2031"), "20/05/2031");  // kept, for the rules to refuse
    EXPECT_EQ(normalize_date_text("\xff"), "\xff");
}

TEST(FormInput, YearsAreAWholeNumberInAnyScript) {
    EXPECT_EQ(years_from_text("٣"), 3);
    EXPECT_EQ(years_from_text(" ۱۰ "), 10);
    EXPECT_EQ(years_from_text(""), std::nullopt);
    EXPECT_EQ(years_from_text("1.5"), -1);
    EXPECT_EQ(years_from_text("abc"), -1);
    EXPECT_EQ(years_from_text("12345678"), -1);
}

TEST(FormInput, SetAnswerWritesEachFieldAsTheRulesReadIt) {
    TransactionForm form;
    for (const FormField& field : form_fields(TransactionKind::transfer_residency_passport)) {
        if (field.type == FieldType::phone) set_answer(form, field, "٩٩١٢ ٣٤٥٦");
        if (field.type == FieldType::passport_number) set_answer(form, field, "a12 345-67");
        if (field.type == FieldType::country_code) set_answer(form, field, "egy");
        if (field.type == FieldType::date) set_answer(form, field, "٢٠٣١-٠٥-٢٠");
    }
    EXPECT_EQ(form.phone, "+96599123456");
    EXPECT_EQ(form.new_passport_number, "A1234567");
    EXPECT_EQ(form.new_passport_country, "EGY");
    EXPECT_EQ(form.new_passport_expires, "2031-05-20");
}

TEST(FormInput, NormalisingAFormTwiceChangesNothing) {
    const TransactionForm typed{std::nullopt, "+965 9912-3456", "b7654321", "ind", "۲۰۳۰-۰۱-۰۱"};
    const TransactionForm once = normalize_form(typed);
    const TransactionForm twice = normalize_form(once);
    EXPECT_EQ(once.phone, "+96599123456");
    EXPECT_EQ(once.new_passport_expires, "2030-01-01");
    EXPECT_EQ(twice.phone, once.phone);
    EXPECT_EQ(twice.new_passport_number, once.new_passport_number);
    EXPECT_EQ(twice.new_passport_country, once.new_passport_country);
    EXPECT_EQ(twice.new_passport_expires, once.new_passport_expires);
}

TEST(FormInput, TheRulesAcceptADateTypedInArabicDigits) {
    const Rulebook rulebook = load_embedded_rulebook().rulebook;
    const TransactionRules& rules = rulebook.versions.back().rules_for(TransactionKind::transfer_residency_passport);
    TransactionForm form{std::nullopt, "+96599123456", "A1234567", "EGY", "٢٠٣١-٠٥-٢٠"};
    EXPECT_TRUE(validate_form(TransactionKind::transfer_residency_passport, rules, form).empty());
    form.new_passport_expires = "٢٠٣١-٠٢-٣٠";  // no 30 February
    const std::vector<Problem> problems = validate_form(TransactionKind::transfer_residency_passport, rules, form);
    ASSERT_EQ(problems.size(), 1u);
    EXPECT_EQ(problems.front().code, "form.passport_expiry");
}

}  // namespace
}  // namespace muamala
