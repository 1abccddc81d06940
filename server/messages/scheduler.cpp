#include "server/messages/scheduler.h"

#include "server/appointments/appointments.h"
#include "server/messages/outbox.h"

namespace muamala::server {

ReminderScheduler::ReminderScheduler(Database& database, const Clock& clock, std::chrono::seconds period,
                           std::function<void(const std::string&)> report)
    : database_(database), clock_(clock), period_(period), report_(std::move(report)), thread_([this] { run(); }) {}

ReminderScheduler::~ReminderScheduler() {
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void ReminderScheduler::run() {
    std::unique_lock lock(mutex_);
    while (!stopping_) {
        lock.unlock();
        try {
            const std::string now = iso_timestamp(clock_.now());
            queue_expiry_reminders(database_, kuwait_today(clock_), now);
            queue_appointment_reminders(database_, kuwait_today(clock_), now);
            deliver_queued(database_, now);
        } catch (const std::exception& failure) {
            report_(std::string("reminders: ") + failure.what());
        }
        lock.lock();
        wake_.wait_for(lock, period_, [this] { return stopping_; });
    }
}

}  // namespace muamala::server
