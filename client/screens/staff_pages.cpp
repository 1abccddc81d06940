// Two small pages every signed-in account may see: who is signed in (the landing of a role with no
// screen of its own here), and the refusal of a screen that belongs to another role. The server
// refuses such a screen's calls anyway; this page makes sure the person sees why, not a broken screen.
#include "client/screens/screens.h"
#include "client/text/strings.h"
#include "client/widgets/layout.h"

namespace muamala::client {
namespace {

Phrase role_name(Role role) {
    switch (role) {
        case Role::citizen: return strings::role_citizen;
        case Role::center_operator: return strings::role_operator;
        case Role::supervisor: return strings::role_supervisor;
        case Role::admin: break;
    }
    return strings::role_admin;
}

}  // namespace

void draw_account_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    set_title(app, pick(strings::account_title, language), false);
    heading(ui, "title", pick(strings::account_title, language));
    summary_row(ui, "account-civil-id", pick(strings::signed_in_as, language), ltr(app.session.civil_id));
    summary_row(ui, "account-role", pick(strings::role_key, language), pick(role_name(app.session.role), language));
    vertical_space(ui, 30);
    const Route home = home_route(app);
    if (home.screen == Screen::Account) {
        Block inset(ui, BlockStyle::Inset, theme::kInsetBorder);
        body_text(ui, "account-no-screen", pick(strings::admin_here, language));
    } else if (link(ui, "account-home", pick(strings::go_to_your_start, language))) {
        navigate(app, home, HistoryEntry::Push);
    }
}

void draw_not_for_account_screen(App& app, Ui& ui) {
    use_form_width(ui);
    const Language language = app.language;
    set_title(app, pick(strings::not_for_account_title, language), false);
    heading(ui, "title", pick(strings::not_for_account_title, language));
    body_text(ui, "not-for-account", pick(strings::not_for_account_text, language));
    vertical_space(ui, 10);
    summary_row(ui, "account-role", pick(strings::role_key, language), pick(role_name(app.session.role), language));
    vertical_space(ui, 30);
    if (button(ui, "go-home-button", pick(strings::go_to_your_start, language))) navigate(app, home_route(app), HistoryEntry::Push);
}

}  // namespace muamala::client
