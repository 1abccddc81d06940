#include "server/messages/outbox.h"

#include <algorithm>
#include <string>
#include <vector>

namespace muamala::server {

bool queue_sms(Connection& connection, std::string_view recipient, std::string_view kind, std::string_view dedupe_key,
               const Text& body, std::string_view now_iso) {
    if (recipient.empty()) return false;  // no phone on record: nothing to send to
    connection
        .prepare("INSERT INTO outbox (channel, recipient, kind, dedupe_key, body_en, body_ar, status, created_at) "
                 "VALUES ('sms', ?1, ?2, ?3, ?4, ?5, 'queued', ?6) ON CONFLICT (dedupe_key) DO NOTHING")
        .bind(1, recipient)
        .bind(2, kind)
        .bind(3, dedupe_key)
        .bind(4, body.en)
        .bind(5, body.ar)
        .bind(6, now_iso)
        .step();
    return connection.changes() > 0;
}

namespace {

// Writers share one lock: long work is cut into batches, each its own short write transaction, so
// a sign-in or a payment never waits behind a day's worth of reminders.
constexpr std::size_t kWriteBatch = 500;

struct DueReminder {
    std::string phone, holder, name_en, name_ar, document, expires;
};

}  // namespace

int queue_expiry_reminders(Database& database, const Date& today, std::string_view now_iso) {
    auto connection = database.connect();
    const std::string from = to_iso(add_days(today, -30)), to = to_iso(add_days(today, kReminderDaysAhead));
    // Read first, without the write lock: every household document in the window, with the sponsor
    // who is told about it.
    std::vector<DueReminder> due;
    {
        Statement rows = connection->prepare(R"sql(
            WITH household (sponsor, member) AS (
                SELECT wife, husband FROM marriages WHERE status = 'married'
                UNION SELECT mother, child FROM parentages)
            SELECT s.phone, p.civil_id, p.name_en, p.name_ar, d.document, d.expires
            FROM household h
            JOIN persons s ON s.civil_id = h.sponsor
            JOIN persons p ON p.civil_id = h.member
            JOIN (SELECT holder, 'residency' AS document, expires FROM residencies
                  UNION ALL SELECT holder, 'driving_licence', expires FROM licences
                  UNION ALL SELECT holder, 'passport', expires FROM passports) d ON d.holder = h.member
            WHERE d.expires BETWEEN ?1 AND ?2 AND s.phone <> ''
            ORDER BY h.sponsor, p.civil_id, d.document)sql");
        rows.bind(1, from).bind(2, to);
        while (rows.step())
            due.push_back({rows.column_text(0), rows.column_text(1), rows.column_text(2), rows.column_text(3),
                           rows.column_text(4), rows.column_text(5)});
    }
    int queued = 0;
    for (std::size_t first = 0; first < due.size(); first += kWriteBatch) {
        Transaction transaction(*connection);
        for (std::size_t i = first; i < std::min(due.size(), first + kWriteBatch); ++i) {
            const DueReminder& r = due[i];
            const bool residency = r.document == "residency", licence = r.document == "driving_licence";
            const Text what = residency ? Text{"residency", "إقامة"}
                              : licence ? Text{"driving licence", "رخصة قيادة"}
                                        : Text{"passport", "جواز سفر"};
            const Text body{"Muamala: the " + what.en + " of " + r.name_en + " expires on " + r.expires +
                                ". Renew it from home at Muamala.",
                            "معاملة: تنتهي " + what.ar + " " + r.name_ar + " في " + r.expires +
                                ". جدّدها من المنزل عبر معاملة."};
            if (queue_sms(*connection, r.phone, "expiry_reminder", "reminder:" + r.holder + ":" + r.document + ":" + r.expires,
                          body, now_iso))
                ++queued;
        }
        transaction.commit();
    }
    return queued;
}

int deliver_queued(Database& database, std::string_view now_iso) {
    auto connection = database.connect();
    int delivered = 0;
    for (;;) {
        Transaction transaction(*connection);
        connection
            ->prepare("UPDATE outbox SET status = 'delivered_simulated', delivered_at = ?1 WHERE id IN "
                      "(SELECT id FROM outbox WHERE status = 'queued' ORDER BY id LIMIT ?2)")
            .bind(1, now_iso)
            .bind(2, static_cast<std::int64_t>(kWriteBatch))
            .step();
        const auto changed = connection->changes();
        transaction.commit();
        delivered += static_cast<int>(changed);
        if (changed < static_cast<std::int64_t>(kWriteBatch)) return delivered;
    }
}

Json messages_for(Connection& connection, std::string_view phone) {
    Json messages = Json::array();
    Statement rows = connection.prepare(
        "SELECT kind, recipient, body_en, body_ar, status, created_at, delivered_at FROM outbox WHERE recipient = ?1 "
        "ORDER BY id DESC LIMIT 100");
    rows.bind(1, phone);
    while (rows.step())
        messages.push_back({{"kind", rows.column_text(0)},
                            {"channel", "sms"},
                            {"recipient", rows.column_text(1)},
                            {"body", {{"en", rows.column_text(2)}, {"ar", rows.column_text(3)}}},
                            {"status", rows.column_text(4)},
                            {"created_at", rows.column_text(5)},
                            {"delivered_at", rows.column_is_null(6) ? Json(nullptr) : Json(rows.column_text(6))}});
    return Json{{"simulated", true},
                {"notice", {{"en", "SMS delivery is simulated: no message leaves the server"},
                            {"ar", "إرسال الرسائل النصية محاكاة: لا تغادر أي رسالة الخادم"}}},
                {"messages", std::move(messages)}};
}

}  // namespace muamala::server
