// The clock that drives the messages: at start and then every period, it asks each part that has
// something to remind people of (documents about to expire, in the outbox; tomorrow's visits, in the
// appointment book) to queue its reminders, then has the outbox deliver them. It sits above both
// parts so that neither calls the other.
#pragma once
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "server/ops/clock.h"
#include "server/storage/database.h"

namespace muamala::server {

// Queues the day's expiry reminders and tomorrow's appointment reminders (appointments.h) and
// delivers what is queued, at start and then every `period`, on a thread of its own until
// destroyed. Failures go to `report` and are tried again next time.
class ReminderScheduler {
public:
    ReminderScheduler(Database& database, const Clock& clock, std::chrono::seconds period,
                      std::function<void(const std::string&)> report);
    ~ReminderScheduler();
    ReminderScheduler(const ReminderScheduler&) = delete;
    ReminderScheduler& operator=(const ReminderScheduler&) = delete;

private:
    void run();
    Database& database_;
    const Clock& clock_;
    std::chrono::seconds period_;
    std::function<void(const std::string&)> report_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool stopping_ = false;
    std::thread thread_;  // last: starts once everything above is ready
};

}  // namespace muamala::server
