#include "client/app/wizard.h"

#include "client/text/strings.h"
#include "common/evaluate.h"
#include "common/normalize.h"
#include "common/phone.h"

namespace muamala::client {
namespace {

// Digits of every script as ASCII, and the spaces around the text dropped; dashes and everything
// else kept (a date needs its dashes, which normalize_number_input would remove).
std::string date_as_typed(std::string_view typed) {
    std::string out;
    for (size_t i = 0; i < typed.size();) {
        const unsigned char lead = static_cast<unsigned char>(typed[i]);
        // U+0660-0669 are D9 A0..A9; U+06F0-06F9 are DB B0..B9.
        if (i + 1 < typed.size() && (lead == 0xD9 || lead == 0xDB)) {
            const unsigned char next = static_cast<unsigned char>(typed[i + 1]);
            const unsigned char first = lead == 0xD9 ? 0xA0 : 0xB0;
            if (next >= first && next <= first + 9) {
                out += static_cast<char>('0' + (next - first));
                i += 2;
                continue;
            }
        }
        out += typed[i++];
    }
    const size_t begin = out.find_first_not_of(" \t");
    if (begin == std::string::npos) return {};
    return out.substr(begin, out.find_last_not_of(" \t") - begin + 1);
}

// Years as typed, in any digit script with stray spaces. Not a whole number: a value the core
// refuses with its range message, which is the right advice for "abc" or "1.5" too.
std::optional<int64_t> years_as_typed(std::string_view typed) {
    const NormalizedInput years = normalize_number_input(typed);
    if (!years.valid_utf8) return -1;
    if (years.text.empty()) return std::nullopt;
    if (years.text.size() > 6) return -1;
    int64_t value = 0;
    for (char digit : years.text) {
        if (digit < '0' || digit > '9') return -1;
        value = value * 10 + (digit - '0');
    }
    return value;
}

const std::string& text_of(const Wizard& wizard, std::string_view id) {
    static const std::string kEmpty;
    const auto found = wizard.fields.find(id);
    return found == wizard.fields.end() ? kEmpty : found->second.text;
}

const TransactionRules* rules_for(const App& app, TransactionKind kind) {
    if (!app.household.data) return nullptr;
    const RulebookVersion* version = app.rulebook.version_on(app.household.data->today);
    return version ? &version->rules_for(kind) : nullptr;
}

}  // namespace

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
    for (const FormField& field : form_fields(wizard.kind)) {
        const std::string& typed = text_of(wizard, field.id);
        switch (field.type) {
            case FieldType::years: form.years = years_as_typed(typed); break;
            case FieldType::phone: {
                const Validation phone = validate_phone(typed);
                form.phone = phone.ok ? phone.normalized : typed;
                break;
            }
            case FieldType::passport_number: form.new_passport_number = normalize_passport_text(typed); break;
            case FieldType::country_code: form.new_passport_country = normalize_passport_text(typed); break;
            case FieldType::date: form.new_passport_expires = date_as_typed(typed); break;
        }
    }
    return form;
}

std::vector<Problem> step_problems(const App& app, const WizardStep& step) {
    const TransactionRules* rules = rules_for(app, app.wizard.kind);
    if (!rules) return {};  // no rulebook for the day: the check page says so, from the decision
    const TransactionForm form = form_of(app.wizard);
    std::vector<Problem> problems;
    for (const FormField& field : step.fields)
        for (Problem& problem : validate_form_field(field, *rules, form)) problems.push_back(std::move(problem));
    return problems;
}

std::optional<Decision> local_decision(const App& app) {
    if (!app.household.data) return std::nullopt;
    const Household& household = *app.household.data;
    // At the counter the operator acts for the sponsor: the core judges the same request the server will.
    const ActorRole actor = app.session.at_counter() ? ActorRole::center_operator : ActorRole::sponsor;
    const TransactionRequest request{std::string(name_of(app.wizard.kind)), household.sponsor_civil_id, app.wizard.beneficiary,
                                     actor, app.session.civil_id, household.today, true, form_of(app.wizard)};
    return evaluate(app.rulebook, household.registry, request);
}

}  // namespace muamala::client
