#include "client/app/wizard.h"

#include "client/text/strings.h"
#include "common/evaluate.h"
#include "common/form_input.h"

namespace muamala::client {
namespace {

const std::string& text_of(const Wizard& wizard, std::string_view id) {
    static const std::string kEmpty;
    const auto found = wizard.fields.find(id);
    return found == wizard.fields.end() ? kEmpty : found->second.text;
}

}  // namespace

std::optional<TransactionRules> wizard_rules(const App& app) {
    if (!app.household.data || !app.rulebook.data) return std::nullopt;
    const Household& household = *app.household.data;
    const RulebookVersion* version = app.rulebook.data->version_on(household.today);
    const Person* sponsor = household.registry.find_person(household.sponsor_civil_id);
    if (!version || !sponsor) return std::nullopt;
    return rules_for_sponsor(version->rules_for(app.wizard.kind), app.wizard.kind, *sponsor);
}

std::vector<WizardStep> wizard_steps(TransactionKind kind) {
    std::vector<WizardStep> steps;
    WizardStep passport{"passport", strings::passport_step_heading, {}};
    for (const FormField& field : form_fields(kind)) {
        if (field.type == FieldType::years) steps.push_back({"years", {}, {field}});
        else if (field.type == FieldType::phone) steps.push_back({"phone", {}, {field}});
        else passport.fields.push_back(field);  // the new passport's details: one small group
    }
    if (!passport.fields.empty()) steps.insert(steps.begin(), std::move(passport));
    return steps;
}

void start_wizard(App& app, TransactionKind kind, std::string_view beneficiary) {
    app.wizard = Wizard{.kind = kind, .beneficiary = std::string(beneficiary)};
    for (const FormField& field : form_fields(kind)) app.wizard.fields[std::string(field.id)];
    propose_phone(app);
}

void propose_phone(App& app) {
    Wizard& wizard = app.wizard;
    const auto phone = wizard.fields.find("phone");
    if (wizard.phone_proposed || phone == wizard.fields.end() || !app.household.data) return;
    phone->second.text = app.household.data->sponsor_phone;
    wizard.phone_proposed = true;
}

const Member* find_member(const Household& household, std::string_view civil_id) {
    for (const Member& member : household.members)
        if (member.civil_id == civil_id) return &member;
    return nullptr;
}

TransactionForm form_of(const Wizard& wizard) {
    TransactionForm form;
    for (const FormField& field : form_fields(wizard.kind)) set_answer(form, field, text_of(wizard, field.id));
    return form;
}

std::vector<Problem> step_problems(const App& app, const WizardStep& step) {
    const std::optional<TransactionRules> rules = wizard_rules(app);
    if (!rules) return {};  // no rulebook for the day: the check page says so, from the decision
    const TransactionForm form = form_of(app.wizard);
    std::vector<Problem> problems;
    for (const FormField& field : step.fields)
        for (Problem& problem : validate_form_field(field, *rules, form)) problems.push_back(std::move(problem));
    return problems;
}

std::optional<Decision> local_decision(const App& app) {
    if (!app.household.data || !app.rulebook.data) return std::nullopt;
    const Household& household = *app.household.data;
    // At the counter the operator acts for the sponsor: the core judges the same request the server will.
    const ActorRole actor = app.session.at_counter() ? ActorRole::center_operator : ActorRole::sponsor;
    const TransactionRequest request{std::string(name_of(app.wizard.kind)), household.sponsor_civil_id, app.wizard.beneficiary,
                                     actor, app.session.civil_id, household.today, true, form_of(app.wizard)};
    return evaluate(*app.rulebook.data, household.registry, request);
}

}  // namespace muamala::client
