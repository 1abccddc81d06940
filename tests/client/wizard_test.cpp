// The wizard's logic (client/app/wizard.h), natively: which questions it asks, the form as it will be
// sent (typed text, Arabic digits included, made into form values), the problems each step shows and
// the decision the page shows, on the first golden vector's household (tests/golden/rulebook.jsonl:
// a husband's residency renewed for a year inside the 90-day window, 2020-06-01).
#include <gtest/gtest.h>

#include <fstream>

#include "client/app/wizard.h"
#include "common/wire_transactions.h"

namespace muamala::client {
namespace {

class WizardTest : public ::testing::Test {
protected:
    App app;
    const std::string sponsor = "280010101007", husband = "275061502007";

    void SetUp() override {
        std::ifstream golden(std::string(MUAMALA_GOLDEN_DIR) + "/rulebook.jsonl");
        std::string line;
        ASSERT_TRUE(std::getline(golden, line));
        const Json vector = Json::parse(line, nullptr, false);
        ASSERT_EQ(vector["request"]["transaction"]["kind"], "renew_husband_residency");
        std::vector<Problem> problems;
        Household household;
        household.today = *parse_iso_date(vector["request"]["today"].get<std::string>());
        household.sponsor_civil_id = sponsor;
        household.sponsor_phone = "+96591234567";
        household.registry = registry_from_json(vector["request"]["registry"], problems);
        ASSERT_TRUE(problems.empty());
        app.rulebook.data = load_embedded_rulebook().rulebook;
        app.household.data = std::move(household);
        app.session.civil_id = sponsor;
    }

    void type(std::string_view field, std::string text) { app.wizard.fields[std::string(field)].text = std::move(text); }
};

std::vector<std::string_view> step_ids(TransactionKind kind) {
    std::vector<std::string_view> ids;
    for (const WizardStep& step : wizard_steps(kind)) ids.push_back(step.id);
    return ids;
}

TEST_F(WizardTest, AsksOneQuestionAPageAndThePassportAsOneGroup) {
    EXPECT_EQ(step_ids(TransactionKind::renew_husband_residency), (std::vector<std::string_view>{"years", "phone"}));
    EXPECT_EQ(step_ids(TransactionKind::renew_child_licence), (std::vector<std::string_view>{"phone"}));
    const std::vector<WizardStep> transfer = wizard_steps(TransactionKind::transfer_residency_passport);
    ASSERT_EQ(transfer.size(), 2u);
    EXPECT_EQ(transfer[0].id, "passport");
    EXPECT_EQ(transfer[0].fields.size(), 3u) << "number, country and expiry on one page";
    EXPECT_EQ(transfer[1].id, "phone");
}

TEST_F(WizardTest, StartsEmptyWithHerOwnNumberProposedOnce) {
    start_wizard(app, TransactionKind::renew_husband_residency, husband);
    EXPECT_EQ(app.wizard.beneficiary, husband);
    EXPECT_EQ(app.wizard.fields.size(), 2u);
    EXPECT_EQ(app.wizard.fields["years"].text, "");
    EXPECT_EQ(app.wizard.fields["phone"].text, "+96591234567");
    app.wizard.fields["phone"].text.clear();  // she cleared it: it is not proposed again
    propose_phone(app);
    EXPECT_EQ(app.wizard.fields["phone"].text, "");
}

TEST_F(WizardTest, TypedTextBecomesTheFormInAnyDigits) {
    start_wizard(app, TransactionKind::renew_husband_residency, husband);
    type("years", " ٢ ");
    type("phone", "٩٩٠٠ ٠٠٠١");
    TransactionForm form = form_of(app.wizard);
    EXPECT_EQ(form.years, 2);
    EXPECT_EQ(form.phone, "+96599000001");
    type("years", "1.5");
    type("phone", "12");
    form = form_of(app.wizard);
    EXPECT_EQ(form.years, -1) << "not a whole number: a value the core refuses with its range message";
    EXPECT_EQ(form.phone, "12") << "as typed when it is not a phone number";
    type("years", "");
    EXPECT_FALSE(form_of(app.wizard).years);

    start_wizard(app, TransactionKind::transfer_residency_passport, husband);
    type("new_passport_number", "a 123-4567");
    type("new_passport_country", "egy");
    type("new_passport_expires", " ٢٠٣١-٠٥-٢٠ ");
    form = form_of(app.wizard);
    EXPECT_EQ(form.new_passport_number, "A1234567");
    EXPECT_EQ(form.new_passport_country, "EGY");
    EXPECT_EQ(form.new_passport_expires, "2031-05-20");
}

TEST_F(WizardTest, EachStepShowsTheCoresProblemsWithItsFields) {
    start_wizard(app, TransactionKind::renew_husband_residency, husband);
    const std::vector<WizardStep> steps = wizard_steps(TransactionKind::renew_husband_residency);
    type("years", "40");
    type("phone", "12");
    const std::vector<Problem> years = step_problems(app, steps[0]);
    ASSERT_EQ(years.size(), 1u);
    EXPECT_EQ(years[0].field, "years");
    EXPECT_FALSE(years[0].message.ar.empty());
    const std::vector<Problem> phone = step_problems(app, steps[1]);
    ASSERT_FALSE(phone.empty());
    EXPECT_EQ(phone[0].field, "phone");
    type("years", "1");
    type("phone", "+965 9123 4567");
    EXPECT_TRUE(step_problems(app, steps[0]).empty());
    EXPECT_TRUE(step_problems(app, steps[1]).empty());
}

TEST_F(WizardTest, DecidesAsTheServerWillOnTheServersDate) {
    start_wizard(app, TransactionKind::renew_husband_residency, husband);
    type("years", "1");
    std::optional<Decision> decision = local_decision(app);
    ASSERT_TRUE(decision);
    EXPECT_TRUE(decision->eligible);
    EXPECT_GT(decision->total_fils, 0);
    ASSERT_TRUE(decision->new_expiry);
    EXPECT_EQ(*decision->new_expiry, (Date{2021, 7, 1}));

    app.household.data->today = {2020, 1, 1};  // six months before it expires: too early, whatever the form
    decision = local_decision(app);
    ASSERT_TRUE(decision);
    EXPECT_FALSE(decision->eligible);

    app.household.data.reset();
    EXPECT_FALSE(local_decision(app)) << "nothing to decide on before the household arrives";
}

TEST_F(WizardTest, FindsAMemberOfTheHousehold) {
    Household& household = *app.household.data;
    household.members.push_back({.civil_id = husband, .name = {"Ahmed", "أحمد"}});
    ASSERT_NE(find_member(household, husband), nullptr);
    EXPECT_EQ(find_member(household, husband)->name.en, "Ahmed");
    EXPECT_EQ(find_member(household, "000000000000"), nullptr);
}

}  // namespace
}  // namespace muamala::client
